// The history view's words for an audit entry: what was changed ("Dagsordenspunkt ændret"), and which
// fields went from what to what, with Danish labels. Pure; the reading is in $lib/server/history.ts.
import { history } from '$lib/messages/da-workspace';

/** An audit entry as the history view reads it. */
export interface AuditEntry {
	id: string;
	collection: string;
	record: string;
	action: string;
	summary?: string;
	before: unknown;
	after: unknown;
	created: string;
}

/** One changed field: its Danish label and its values before and after, as short texts. */
export interface FieldChange {
	label: string;
	before: string;
	after: string;
}

const MAX_VALUE = 160;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length);

/** A stored value as a short text for the view (lists joined, long texts cut, empty as "(tom)"). */
export function showValue(value: unknown): string {
	if (isEmpty(value)) return history.emptyValue;
	let text: string;
	if (Array.isArray(value)) text = value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
	else if (typeof value === 'object') text = JSON.stringify(value);
	else if (typeof value === 'boolean') text = value ? 'ja' : 'nej';
	else text = String(value);
	text = text.replace(/\s+/g, ' ').trim();
	return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** Whether two stored values differ (every kind of empty is the same). */
function differs(a: unknown, b: unknown): boolean {
	if (isEmpty(a) && isEmpty(b)) return false;
	return JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
}

function fields(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The fields that differ between the entry's before and after, with labels, in the snapshot's order. */
export function fieldChanges(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
	const before = fields(entry.before);
	const after = fields(entry.after);
	const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	return names
		.filter((n) => differs(before[n], after[n]))
		.map((n) => ({ label: history.fields[n] ?? n, before: showValue(before[n]), after: showValue(after[n]) }));
}

/** The entry's headline: its own Danish summary, else "Dagsordenspunkt ændret" and the like. */
export function headline(entry: Pick<AuditEntry, 'collection' | 'action' | 'summary'>): string {
	if (entry.summary) return entry.summary;
	const what = history.collections[entry.collection] ?? entry.collection;
	return `${what} ${history.actions[entry.action] ?? entry.action}`;
}
