// The agenda editor and "Nyt møde" (issue 10): their texts, in a module of their own so that they
// travel only with those pages. The member pages' change marks take their words from the server
// (src/lib/server/meetings.ts reads `changes` here), so nothing of this module reaches their bundles.

export const editor = {
	newMeeting: {
		heading: 'Nyt møde',
		intro: 'Mødet udfyldes ud fra gruppens seneste møde. Ret det, du vil, og gem det som kladde.',
		chooseGroup: 'Gruppe',
		noTemplate: 'Gruppen har ingen tidligere møder; udfyld mødet fra bunden.',
		fromTemplate: (title: string, date: string) => `Udfyldt ud fra „${title}“ ${date}.`,
		save: 'Gem som kladde og rediger dagsorden',
		pickGroup: 'Vælg gruppe'
	},
	fields: {
		title: 'Titel',
		date: 'Dato',
		startTime: 'Starter kl.',
		endTime: 'Slutter kl.',
		room: 'Lokale',
		address: 'Adresse',
		locationNote: 'Bemærkning til stedet',
		catering: 'Forplejning',
		chair: 'Mødeleder',
		minuteTakers: 'Referenter',
		noChair: 'Ingen valgt',
		daysBefore: 'Svarfrist: antal dage før mødet',
		daysBeforeHint: 'Svarfristen er kl. 23.59 den dag. Tom: ingen fast regel.',
		share: 'Del kladden med formandskabet',
		shareHint: 'Formand og medformand kan så læse dagsorden og referat, før de udsendes.'
	},
	editorPage: {
		heading: (title: string) => `Rediger: ${title}`,
		header: 'Mødet',
		saveHeader: 'Gem mødet',
		saved: 'Gemt',
		agenda: 'Dagsorden',
		noItems: 'Dagsordenen har ingen punkter endnu.',
		agendaEnds: (time: string) => `Dagsordenen slutter kl. ${time}.`,
		addItem: 'Tilføj punkt',
		itemTitle: 'Punktets titel',
		duration: 'Varighed (minutter)',
		durationHint: 'Tom for et punkt uden tid, fx en skriftlig orientering.',
		kind: 'Type',
		presenter: 'Oplægsholder (v/ …)',
		moveUp: 'Flyt op',
		moveDown: 'Flyt ned',
		remove: 'Fjern',
		confirmRemove: (title: string) => `Fjern punktet „${title}“ fra dagsordenen?`,
		removeYes: 'Ja, fjern punktet',
		cancel: 'Fortryd',
		editItem: 'Tekster og bilag',
		noSlot: 'uden tid',
		dragHint: 'Træk et punkt for at flytte det, eller brug knapperne.',
		preview: 'Se mødet som medlem',
		draft: 'Kladde: kun sekretariatet kan se mødet.',
		publishedAt: (when: string) => `Dagsordenen blev udsendt ${when}.`
	},
	publish: {
		button: 'Udsend dagsorden',
		confirm:
			'Når dagsordenen udsendes, kan alle gruppens medlemmer se mødet, og de får besked (push eller e-mail efter deres valg).',
		confirmButton: 'Ja, udsend dagsorden nu',
		done: 'Dagsordenen er udsendt, og medlemmerne får besked.'
	},
	changes: {
		heading: 'Ændret siden udsendelse',
		notify: 'Giv medlemmerne besked om ændringerne',
		notified: (when: string) => `Medlemmerne fik besked ${when}.`,
		notifiedNow: 'Medlemmerne får besked om ændringerne.',
		nothingNew: 'Medlemmerne har allerede fået besked om disse ændringer.',
		itemMark: 'Ændret',
		/** The kinds of change an item can have, as members read them. */
		kinds: {
			new: 'nyt punkt',
			title: 'ny titel',
			time: 'nyt tidspunkt',
			presenter: 'ny oplægsholder',
			kind: 'ny punkttype',
			text: 'ændret tekst',
			attachment: 'nyt bilag'
		} as Record<string, string>
	},
	kinds: {
		decision: 'Beslutning',
		discussion: 'Drøftelse',
		orientation: 'Orientering',
		written: 'Skriftlig orientering'
	} as Record<string, string>,
	errors: {
		required: 'Skal udfyldes.',
		title: 'Skriv en titel.',
		date: 'Vælg en dato.',
		time: 'Skriv et klokkeslæt som 08.00.',
		duration: 'Skriv varigheden i hele minutter, eller lad feltet stå tomt.',
		daysBefore: 'Skriv et helt antal dage fra 0 til 60, eller lad feltet stå tomt.',
		group: 'Vælg en af de grupper, du er sekretariat for.',
		notSaved: 'Det blev ikke gemt. Prøv igen.',
		stale: 'Dagsordenen er ændret i mellemtiden. Siden er hentet igen; prøv så igen.'
	}
};
