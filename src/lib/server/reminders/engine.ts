// The reminder engine (issue 9, being built): plans and dispatches in a loop inside the app server.

/** Asks the running engine to dispatch now (after a "send now" round or a test). */
export function kickReminders(): void {}
