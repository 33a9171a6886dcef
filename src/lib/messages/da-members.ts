// Members and roles (the secretariat's /grupper pages): a catalogue module of its own, imported only
// by those pages. The hooks' own refusals (pb_hooks/lib/members.js) arrive in Danish beside their
// fields and are shown as they are.

export const members = {
	groupsTitle: 'Grupper, du er sekretariat for',
	noGroups: 'Du er ikke sekretariat for nogen gruppe.',
	groupLink: (group: string) => `Medlemmer og roller i ${group}`,
	title: (group: string) => `Medlemmer af ${group}`,
	back: 'Alle dine grupper',
	current: 'Medlemmer',
	currentCount: (n: number) => (n === 1 ? '1 medlem' : `${n} medlemmer`),
	noMembers: 'Gruppen har ingen medlemmer endnu.',
	noOrganization: 'Uden organisation',
	former: 'Tidligere medlemmer',
	formerHint: 'Afsluttede medlemskaber bevares, så tidligere referater beholder deres deltagerlister.',
	noFormer: 'Ingen tidligere medlemmer.',
	organizations: 'Gruppens organisationer',
	noOrganizations: 'Ingen organisationer endnu.',
	history: 'Historik',
	historyHint: 'Ændringer i gruppens medlemmer, nyeste først.',
	noHistory: 'Ingen ændringer endnu.',
	olderHistory: (n: number) => (n === 1 ? 'Vis 1 ældre ændring' : `Vis ${n} ældre ændringer`),
	jumpTo: 'Gå til',
	historyBy: (who: string, when: string) => `${who}, ${when}`,
	unknownActor: 'Systemet',
	you: '(dig)',
	since: (date: string) => `fra ${date}`,
	begins: (date: string) => `begynder ${date}`,
	ends: (date: string) => `slutter ${date}`,
	ended: (date: string) => `sluttede ${date}`,
	roles: {
		member: 'Medlem',
		chair: 'Formand',
		co_chair: 'Medformand',
		secretariat: 'Sekretariat',
		observer: 'Observatør',
		guest: 'Gæst'
	} as Record<string, string>,

	change: (name: string) => `Ændr ${name}`,
	role: 'Rolle',
	saveRole: 'Gem rolle',
	endDate: 'Afslut fra',
	endHint: 'Fra denne dato er personen ikke længere med i gruppen.',
	end: 'Afslut medlemskab',
	remove: 'Slet (ikke begyndt endnu)',
	removeHint: 'Et medlemskab, der ikke er begyndt, kan slettes. Et begyndt medlemskab afsluttes i stedet.',

	add: 'Tilføj en person',
	addHint:
		'Har personen ikke en konto, oprettes den, og personen får en invitation på e-mail. Personen logger ind med en engangskode sendt til e-mailen.',
	name: 'Navn',
	titleField: 'Titel',
	organization: 'Organisation',
	chooseOrganization: 'Vælg organisation',
	email: 'E-mail',
	starts: 'Fra dato',
	startsHint: 'Tom: fra i dag.',
	submitAdd: 'Tilføj til gruppen',

	added: (name: string) => `${name} er tilføjet til gruppen.`,
	invited: 'Der er oprettet en konto, og invitationen er sendt.',
	notInvited: 'Der er oprettet en konto, men invitationen kunne ikke sendes. Bed personen logge ind med sin e-mail.',
	existing: 'Personen havde allerede en konto, som er brugt.',
	kept: 'Kontoens oplysninger er beholdt:',
	keptLine: (field: string, kept: string, given: string) =>
		`${field}: «${kept || 'tom'}» er beholdt (du skrev «${given || 'tom'}»).`,
	keptFields: { name: 'Navn', title: 'Titel', organization: 'Organisation' } as Record<string, string>,
	roleSaved: (name: string) => `Rollen for ${name} er gemt.`,
	endSaved: (name: string) => `Medlemskabet for ${name} er afsluttet.`,
	removed: (name: string) => `${name} er slettet fra gruppen.`,

	errors: {
		date: 'Skriv en dato, fx 1. februar 2027.',
		endRequired: 'Vælg datoen, hvor medlemskabet slutter.',
		invalid: 'Tjek feltet.',
		refused: 'Ændringen blev afvist. Genindlæs siden og prøv igen.'
	}
};
