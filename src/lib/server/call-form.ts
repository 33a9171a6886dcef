// The call form (/indkaldelser/ny and /indkaldelser/<id>/rediger): reading it, checking what needs
// no server, saving the call and its fora in one batch (one transaction: nothing half-stored), and
// showing PocketBase's refusals beside the fields. The hooks are the authority for a valid call.
import { ClientResponseError } from 'pocketbase';
import { localDateKey, parseInstant, toPocketBaseDate, toTimeInput } from '$lib/dates';
import { deadlineInstant } from '$lib/deadlines';
import { nominationAdmin } from '$lib/messages/da-nomination-admin';
import type { CallProposal } from '$lib/deadlines/proposal';
import type { TypedPocketBase } from '$lib/pocketbase-types';
import { SECTORS, type CallSummary, type Sector } from './nomination-tracker';

/** One forum row of the form; `id` is set for a forum that exists already. */
export interface ForumRow {
	id: string;
	name: string;
	quota: string;
}

export interface CallFormValues {
	group: string;
	meeting: string;
	item: string;
	decision: string;
	source_text: string;
	title: string;
	description: string;
	eligibility: 'all' | 'sectors' | 'organizations';
	sectors: string[];
	organizations: string[];
	fora: ForumRow[];
	required: 'yes' | 'no';
	deadline_date: string;
	deadline_time: string;
	urgent: boolean;
}

/** Field name → Danish message; forum rows as `forum_name_<i>` and `forum_quota_<i>`. */
export type CallFormErrors = Record<string, string>;

/** Blank forum rows the form offers below the filled ones (more with "Tilføj et forum mere"). */
export const SPARE_FORUM_ROWS = 1;
export const MAX_FORA = 20;
const MAX_QUOTA = 50;

/** An empty form for a group. */
export function emptyValues(group: string): CallFormValues {
	return {
		group,
		meeting: '',
		item: '',
		decision: '',
		source_text: '',
		title: '',
		description: '',
		eligibility: 'all',
		sectors: [],
		organizations: [],
		fora: [{ id: '', name: '', quota: '1' }],
		required: 'no',
		deadline_date: '',
		deadline_time: '',
		urgent: false
	};
}

/**
 * The instant a deadline ends: a date alone means the end of that day in Copenhagen time, with a
 * time that minute (the detection module's rule, so a proposed and a typed deadline agree).
 */
export function deadlineAt(date: string, time: string): Date {
	return deadlineInstant(date, time || undefined);
}

/** The form's date and time for a stored deadline; the end of a day shows as the date alone. */
function deadlineFields(deadline: string): { date: string; time: string } {
	const at = parseInstant(deadline);
	if (!at) return { date: '', time: '' };
	const date = localDateKey(at);
	const time = toTimeInput(at);
	return { date, time: deadlineAt(date, '').getTime() === at.getTime() ? '' : time };
}

/** The form as a stored call fills it in (editing). */
export function valuesFromCall(call: CallSummary): CallFormValues {
	const { date, time } = deadlineFields(call.deadline);
	return {
		group: call.group.id,
		meeting: call.meeting?.id ?? '',
		item: call.item?.id ?? '',
		decision: call.decision,
		source_text: call.sourceText,
		title: call.title,
		description: call.description,
		eligibility: call.eligibility,
		sectors: call.eligibleSectors,
		organizations: call.eligibleOrganizations,
		fora: call.fora.map((f) => ({ id: f.id, name: f.name, quota: String(f.quota) })),
		required: call.required ? 'yes' : 'no',
		deadline_date: date,
		deadline_time: time,
		urgent: call.urgent
	};
}

/** The form as a proposal from an agenda item's text fills it in. */
export function valuesFromProposal(
	proposal: CallProposal,
	tie: { group: string; meeting: string; item: string; decision: string }
): CallFormValues {
	return {
		...emptyValues(tie.group),
		...tie,
		source_text: proposal.source.slice(0, 2000),
		title: proposal.title.slice(0, 200),
		description: proposal.description.slice(0, 5000),
		eligibility: proposal.everyone || proposal.sectors.length === 0 ? 'all' : 'sectors',
		sectors: proposal.everyone ? [] : proposal.sectors,
		fora: proposal.fora.map((name) => ({ id: '', name: name.slice(0, 200), quota: String(proposal.quota) })),
		required: proposal.required ? 'yes' : 'no',
		deadline_date: proposal.deadline.date,
		deadline_time: proposal.deadline.time ?? '',
		urgent: proposal.deadline.urgent
	};
}

const ID = /^[a-z0-9]{15}$/;

/** Reads the posted form. */
export function readCallForm(form: FormData): CallFormValues {
	const text = (name: string) => String(form.get(name) ?? '').trim();
	const ids = (name: string) =>
		form
			.getAll(name)
			.map(String)
			.filter((v) => ID.test(v));
	const fora: ForumRow[] = [];
	for (let i = 0; i < MAX_FORA + SPARE_FORUM_ROWS; i++) {
		if (!form.has(`forum_name_${i}`)) break;
		const id = text(`forum_id_${i}`);
		fora.push({ id: ID.test(id) ? id : '', name: text(`forum_name_${i}`), quota: text(`forum_quota_${i}`) });
	}
	const eligibility = text('eligibility');
	return {
		group: text('group'),
		meeting: ID.test(text('meeting')) ? text('meeting') : '',
		item: ID.test(text('item')) ? text('item') : '',
		decision: ID.test(text('decision')) ? text('decision') : '',
		source_text: text('source_text').slice(0, 2000),
		title: text('title'),
		description: String(form.get('description') ?? '').trim(),
		eligibility: eligibility === 'sectors' || eligibility === 'organizations' ? eligibility : 'all',
		sectors: form
			.getAll('sectors')
			.map(String)
			.filter((s) => SECTORS.includes(s as Sector)),
		organizations: ids('organizations'),
		fora,
		required: text('required') === 'yes' ? 'yes' : 'no',
		deadline_date: text('deadline_date'),
		deadline_time: text('deadline_time'),
		urgent: form.get('urgent') === 'yes'
	};
}

/**
 * Checks what needs no server and builds the records. A forum row with neither name nor id is a
 * spare row and ignored; an existing forum whose name is cleared is removed.
 */
/** Whether 'YYYY-MM-DD' names a day of the calendar (not 2020-02-31, which Date would roll over). */
function isCalendarDate(date: string): boolean {
	const [y, mo, d] = date.split('-').map(Number);
	const day = new Date(Date.UTC(y, mo - 1, d));
	return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

export function checkCallForm(values: CallFormValues, { now = new Date(), deadlineChanged = true } = {}) {
	const errors: CallFormErrors = {};
	const m = nominationAdmin.errors;
	if (!values.title) errors.title = m.titleRequired;
	else if (values.title.length > 200) errors.title = m.titleTooLong;
	if (values.description.length > 5000) errors.description = m.descriptionTooLong;
	if (values.eligibility === 'sectors' && !values.sectors.length) errors.sectors = m.sectorsRequired;
	if (values.eligibility === 'organizations' && !values.organizations.length) {
		errors.organizations = m.organizationsRequired;
	}
	const fora: { id: string; name: string; quota: number; position: number }[] = [];
	const removed: string[] = [];
	values.fora.forEach((row, i) => {
		if (!row.name) {
			if (row.id) removed.push(row.id);
			return;
		}
		if (row.name.length > 200) errors[`forum_name_${i}`] = m.forumNameTooLong;
		const quota = Number(row.quota);
		if (!/^\d+$/.test(row.quota) || quota < 1 || quota > MAX_QUOTA) errors[`forum_quota_${i}`] = m.quota;
		fora.push({ id: row.id, name: row.name, quota, position: fora.length });
	});
	if (!fora.length) errors.forum_name_0 = m.foraRequired;
	let deadline: Date | null = null;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(values.deadline_date)) errors.deadline_date = m.deadlineRequired;
	else if (!isCalendarDate(values.deadline_date)) errors.deadline_date = m.deadlineNoSuchDate;
	else if (values.deadline_time && !/^([01]?\d|2[0-3])[:.][0-5]\d$/.test(values.deadline_time)) {
		errors.deadline_time = m.deadlineTime;
	} else {
		try {
			deadline = deadlineAt(values.deadline_date, values.deadline_time.replace('.', ':'));
		} catch {
			errors.deadline_date = m.deadlineRequired;
		}
		if (deadline && Number.isNaN(deadline.getTime())) {
			deadline = null;
			errors.deadline_date = m.deadlineRequired;
		}
		if (deadline && deadlineChanged && deadline <= now) errors.deadline_date = m.deadlinePast;
	}
	const record = {
		title: values.title,
		description: values.description,
		source_text: values.source_text,
		eligibility: values.eligibility,
		eligible_sectors: values.eligibility === 'sectors' ? values.sectors : [],
		eligible_organizations: values.eligibility === 'organizations' ? values.organizations : [],
		required: values.required === 'yes',
		urgent: values.urgent,
		deadline: deadline ? toPocketBaseDate(deadline) : ''
	};
	return { errors, record, fora, removed, deadline };
}

/** A new record id, so that the call and its fora can be created in one batch. */
function newId(): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = crypto.getRandomValues(new Uint8Array(15));
	return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Which form field a PocketBase field of a call or forum record belongs to. */
const CALL_FIELDS: Record<string, string> = {
	title: 'title',
	description: 'description',
	source_text: 'title',
	eligibility: 'eligibility',
	eligible_sectors: 'sectors',
	eligible_organizations: 'organizations',
	deadline: 'deadline_date',
	status: 'form',
	group: 'form',
	meeting: 'form',
	item: 'form',
	decision: 'form',
	fora: 'forum_name_0'
};

type Refusal = { status?: number; message?: string; data?: Record<string, { code?: string; message?: string }> };

/** The form's messages for a refused batch: the hooks' Danish ones beside their fields. */
function batchErrors(err: ClientResponseError, targets: string[]): CallFormErrors {
	const requests = (err.response?.data?.requests ?? {}) as Record<string, { response?: Refusal }>;
	const [index, failed] = Object.entries(requests)[0] ?? ['', undefined];
	const refusal: Refusal = failed?.response ?? (err.response as Refusal);
	const target = targets[Number(index)] ?? 'call';
	const errors: CallFormErrors = {};
	for (const [field, problem] of Object.entries(refusal?.data ?? {})) {
		const message = problem.code?.startsWith('validation_') ? nominationAdmin.errors.invalid : problem.message;
		const name = target.startsWith('forum:')
			? `forum_${field === 'quota' ? 'quota' : 'name'}_${target.slice(6)}`
			: (CALL_FIELDS[field] ?? 'form');
		if (message && !errors[name]) errors[name] = message;
	}
	if (!Object.keys(errors).length) {
		// The hooks refuse in Danish; PocketBase's own refusals ("Failed to create record.") are English.
		const english = /^(Failed|The request|Something went wrong|Batch|Missing|Invalid)\b/.test(refusal?.message ?? '');
		errors.form =
			refusal?.status === 403 || refusal?.status === 404 || !refusal?.message || english
				? nominationAdmin.errors.notSaved
				: refusal.message;
	}
	return errors;
}

/**
 * Saves a call and its fora in one transaction: creates or updates the call, creates, changes and
 * removes fora, and — when `open` — opens it after its fora exist. Returns the call's id, or the
 * form's messages when PocketBase refuses any part (then nothing is stored).
 */
export async function saveCall(
	pb: TypedPocketBase,
	existing: CallSummary | null,
	values: CallFormValues,
	checked: ReturnType<typeof checkCallForm>,
	open: boolean
): Promise<{ id: string } | { errors: CallFormErrors }> {
	const id = existing?.id ?? newId();
	const batch = pb.createBatch();
	const targets: string[] = [];
	if (existing) {
		batch.collection('nomination_calls').update(id, checked.record);
	} else {
		batch.collection('nomination_calls').create({
			id,
			...checked.record,
			group: values.group,
			meeting: values.meeting,
			item: values.item,
			decision: values.decision,
			status: 'draft'
		});
	}
	targets.push('call');
	// Only the call's own fora are changed or removed: a forged id of another call's forum is a new row.
	const ours = new Set(existing?.fora.map((f) => f.id) ?? []);
	for (const forumId of checked.removed.filter((forumId) => ours.has(forumId))) {
		batch.collection('nomination_fora').delete(forumId);
		targets.push('removed');
	}
	checked.fora.forEach((forum) => {
		const row = values.fora.findIndex((r) => r.name === forum.name && r.id === forum.id);
		const data = { name: forum.name, quota: forum.quota, position: forum.position };
		if (forum.id && ours.has(forum.id)) batch.collection('nomination_fora').update(forum.id, data);
		else batch.collection('nomination_fora').create({ ...data, call: id });
		targets.push(`forum:${row}`);
	});
	if (open && (!existing || existing.status === 'draft')) {
		batch.collection('nomination_calls').update(id, { status: 'open' });
		targets.push('call');
	}
	try {
		await batch.send();
		return { id };
	} catch (err) {
		if (!(err instanceof ClientResponseError) || err.status >= 500 || err.status === 0) throw err;
		return { errors: batchErrors(err, targets) };
	}
}
