// Attendance answers as the pages use them: kinds, missed agenda items, and the Danish phrases.
import { formatTime, parseInstant } from '$lib/dates';
import { t } from '$lib/messages';

export const STATUSES = ['attending', 'absent', 'substitute', 'partial'] as const;
export type AttendanceStatus = (typeof STATUSES)[number];

export function isStatus(value: unknown): value is AttendanceStatus {
	return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export interface AnswerRecord {
	id: string;
	meeting: string;
	user: string;
	status: AttendanceStatus;
	substitute_name: string;
	substitute_title: string;
	substitute_email: string;
	arrives: string;
	leaves: string;
	note: string;
	answered_by: string;
	updated: string;
	/** The phone's id of the post that last wrote the answer (src/lib/server/delivery.ts). */
	client_id?: string;
}

export interface TimedItem {
	position: number;
	title: string;
	starts: string;
	ends: string;
}

/**
 * The agenda items a member misses when present only from `arrives` to `leaves` (either may be
 * open): every timed item not wholly inside that span.
 */
export function missedItems<T extends TimedItem>(
	items: T[],
	arrives: string | Date | null,
	leaves: string | Date | null
): T[] {
	const from = parseInstant(arrives ?? null)?.getTime() ?? -Infinity;
	const to = parseInstant(leaves ?? null)?.getTime() ?? Infinity;
	return items.filter((item) => {
		const starts = parseInstant(item.starts)?.getTime();
		const ends = parseInstant(item.ends)?.getTime();
		if (starts === undefined || ends === undefined) return false;
		return starts < from || ends > to;
	});
}

/** "(fra kl. 9.15)", "(indtil kl. 9.45)" or "(kl. 9.15-9.45)" for a partial answer; "" otherwise. */
export function partialNote(arrives: string | null | undefined, leaves: string | null | undefined): string {
	const from = parseInstant(arrives ?? null);
	const to = parseInstant(leaves ?? null);
	if (from && to) return t.block.between(formatTime(from), formatTime(to));
	if (from) return t.block.from(formatTime(from));
	if (to) return t.block.until(formatTime(to));
	return '';
}

/** The parts of an answer that its summary shows. */
export type AnswerSummarySource = Pick<
	AnswerRecord,
	'status' | 'substitute_name' | 'substitute_title' | 'arrives' | 'leaves'
>;

/**
 * The answer in full, as one line: "Deltager", "Afbud", "Afbud med suppleant: Jens Hansen, overlæge",
 * "Deltager kl. 9.00–9.45", "Deltager fra kl. 9.15".
 */
export function describeAnswer(answer: AnswerSummarySource): string {
	const label = t.attendance.status[answer.status] ?? answer.status;
	if (answer.status === 'substitute') {
		const who = [answer.substitute_name, answer.substitute_title].filter(Boolean).join(', ');
		return who ? t.attendance.summary.substitute(who) : label;
	}
	if (answer.status === 'partial') {
		const from = parseInstant(answer.arrives ?? null);
		const to = parseInstant(answer.leaves ?? null);
		if (from && to) return t.attendance.summary.between(formatTime(from), formatTime(to));
		if (from) return t.attendance.summary.from(formatTime(from));
		if (to) return t.attendance.summary.until(formatTime(to));
	}
	return label;
}
