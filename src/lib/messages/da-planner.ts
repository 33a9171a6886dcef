// The reminders the planner writes (server side) and the secretariat's "who was reminded": part of
// the one catalogue, in a module of its own so that these texts do not travel with every route as
// `t` does.

export const planner = {
	/** "i dag", "i morgen", "om 7 dage": from when the reminder goes to the deadline. */
	when: (days: number) => (days <= 0 ? 'i dag' : days === 1 ? 'i morgen' : `om ${days} dage`),
	attendanceTitle: (when: string, meeting: string, day: string) => `Svar senest ${when}: ${meeting} ${day}`,
	attendanceBody: (deadline: string) => `Svar senest ${deadline}. Deltager du?`,
	attending: 'Deltager',
	absent: 'Afbud',
	nominationOpensTitle: (call: string) => `Ny indkaldelse: ${call}`,
	nominationTitle: (when: string, call: string) => `Meld deltagere ind senest ${when}: ${call}`,
	nominationBody: (deadline: string, urgent: boolean) =>
		`${urgent ? 'Hurtigst muligt og senest' : 'Meld deltagere ind senest'} ${deadline}. Melder I ingen, så svar "Vi melder ingen ind".`,
	tomorrowTitle: (meeting: string, time: string) => `I morgen kl. ${time}: ${meeting}`,
	tomorrowBody: (when: string, place: string) => `${when}${place ? `, ${place}` : ''}.`,
	agenda: 'Dagsorden:',
	followUpTitle: (when: string) => `Opfølgning senest ${when}`,
	followUpBody: (text: string, due: string) => `${text} – frist ${due}.`,
	/** The secretariat's "who was reminded" section (fremmøde, a call's status page). */
	title: 'Påmindelser',
	summary: (reminded: number, total: number) => `Påmindelser: ${reminded} af ${total} er mindet`,
	intro: 'Hvem der er mindet om fristen, hvordan og hvornår, og hvornår den næste påmindelse er planlagt.',
	sent: 'Mindet',
	next: 'Næste',
	notYet: 'Ikke mindet endnu',
	noneNext: 'Ingen planlagt',
	failed: 'Kunne ikke sendes',
	bySecretariat: 'af sekretariatet',
	/** How a reminder went out. */
	channel: (channel: string) =>
		({ push: 'push', email: 'e-mail', both: 'push og e-mail', none: 'ikke sendt' })[channel] ?? channel,
	empty: 'Ingen i gruppen skal mindes om denne frist.'
};
