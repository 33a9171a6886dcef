// The member's side of reminders (t.reminders): the Påmindelser page, the offer after an answer and
// what the service worker shows. Part of the one catalogue (da.ts includes it); kept in a module of
// its own; the service worker's texts are in one of their own again, so that it carries only them.
import { sw } from './da-reminders-sw';

const CHANNEL_LABELS: Record<string, string> = {
	push: 'Push',
	email: 'E-mail',
	both: 'Begge',
	none: 'Ingen'
};

export const reminders = {
	title: 'Påmindelser',
	navLink: 'Påmindelser',
	/** The navigation link with the number of unread reminders, for screen readers. */
	navUnread: (n: number) => (n === 1 ? '1 ulæst påmindelse' : `${n} ulæste påmindelser`),
	intro: 'Få besked på telefonen, før en frist udløber, og vælg selv hvordan.',
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

	devices: {
		heading: 'Dine enheder',
		none: 'Påmindelser er ikke slået til på nogen enhed endnu.',
		thisDevice: 'Denne enhed',
		lastSeen: (when: string) => `Sidst set ${when}`,
		unnamed: 'Ukendt enhed',
		sendTest: 'Send en test',
		testSent: 'Testen er sendt. Den bør komme frem om et øjeblik.',
		remove: 'Fjern',
		removed: 'Enheden er fjernet.',
		gone: 'Enheden findes ikke længere.',
		failed: 'Det lykkedes ikke. Prøv igen om lidt.',
		/** Read by screen readers after a device's button, naming the device. */
		forDevice: (name: string) => `for ${name}`
	},

	prefs: {
		heading: 'Hvad vil du have påmindelser om?',
		how: 'Hvordan',
		kinds: {
			attendance: 'Mødesvar-frist',
			nomination: 'Indmeldingsfrist',
			meeting_tomorrow: 'Mødet i morgen',
			agenda_published: 'Dagsorden udsendt',
			agenda_changed: 'Dagsorden ændret',
			minutes_published: 'Referat udsendt',
			follow_up: 'Opfølgningspunkter'
		} as Record<string, string>,
		channels: CHANNEL_LABELS,
		pushNote: 'Push går til de enheder, du har slået til. Har du ingen, får du en e-mail i stedet.',
		quietHeading: 'Stille timer',
		quietIntro: 'I de stille timer sender vi intet. En påmindelse, der ville falde der, kommer kl. 7.30.',
		quietFrom: 'Fra kl.',
		quietTo: 'Til kl.',
		clockHint: 'TT:MM, fx 21:00',
		save: 'Gem',
		saved: 'Gemt',
		errors: {
			clock: 'Skriv et klokkeslæt som TT:MM, fx 21:00.',
			channel: 'Vælg push, e-mail, begge eller ingen.',
			form: 'Påmindelserne kunne ikke gemmes. Prøv igen.'
		}
	},

	recent: {
		heading: 'Seneste påmindelser',
		none: 'Du har ikke fået nogen påmindelser endnu.',
		unread: 'Ulæst',
		sentAt: (when: string) => `Sendt ${when}`,
		via: { push: 'som push', email: 'på e-mail', both: 'som push og på e-mail', none: '' } as Record<string, string>
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
