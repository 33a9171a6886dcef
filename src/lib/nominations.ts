// Nomination calls as members see them: who may nominate, whether the call still takes answers,
// the seats left and the deadline in Danish. Pure, shared by the server and the browser; the hooks
// (pb_hooks/lib/nominations.js) enforce the same rules and are the authority.
import { formatLongDate, formatTime, localDateKey, parseInstant } from './dates';
import { t } from './messages';

export type Eligibility = 'all' | 'sectors' | 'organizations';

/** What eligibility needs of a call. */
export interface CallEligibility {
	eligibility: Eligibility | string;
	eligible_sectors?: string[];
	eligible_organizations?: string[];
}

/** Counts per organisation and forum ("none" answers have no forum). */
export interface Tally {
	organization: string;
	forum: string;
	named: number;
	none: number;
}

/** One row of `nomination_tallies`: an answer, without anything about the person. */
export interface TallyMark {
	organization: string;
	forum: string;
	kind: string;
}

/** Counts the answers of `nomination_tallies` per organisation and forum. */
export function tally(marks: TallyMark[]): Tally[] {
	const counts = new Map<string, Tally>();
	for (const { organization, forum, kind } of marks) {
		const key = `${organization}/${forum}`;
		const row = counts.get(key) ?? { organization, forum, named: 0, none: 0 };
		if (kind === 'none') row.none++;
		else row.named++;
		counts.set(key, row);
	}
	return [...counts.values()];
}

/** Whether an organisation may nominate in a call: every organisation, its sector, or a chosen list. */
export function isEligible(call: CallEligibility, organization: { id: string; sector: string } | null): boolean {
	if (!organization?.id) return false;
	if (call.eligibility === 'all') return true;
	if (call.eligibility === 'sectors') return (call.eligible_sectors ?? []).includes(organization.sector);
	if (call.eligibility === 'organizations') return (call.eligible_organizations ?? []).includes(organization.id);
	return false;
}

/** Whether members may still nominate, change and withdraw: open, and before the deadline. */
export function isOpenForMembers(call: { status: string; deadline: string }, now = new Date()): boolean {
	const deadline = parseInstant(call.deadline);
	return call.status === 'open' && !!deadline && deadline > now;
}

/** How many people an organisation has named in a forum. */
export function namedIn(tallies: Tally[], organization: string, forum: string): number {
	return tallies
		.filter((row) => row.organization === organization && row.forum === forum)
		.reduce((sum, row) => sum + row.named, 0);
}

/** The seats an organisation has left in a forum (never below 0). */
export function seatsLeft(tallies: Tally[], organization: string, forum: { id: string; quota: number }): number {
	return Math.max(0, forum.quota - namedIn(tallies, organization, forum.id));
}

/** Whether an organisation has answered a call: named someone in any forum, or said "melder ingen". */
export function hasAnswered(tallies: Tally[], organization: string): boolean {
	return tallies.some((row) => row.organization === organization && (row.named > 0 || row.none > 0));
}

/** Whether an organisation has answered "vi melder ingen ind". */
export function answeredNone(tallies: Tally[], organization: string): boolean {
	return tallies.some((row) => row.organization === organization && row.none > 0);
}

/** Whole calendar days in Copenhagen from `now` to `deadline` (0 on the day itself). */
function daysUntil(deadline: Date, now: Date): number {
	const day = (d: Date) => {
		const [y, m, dd] = localDateKey(d).split('-').map(Number);
		return Date.UTC(y, m - 1, dd);
	};
	return Math.round((day(deadline) - day(now)) / 86_400_000);
}

/**
 * "Senest onsdag den 1. juli 2020 — om 5 dage", "… — i morgen", "… — i dag", "… — udløbet";
 * an urgent call says "Hurtigst muligt og senest …". A deadline at the end of a day is that day;
 * any other time is named ("… kl. 12.00").
 */
export function deadlinePhrase(call: { deadline: string; urgent?: boolean }, now = new Date()): string {
	const deadline = parseInstant(call.deadline);
	if (!deadline) return '';
	const time = formatTime(deadline);
	const date = formatLongDate(deadline) + (time === '23.59' ? '' : ` kl. ${time}`);
	const days = daysUntil(deadline, now);
	const m = t.nominations;
	const when = deadline <= now ? m.expired : days <= 0 ? m.today : days === 1 ? m.tomorrow : m.inDays(days);
	return m.deadline(date, !!call.urgent, when);
}
