// The secretariat's workspace: the texts of its entry points (links on the meeting list and the
// meeting page) and of the history view. A catalogue module of its own so that it travels only with
// the pages that show it, not with every route as `t` does. Each workspace page has its own module
// beside this one (da-members.ts, da-editor.ts, da-item-editor.ts, da-minutes.ts, da-import.ts).

export const workspace = {
	heading: 'Sekretariatet',
	newMeeting: 'Nyt møde',
	importAgenda: 'Importér dagsorden eller referat',
	members: (group: string) => `Medlemmer af ${group}`,
	editAgenda: 'Rediger møde og dagsorden',
	editMinutes: 'Skriv referat',
	history: 'Historik',
	print: 'Udskriv',
	printAgenda: 'Udskriv dagsorden',
	printMinutes: 'Udskriv referat',
	draftNotice: 'Kladde: kun sekretariatet kan se mødet.',
	draftSharedNotice: 'Kladde: kun sekretariatet og formandskabet kan se mødet.'
};

/** The history view of a meeting (the audit log). */
export const history = {
	title: (meeting: string) => `Historik: ${meeting}`,
	intro: 'Alle ændringer af mødet, dagsordenen, referatet og fremmødet, nyeste først.',
	empty: 'Der er ingen ændringer endnu.',
	by: (name: string) => `af ${name}`,
	onBehalfOf: (name: string) => `på vegne af ${name}`,
	unknownActor: 'systemet',
	formerUser: 'en person, du ikke længere kan se',
	details: 'Vis ændringen',
	before: 'Før',
	after: 'Efter',
	emptyValue: '(tom)',
	back: 'Tilbage til mødet',
	actions: { create: 'oprettet', update: 'ændret', delete: 'slettet' } as Record<string, string>,
	collections: {
		meetings: 'Mødet',
		agenda_items: 'Dagsordenspunkt',
		item_minutes: 'Referat',
		decisions: 'Beslutning',
		follow_ups: 'Opfølgningspunkt',
		meeting_guests: 'Gæst',
		attendance: 'Fremmøde',
		memberships: 'Medlemskab',
		nominations: 'Indstilling',
		nomination_calls: 'Indkaldelse',
		nomination_fora: 'Forum i en indkaldelse'
	} as Record<string, string>,
	fields: {
		title: 'Titel',
		starts: 'Start',
		ends: 'Slut',
		status: 'Status',
		location_room: 'Lokale',
		location_address: 'Adresse',
		location_note: 'Bemærkning til stedet',
		catering: 'Forplejning',
		chair: 'Mødeleder',
		minute_takers: 'Referenter',
		attendance_deadline: 'Svarfrist',
		attendance_days_before: 'Svarfrist (dage før)',
		share_with_chairs: 'Delt med formandskabet',
		minutes_date: 'Referatdato',
		position: 'Nummer',
		duration_minutes: 'Varighed (minutter)',
		presenter: 'Fremlægges af',
		kind: 'Type',
		recommendation: 'Indstilling',
		background: 'Sagsfremstilling',
		attachments: 'Bilag',
		attachment_titles: 'Bilagstitler',
		text: 'Tekst',
		owner_text: 'Ansvarlig',
		owner_user: 'Ansvarlig (person)',
		owner_organization: 'Ansvarlig (organisation)',
		due: 'Frist',
		note: 'Bemærkning',
		substitute_name: 'Suppleant',
		substitute_title: 'Suppleantens titel',
		substitute_email: 'Suppleantens e-mail',
		arrives: 'Kommer',
		leaves: 'Går',
		role: 'Rolle'
	} as Record<string, string>
};
