// After a nomination is saved, the member returns to the call at the block they used, with a flag
// in the address that shows the confirmation there (as the attendance answer does, saved.ts).

export const SAVED_PARAM = 'gemt';

/** Where a saved change lands: the call, at the forum's block (or the "none" block). */
export function savedAt(callId: string, what: string): string {
	const forum = what.split(':')[1];
	const anchor = forum ? `forum-${forum}` : 'svar';
	return `/indkaldelser/${callId}?${SAVED_PARAM}=${encodeURIComponent(what)}#${anchor}`;
}
