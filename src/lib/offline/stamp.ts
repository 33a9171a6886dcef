// The stamp on a page opened from the phone's saved copy: "Offline — viser indhold fra tirsdag kl. 14.32".
// Built with Intl rather than date-fns: the service worker uses it and must stay small.

const TIME_ZONE = 'Europe/Copenhagen';

const dayKey = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});
const clock = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hour: 'numeric',
	minute: '2-digit',
	hourCycle: 'h23'
});
const weekday = new Intl.DateTimeFormat('da-DK', { timeZone: TIME_ZONE, weekday: 'long' });
const fullDate = new Intl.DateTimeFormat('da-DK', {
	timeZone: TIME_ZONE,
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});

/** Days between two Copenhagen calendar days ("2026-12-01" → "2026-12-03" is 2). */
function daysBetween(earlier: string, later: string): number {
	return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / 86_400_000);
}

/** "14.32", "8.05": Copenhagen clock time without a leading zero, full stop between hour and minute. */
export function danishClock(at: Date): string {
	const parts = clock.formatToParts(at);
	const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
	const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
	return `${hour}.${minute}`;
}

/**
 * When a copy was saved, relative to now: "i dag kl. 14.32", "i går kl. 9.05", "tirsdag kl. 14.32"
 * (within the last week) or "12. juni 2026 kl. 14.32".
 */
export function savedWhen(savedAt: Date, now: Date): string {
	const days = daysBetween(dayKey.format(savedAt), dayKey.format(now));
	const day =
		days <= 0 ? 'i dag' : days === 1 ? 'i går' : days < 7 ? weekday.format(savedAt) : fullDate.format(savedAt);
	return `${day} kl. ${danishClock(savedAt)}`;
}

/** "Offline — viser indhold fra tirsdag kl. 14.32" */
export function offlineStampText(savedAt: Date, now: Date): string {
	return `Offline — viser indhold fra ${savedWhen(savedAt, now)}`;
}
