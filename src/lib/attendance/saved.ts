// After an answer is saved, the member returns to where they answered, to the answer block (#svar),
// with a flag in the address that shows "Dit svar er gemt" there. The flag names the meeting, so
// that only that meeting's answer block confirms it.

export const SAVED_PARAM = 'gemt';

/**
 * The address to return to after saving `meetingId`'s answer: `target` with the flag, and at the
 * answer block when it is home or the meeting's own page (which have one).
 */
export function afterSaving(target: string, meetingId: string): string {
	const url = new URL(target, 'http://app.invalid');
	url.searchParams.set(SAVED_PARAM, meetingId);
	if (!url.hash && (url.pathname === '/' || url.pathname === `/moeder/${meetingId}`)) url.hash = 'svar';
	return url.pathname + url.search + url.hash;
}
