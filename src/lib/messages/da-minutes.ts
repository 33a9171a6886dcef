// The minutes editor and the print view (issue 10). A catalogue module of its own, imported only by
// those pages and their server code, so it does not travel with every route as `t` does.

export const minutes = {
	title: (meeting: string) => `Referat: ${meeting}`,
	back: 'Tilbage til mødet',
	printLink: 'Udskriv referat',
	notFound: 'Mødet findes ikke, eller du har ikke adgang til det.',
	intro: 'Skriv referatet punkt for punkt. Hvert punkt gemmes for sig, så intet går tabt.',
	status: {
		draft: 'Dagsordenen er ikke udsendt endnu.',
		published: 'Referatet er ikke udsendt. Kun sekretariatet kan se det.',
		shared: 'Referatet er ikke udsendt. Kun sekretariatet og formandskabet kan se det.',
		out: (when: string) => `Referatet blev udsendt ${when}. Ændringer ses straks af medlemmerne.`
	},
	saved: 'Gemt',
	save: 'Gem',
	saveItem: (position: number) => `Gem punkt ${position}`,
	date: {
		heading: 'Referatets dato',
		label: 'Dato',
		save: 'Gem dato'
	},
	participants: {
		heading: 'Mødedeltagere',
		hint: 'Dannes af fremmødet. Ret svarene på fremmødesiden.',
		show: 'Vis deltagerblokken',
		link: 'Gå til fremmøde'
	},
	item: {
		slot: (range: string) => `kl. ${range}`,
		presenter: (name: string) => `v/ ${name}`,
		minutes: 'Referat',
		minutesHint: 'Tom linje mellem afsnit. “- ” giver punktopstilling. Links skrives som https://…',
		decisions: 'Beslutninger',
		decision: (n: number) => `Beslutning ${n}`,
		newDecision: 'Ny beslutning',
		newDecisionHint: 'Skriv en beslutning og tryk Gem. Tomt felt: ingen ny beslutning.',
		up: (n: number) => `Flyt beslutning ${n} op`,
		down: (n: number) => `Flyt beslutning ${n} ned`,
		remove: (n: number) => `Fjern beslutning ${n}`
	},
	followUps: {
		heading: 'Opfølgningspunkter',
		forItem: (position: number) => `Opfølgningspunkter til punkt ${position}`,
		meetingLevel: 'Opfølgningspunkter for hele mødet',
		none: 'Ingen opfølgningspunkter.',
		add: 'Tilføj opfølgningspunkt',
		text: 'Hvad skal der følges op på',
		owner: 'Ansvarlig',
		ownerNone: 'Ingen ansvarlig',
		ownerPeople: 'Personer i gruppen',
		ownerOrganizations: 'Organisationer i gruppen',
		ownerFree: 'Andet (skriv selv)',
		ownerText: 'Ansvarlig (fritekst)',
		ownerTextHint: 'Fx “Sekretariatet” eller “Kommunerne”.',
		due: 'Frist',
		done: 'Udført',
		save: 'Gem opfølgningspunkt',
		remove: 'Fjern opfølgningspunkt',
		numbered: (n: number) => `Opfølgningspunkt ${n}`
	},
	publish: {
		heading: 'Udsend referat',
		explain: 'Når referatet udsendes, kan alle gruppens medlemmer læse det, og de får besked én gang.',
		button: 'Udsend referat',
		confirm: 'Er du sikker? Medlemmerne får besked nu.',
		yes: 'Ja, udsend referatet',
		no: 'Fortryd',
		done: 'Referatet er udsendt. Medlemmerne får besked.',
		already: 'Referatet er udsendt.'
	},
	errors: {
		notSaved: 'Det blev ikke gemt. Prøv igen, eller genindlæs siden.',
		invalid: 'Tjek feltet.',
		required: 'Feltet skal udfyldes.',
		tooLong: 'Teksten er for lang.',
		date: 'Skriv datoen som dd-mm-åååå.',
		ownerText: 'Skriv hvem der er ansvarlig, eller vælg en anden ansvarlig.'
	}
};

export const print = {
	title: (meeting: string) => `Udskriv: ${meeting}`,
	agenda: 'Dagsorden',
	minutes: 'Referat',
	button: 'Udskriv',
	back: 'Tilbage til mødet',
	hint: 'Udskriv eller gem som PDF med browserens udskrift. Siden er sat op til A4.',
	header: {
		time: 'Tidspunkt',
		place: 'Sted',
		catering: 'Forplejning',
		chair: 'Mødeleder',
		minuteTakers: 'Referenter',
		minutesDate: 'Referatets dato'
	},
	participants: 'Mødedeltagere',
	guests: 'Gæster',
	absent: 'Afbud',
	item: {
		recommendation: 'Indstilling',
		background: 'Sagsfremstilling',
		minutes: 'Referat',
		decisions: 'Beslutning',
		presenter: (name: string) => `v/${name}`,
		attachments: 'Bilag'
	},
	followUps: 'OPFØLGNINGSPUNKTER',
	followUpOwner: 'Ansvarlig',
	followUpDue: 'Frist',
	followUpItem: (n: number) => `Punkt ${n}`,
	nextMeeting: 'Næste møde',
	noItems: 'Dagsordenen har ingen punkter endnu.',
	and: 'og'
};
