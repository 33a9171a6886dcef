// The Påmindelser page's texts (devices, preferences, recent reminders): part of the one catalogue,
// in a module of their own so that they travel only with that page, not with every route as `t`
// does. The texts every page may show are in da-reminders.ts (t.reminders).

const CHANNEL_LABELS: Record<string, string> = {
	push: 'Push',
	email: 'E-mail',
	both: 'Begge',
	none: 'Ingen'
};

export const remindersPage = {
	title: 'Påmindelser',
	intro: 'Få besked på telefonen, før en frist udløber, og vælg selv hvordan.',

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
	}
};
