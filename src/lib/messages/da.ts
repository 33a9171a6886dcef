// Every text a user reads, in Danish. English may follow as a second catalogue with the same shape.
import { reminders } from './da-reminders';

export const da = {
	app: {
		name: 'Klyngeportal',
		tagline: 'Dagsordener, fremmøde og frister for klyngens grupper',
		skipToContent: 'Gå til indhold',
		home: 'Forside',
		meetings: 'Møder',
		calls: 'Indkaldelser',
		logout: 'Log ud',
		logoutEverywhere: 'Log ud på alle enheder',
		loggedInAs: 'Logget ind som',
		mainNav: 'Hovedmenu'
	},
	login: {
		title: 'Log ind',
		intro: 'Vi sender en engangskode til din e-mail. Du skal ikke huske en adgangskode.',
		email: 'E-mail',
		sendCode: 'Send kode',
		codeSentTo: (email: string) =>
			`Hvis ${email} er oprettet i Klyngeportal, har vi sendt en kode dertil. Den gælder i 10 minutter.`,
		code: 'Kode fra e-mailen',
		codeHint: '6 cifre',
		verify: 'Log ind',
		otherEmail: 'Brug en anden e-mail',
		resend: 'Send en ny kode',
		codeResent: (email: string) =>
			`Hvis ${email} er oprettet i Klyngeportal, har vi sendt en ny kode dertil. Den gælder i 10 minutter.`,
		withPassword: 'Log ind med adgangskode',
		password: 'Adgangskode',
		loginWithPassword: 'Log ind',
		demoInbox: 'Demo: åbn indbakken med koden',
		errors: {
			emailRequired: 'Skriv din e-mail.',
			emailInvalid: 'Skriv en gyldig e-mail, fx navn@kommune.dk.',
			codeRequired: 'Skriv koden fra e-mailen.',
			codeInvalid: 'Koden er forkert eller udløbet. Prøv igen, eller få en ny kode.',
			codeExpired: 'Din kode er udløbet. Få en ny kode.',
			codeSpent: 'Koden er forkert, og du har prøvet for mange gange. Få en ny kode.',
			passwordRequired: 'Skriv din adgangskode.',
			credentials: 'E-mail eller adgangskode er forkert.',
			tooMany: 'For mange forsøg. Vent lidt, og prøv igen.',
			unavailable: 'Vi kunne ikke logge dig ind lige nu. Prøv igen om lidt.'
		}
	},
	home: {
		title: 'Forside',
		greeting: (name: string) => `Hej ${name}`,
		nextMeeting: 'Dit næste møde',
		noNextMeeting: 'Du har ingen kommende møder.',
		openAgenda: 'Se dagsorden',
		allUpcoming: 'Alle kommende møder',
		allPast: 'Tidligere møder',
		overviews: 'Fremmøde til dine møder',
		overviewCounts: (c: {
			attending: number;
			partial: number;
			substitute: number;
			absent: number;
			unanswered: number;
		}) =>
			`Deltager ${c.attending} · Delvist ${c.partial} · Suppleant ${c.substitute} · Afbud ${c.absent} · Mangler svar ${c.unanswered}`
	},
	/** Installing the app: the one-time hint for iPhone and iPad, where Safari has no install prompt. */
	install: {
		iosHintTitle: 'Læg Klyngeportal på hjemmeskærmen',
		iosHintSteps: 'Tryk på Del i Safari, og vælg Føj til hjemmeskærm.',
		iosHintWhy: 'Så åbner Klyngeportal som en app med sit eget ikon.',
		close: 'Luk'
	},
	meetings: {
		title: 'Møder',
		upcoming: 'Kommende',
		past: 'Tidligere',
		noneUpcoming: 'Ingen kommende møder i dine grupper.',
		nonePast: 'Ingen tidligere møder i dine grupper.',
		status: {
			draft: 'Kladde',
			published: 'Dagsorden udsendt',
			held: 'Afholdt',
			minutes_published: 'Referat udsendt'
		} as Record<string, string>
	},
	meeting: {
		time: 'Tidspunkt',
		place: 'Sted',
		map: 'Vis på kort',
		catering: 'Forplejning',
		chair: 'Mødeleder',
		minuteTakers: 'Referenter',
		participants: 'Mødedeltagere',
		guests: 'Gæster',
		absent: 'Afbud',
		agenda: 'Dagsorden',
		minutesDate: 'Referat dato',
		followUps: 'Opfølgningspunkter',
		followUpDue: (date: string) => `frist ${date}`,
		presenter: (who: string) => `v/${who}`,
		item: (n: number) => `Punkt ${n}`,
		backToMeetings: 'Alle møder',
		noItems: 'Dagsordenen er ikke klar endnu.',
		and: 'og'
	},
	item: {
		/** The secretariat's button to make a nomination call from the item. */
		createCall: 'Opret indkaldelse',
		recommendation: 'Indstilling',
		background: 'Sagsfremstilling',
		attachments: 'Bilag',
		minutes: 'Referat',
		decisions: 'Beslutninger',
		noBackground: 'Ingen sagsfremstilling.',
		minutesPending: 'Referatet er ikke udsendt endnu.',
		backToMeeting: 'Til dagsordenen',
		previous: 'Forrige punkt',
		next: 'Næste punkt'
	},
	attendance: {
		title: 'Dit svar',
		heading: (title: string) => `Deltager du i ${title}?`,
		status: {
			attending: 'Deltager',
			absent: 'Afbud',
			substitute: 'Afbud med suppleant',
			partial: 'Deltager delvist'
		} as Record<string, string>,
		yourAnswer: (status: string) => `Dit svar: ${status}`,
		/** An answer in full, where it is shown back to the member. */
		summary: {
			substitute: (who: string) => `Afbud med suppleant: ${who}`,
			between: (from: string, to: string) => `Deltager kl. ${from}–${to}`,
			from: (time: string) => `Deltager fra kl. ${time}`,
			until: (time: string) => `Deltager indtil kl. ${time}`
		},
		yourNote: 'Din note',
		notAnswered: 'Du har ikke svaret endnu.',
		attend: 'Deltager',
		decline: 'Afbud',
		withSubstitute: 'Afbud med suppleant',
		partly: 'Deltager delvist',
		moreOptions: 'Flere muligheder og note',
		deadline: (when: string) => `Svar senest ${when}.`,
		locked: 'Svarfristen er overskredet. Kontakt sekretariatet, hvis dit svar skal ændres.',
		saved: 'Dit svar er gemt.',
		choose: 'Dit svar',
		substituteName: 'Suppleantens navn',
		substituteTitle: 'Suppleantens titel',
		substituteEmail: 'Suppleantens e-mail',
		substituteEmailHint: 'Suppleanten får en invitation og kan læse mødets dagsorden og bilag.',
		arrives: 'Jeg kommer kl.',
		leaves: 'Jeg går kl.',
		timesHint: (from: string, to: string) => `Mødet varer kl. ${from}-${to}. Udfyld det ene eller begge.`,
		missed: 'Du går glip af',
		missesNothing: 'Du er med under hele dagsordenen.',
		note: 'Note til sekretariatet',
		noteHint: 'Højst 1.000 tegn.',
		save: 'Gem svar',
		onBehalf: (name: string) => `Svar for ${name}`,
		/** The answer form's words when the secretariat fills it in for a member. */
		forMember: {
			choose: 'Svar',
			arrives: 'Kommer kl.',
			leaves: 'Går kl.',
			missed: 'Går glip af',
			missesNothing: 'Er med under hele dagsordenen.',
			note: 'Note'
		},
		recordedBy: 'registreret af sekretariatet',
		// What a valid answer is (and its Danish messages) lives in pb_hooks/lib/attendance.js; the
		// page adds only what needs no server.
		errors: {
			status: 'Vælg et svar.',
			time: 'Skriv et klokkeslæt, fx 09:45.',
			locked: 'Svarfristen er overskredet, så svaret kan ikke ændres. Kontakt sekretariatet.',
			notAllowed: 'Du kan ikke svare på dette møde.',
			invalid: 'Tjek feltet.'
		}
	},
	overview: {
		title: 'Fremmøde',
		link: 'Se fremmøde',
		counts: 'Overblik',
		attending: 'Deltager',
		partial: 'Delvist',
		substitute: 'Suppleant',
		absent: 'Afbud',
		unanswered: 'Mangler svar',
		live: 'Opdateres automatisk',
		updatedAt: (time: string) => `Opdateret kl. ${time}`,
		remind: 'Send påmindelse til dem, der mangler at svare',
		reminded: (names: string[]) =>
			names.length ? `Påmindelse sendt til ${names.join(', ')}.` : 'Alle har svaret; ingen påmindelser sendt.',
		lastReminder: (when: string, sender: string, names: string[]) =>
			`Sidste påmindelse: ${when}, sendt af ${sender} til ${names.join(', ')}.`,
		confirmRemind: 'Der er sendt påmindelser for mindre end et døgn siden. Vil du sende en påmindelse igen?',
		remindAgain: 'Ja, send påmindelse igen',
		dontRemind: 'Nej, send ikke',
		answerFor: 'Svar for',
		csv: 'Hent svar som CSV',
		/** The start of the CSV's file name ("fremmøde-<group>-<date>.csv"). */
		csvFilePrefix: 'fremmøde',
		block: 'Deltagerliste til referatet',
		copy: 'Kopiér',
		copied: 'Kopieret.',
		guests: 'Gæster',
		guestName: 'Navn',
		guestTitle: 'Titel',
		guestOrganization: 'Organisation',
		addGuest: 'Tilføj gæst',
		removeGuest: (name: string) => `Fjern ${name}`,
		guestNameRequired: 'Skriv gæstens navn.',
		noGuests: 'Ingen gæster.'
	},
	block: {
		participants: 'Mødedeltagere:',
		guests: 'Gæster:',
		absent: 'Afbud:',
		substituteFor: (name: string) => `suppleant for ${name}`,
		from: (time: string) => `fra kl. ${time}`,
		until: (time: string) => `indtil kl. ${time}`,
		between: (from: string, to: string) => `kl. ${from}-${to}`
	},
	roles: {
		member: '',
		chair: 'formand',
		co_chair: 'medformand',
		secretariat: 'sekretariat',
		observer: 'observatør',
		guest: 'gæst'
	} as Record<string, string>,
	kinds: {
		decision: 'Beslutning',
		orientation: 'Orientering',
		discussion: 'Drøftelse',
		written: 'Skriftlig orientering'
	} as Record<string, string>,
	errors: {
		notFoundTitle: 'Siden findes ikke',
		notFound: 'Siden findes ikke, eller du har ikke adgang til den.',
		meetingNotFound: 'Mødet findes ikke, eller du har ikke adgang til det.',
		itemNotFound: 'Dagsordenspunktet findes ikke, eller du har ikke adgang til det.',
		groupNotFound: 'Gruppen findes ikke, eller du har ikke adgang til den.',
		fileNotFound: 'Bilaget findes ikke, eller du har ikke adgang til det.',
		generic: 'Der skete en fejl. Prøv igen om lidt.',
		errorId: (id: string) => `Fejl-id: ${id}`,
		offline: 'Du er offline, og siden er ikke gemt til offline brug.',
		goHome: 'Til forsiden'
	},
	nominations: {
		title: 'Indkaldelser',
		deadlines: 'Dine frister',
		noDeadlines: 'Du har ingen frister lige nu.',
		allCalls: 'Alle indkaldelser',
		kinds: { attendance: 'Svar på fremmøde', nomination: 'Meld deltagere ind', follow_up: 'Opfølgning' } as Record<
			string,
			string
		>,
		open: 'Åbne indkaldelser',
		earlier: 'Tidligere indkaldelser',
		noOpen: 'Der er ingen åbne indkaldelser.',
		noEarlier: 'Ingen tidligere indkaldelser.',
		drafts: 'Kladder',
		create: 'Ny indkaldelse',
		track: 'Se indmeldinger',
		notFound: 'Indkaldelsen findes ikke, eller du har ikke adgang til den.',
		deadline: (date: string, urgent: boolean, when: string) =>
			`${urgent ? 'Hurtigst muligt og senest' : 'Senest'} ${date} — ${when}`,
		inDays: (n: number) => `om ${n} dage`,
		today: 'i dag',
		tomorrow: 'i morgen',
		expired: 'udløbet',
		fromItem: 'Fra dagsordenspunkt',
		purpose: 'Formål',
		seatsLeft: (n: number, quota: number) =>
			n === 0
				? quota === 1
					? 'Pladsen er besat for din organisation.'
					: `Alle ${quota} pladser er besat for din organisation.`
				: `${n} ${n === 1 ? 'ledig plads' : 'ledige pladser'}${quota > 1 ? ` af ${quota}` : ''} for din organisation.`,
		seatsPerOrganisation: (quota: number) => `${quota} ${quota === 1 ? 'plads' : 'pladser'} pr. organisation.`,
		yourNominees: 'Meldt ind fra din organisation',
		noneYet: 'Ingen endnu.',
		namedBy: (name: string) => `meldt ind af ${name}`,
		response: { confirmed: 'har bekræftet', declined: 'har afslået', '': 'har ikke svaret endnu' } as Record<
			string,
			string
		>,
		others: (answered: number, notAnswered: number) =>
			`Andre organisationer: ${answered} har svaret, ${notAnswered} har ikke svaret.`,
		answeredNone: 'Din organisation har svaret: vi melder ingen ind.',
		notEligible: 'Din organisation er ikke blandt dem, der kan melde ind.',
		closed: 'Indkaldelsen er lukket for ændringer.',
		draft: 'Indkaldelsen er ikke åbnet endnu.',
		whom: 'Hvem melder I ind?',
		myself: (name: string) => `Mig selv (${name})`,
		someoneElse: 'En anden person',
		name: 'Navn',
		jobTitle: 'Titel',
		email: 'E-mail',
		emailHint: 'Personen får en mail og kan bekræfte eller afslå.',
		phone: 'Telefon (valgfrit)',
		nominate: 'Meld ind',
		none: 'Vi melder ingen ind',
		undoNone: 'Fortryd "vi melder ingen ind"',
		change: 'Ret',
		saveChange: 'Gem ændringer',
		withdraw: 'Træk tilbage',
		saved: 'Indstillingen er gemt.',
		savedNone: 'Gemt: I melder ingen ind.',
		withdrawn: 'Indstillingen er trukket tilbage.',
		withdrawOf: (name: string) => `Træk ${name} tilbage`,
		status: { draft: 'Kladde', open: 'Åben', closed: 'Lukket' } as Record<string, string>,
		answered: 'I har svaret',
		notAnswered: 'I mangler at svare',
		notForYou: 'Ikke til din organisation',
		onItem: 'Indkaldelser fra punktet',
		/** A composed forum whose group the reader may not see by name. */
		becameUnnamed: 'Blev til en gruppe',
		/** After a decision: the call made from it. */
		fromDecision: 'Indkaldelse:',
		became: (name: string) => `Blev til gruppen ${name}`,
		errors: {
			choose: 'Vælg, hvem I melder ind.',
			name: 'Skriv personens navn.',
			email: 'Skriv en gyldig e-mailadresse, fx navn@firma.dk.',
			invalid: 'Tjek feltet.',
			duplicate: 'Personen er allerede meldt ind i dette forum.',
			closed: 'Fristen er overskredet, så indstillingen kan ikke ændres. Kontakt sekretariatet.',
			refused: 'Indstillingen blev ikke gemt. Prøv igen, eller kontakt sekretariatet.'
		},
		token: {
			title: 'Du er meldt ind',
			intro: (by: string, org: string, forum: string, call: string) =>
				`${by} fra ${org} har meldt dig ind til ${forum} (Indkaldelse: ${call}).`,
			group: (name: string) => `Gruppe: ${name}`,
			deadline: (date: string) => `Svar senest ${date}.`,
			confirm: 'Bekræft',
			decline: 'Afslå',
			confirmed: 'Tak. Du har bekræftet, at du deltager.',
			declined: 'Du har afslået. Sekretariatet og den, der meldte dig ind, kan se det.',
			current: (answer: string) => `Dit svar: ${answer}.`,
			answers: { confirmed: 'bekræftet', declined: 'afslået' } as Record<string, string>,
			notFound: 'Linket virker ikke. Det kan være forkert kopieret, eller indstillingen er trukket tilbage.'
		}
	},
	offline: {
		title: 'Du er offline',
		notSaved: 'Siden er ikke gemt på telefonen, og vi kan ikke nå Klyngeportal lige nu.',
		savedIntro: 'Disse møder er gemt og kan læses uden net:',
		nothingSaved: 'Der er ingen gemte møder på telefonen endnu.',
		tryAgain: 'Prøv igen',
		storageLink: 'Se hvad der er gemt',
		notSavedMark: '(ikke gemt)',
		storageTitle: 'Gemt til offline',
		storageIntro:
			'Møder fra de sidste 90 dage og kommende møder gemmes på telefonen, når du er online, så du kan læse dem uden net.',
		meetings: 'Møder',
		items: 'Punkter',
		attachments: 'Bilag',
		savedCount: (saved: number, listed: number) => `${saved} af ${listed}`,
		space: 'Plads',
		usedByApp: (size: string) => `Gemte sider og bilag fylder ${size}.`,
		quota: (used: string, quota: string) => `Browseren bruger ${used} af ${quota} til Klyngeportal.`,
		lastSaved: (when: string) => `Sidst gemt ${when}.`,
		neverSaved: 'Der er ikke gemt noget endnu.',
		clear: 'Ryd gemte data',
		cleared: 'De gemte data er ryddet.',
		noSupport: 'Din browser kan ikke gemme sider til offline brug.',
		saveMeeting: 'Gem til offline',
		savingMeeting: 'Gemmer …',
		meetingSaved: 'Mødet er gemt til offline brug.',
		saveFailed: 'Mødet kunne ikke gemmes. Prøv igen, når du er online.',
		updateReady: 'Ny version',
		reload: 'genindlæs'
	},
	/** Answers waiting on the phone for the network (src/lib/offline). */
	outbox: {
		waiting: 'Venter på netværk',
		waitingCount: (n: number) => `Venter på netværk (${n} svar)`,
		waitingHint: 'Svarene sendes, så snart der er forbindelse. De er ikke sendt endnu.',
		sent: 'Sendt',
		sentCount: (n: number) => (n === 1 ? 'Sendt: dit svar er gemt.' : `Sendt: ${n} svar er gemt.`),
		refusedTitle: 'Et svar blev ikke gemt',
		refused: (label: string, reason: string) => `${label}. ${reason}`,
		dismiss: 'OK',
		sendNow: 'Prøv at sende nu',
		logoutWarning: (n: number) =>
			`Du har ${n} svar, der venter på netværk. Logger du ud nu, bliver ${n === 1 ? 'det' : 'de'} ikke sendt.`,
		logoutAnyway: 'Log ud alligevel',
		/** Names of queued answers, in the list of what waits. */
		attendanceLabel: (answer: string, meeting: string) => (meeting ? `${answer}: ${meeting}` : answer),
		nominationLabel: (name: string) => `Indstilling af ${name}`,
		noneLabel: 'Vi melder ingen ind',
		/** Beside the form whose answer waits. */
		waitingFor: (label: string) => `Venter på netværk: ${label}. Svaret er ikke sendt endnu.`,
		stay: 'Bliv logget ind',
		/** Server side: a queued answer older than the one now stored. */
		newer: (answer: string, when: string) =>
			`Du havde allerede svaret et andet sted ${when}. Det svar gælder stadig: ${answer}. Svaret fra telefonen er ikke gemt.`,
		otherUser: 'Svaret blev givet af en anden bruger på denne telefon og er ikke gemt.',
		/** Server side: the lock fell while the answer waited. */
		locked: (answer: string | null) =>
			`Svarfristen var overskredet, da svaret nåede frem, så det er ikke gemt. ${
				answer ? `Dit gældende svar: ${answer}.` : 'Du har ikke noget svar gemt.'
			} Kontakt sekretariatet, hvis det skal ændres.`
	},
	/** The member's side of reminders (its own module: the service worker reads it alone). */
	reminders
};

export type Messages = typeof da;
