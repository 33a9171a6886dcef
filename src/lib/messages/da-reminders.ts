// The member's side of reminders that every page may show (t.reminders): the navigation link, the
// switch and the offer after an answer, and what the service worker shows (in a module of its own
// again, so that the worker carries only that). The Påmindelser page's own texts are in
// da-reminders-page.ts, so that they travel only with that page.
import { sw } from './da-reminders-sw';

export const reminders = {
	navLink: 'Påmindelser',
	/** The navigation link with the number of unread reminders, for screen readers. */
	navUnread: (n: number) => (n === 1 ? '1 ulæst påmindelse' : `${n} ulæste påmindelser`),
	fromDeadlines: 'Påmindelser om dine frister',

	device: {
		heading: 'Påmindelser på denne enhed',
		turnOn: 'Slå påmindelser til på denne enhed',
		turnOff: 'Slå påmindelser fra på denne enhed',
		working: 'Et øjeblik …',
		on: 'Påmindelser er slået til på denne enhed.',
		off: 'Påmindelser er slået fra på denne enhed.',
		unsupported: 'Denne browser kan ikke vise påmindelser. Du får dem i stedet på e-mail, og du kan altid se dem her.',
		blocked: 'Påmindelser er blokeret for Klyngeportal i din browser.',
		unblockHelp:
			'Åbn browserens indstillinger for denne side (fx låsen ved adressen), vælg Notifikationer, og tillad dem. Kom så tilbage hertil.',
		denied: 'Du sagde nej til påmindelser. Du kan ændre det i browserens indstillinger.',
		failed: 'Påmindelserne kunne ikke slås til. Prøv igen om lidt.',
		notConfigured: 'Påmindelser på telefonen er ikke sat op endnu. Du får dem på e-mail.',
		iosInstall: 'På iPhone virker påmindelser, når Klyngeportal er lagt på hjemmeskærmen og åbnet derfra.',
		noScript: 'Slå JavaScript til for at få påmindelser på denne enhed.'
	},

	offer: {
		question: 'Vil du have en påmindelse før næste frist?',
		turnOn: 'Ja, slå påmindelser til',
		dismiss: 'Nej tak',
		done: 'Påmindelser er slået til. Du kan ændre dem under Påmindelser.'
	},

	/** What the service worker shows. */
	sw
};
