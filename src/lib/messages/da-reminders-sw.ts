// What the service worker shows of reminders (t.reminders.sw): a module of its own, so that the
// service worker carries these few texts and not the catalogue.
export const sw = {
	fallbackTitle: 'Klyngeportal',
	fallbackBody: 'Du har en ny påmindelse. Tryk for at se den.',
	answered: 'Svar registreret',
	answeredBody: (status: string, meeting: string) =>
		status === 'attending'
			? meeting
				? `Du deltager i ${meeting}.`
				: 'Du deltager.'
			: meeting
				? `Du har meldt afbud til ${meeting}.`
				: 'Du har meldt afbud.',
	queued: 'Svaret venter på netværk',
	queuedBody: 'Det sendes, så snart telefonen er på nettet igen.',
	notAnswered: 'Svaret blev ikke registreret',
	notAnsweredBody: (reason: string) => `${reason} Tryk for at svare i appen.`,
	signedOut: 'Log ind i appen for at svare. Tryk for at åbne den.',
	open: 'Åbn',
	outboxLabel: (status: string, meeting: string) =>
		`${status === 'attending' ? 'Deltager' : 'Afbud'}${meeting ? `: ${meeting}` : ''}`
};
