// One agenda item's editor (/moeder/<id>/rediger/<punkt>): reading the item for the secretariat,
// cleaning and checking its texts, and its attachments — checked here before they are forwarded to
// PocketBase as the user, so a wrong file is answered without a round trip. PocketBase's hook
// (pb_hooks/lib/item-editor.js) checks the same again and is the authority.
import { error } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';
import { attachmentKind, attachmentTitle } from '$lib/attachments';
import { t } from '$lib/messages';
import { itemEditor } from '$lib/messages/da-item-editor';
import type { AgendaItemsKindOptions, AgendaItemsResponse, TypedPocketBase } from '$lib/pocketbase-types';
import { fieldErrors } from './answer-form';
import { isRecordId, orNotFound } from './errors';
import { attachmentSizes } from './meetings';

const m = itemEditor.errors;

/** At most 20 MB per file, counted as the app shows sizes (1 MB = 1,000,000 bytes). */
export const MAX_ATTACHMENT_BYTES = 20_000_000;
/** A multipart body also carries its boundaries and the title: this much is allowed on top of the file. */
const FORM_OVERHEAD = 64 * 1024;

const PDF = [0x25, 0x50, 0x44, 0x46];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The accepted extensions and the first bytes their files start with. */
const SIGNATURES: Record<string, number[]> = {
	pdf: PDF,
	doc: OLE,
	xls: OLE,
	ppt: OLE,
	docx: ZIP,
	xlsx: ZIP,
	pptx: ZIP,
	odt: ZIP,
	ods: ZIP,
	odp: ZIP
};

function extensionOf(name: string): string {
	return /\.([a-z0-9]{1,10})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** Why a file may not be attached: 'type' (not PDF or Office), 'forged' (content ≠ extension), or null. */
export function signatureProblem(name: string, head: Uint8Array): 'type' | 'forged' | null {
	const signature = SIGNATURES[extensionOf(name)];
	if (!signature) return 'type';
	return signature.every((byte, i) => head[i] === byte) ? null : 'forged';
}

/** The Danish message for a file that may not be attached, or null when it may. */
export async function checkAttachment(file: File): Promise<string | null> {
	const problem = signatureProblem(file.name, new Uint8Array(await file.slice(0, 8).arrayBuffer()));
	if (problem === 'type') return m.fileType;
	if (file.size > MAX_ATTACHMENT_BYTES) return m.fileTooLarge(file.name);
	if (problem === 'forged') return m.fileForged(file.name);
	return null;
}

/** Whether a request announces a body too large for one attachment (answered before reading it). */
export function bodyTooLarge(headers: Headers): boolean {
	const length = Number(headers.get('content-length'));
	return Number.isFinite(length) && length > MAX_ATTACHMENT_BYTES + FORM_OVERHEAD;
}

// Control characters other than tab and line breaks, zero-width and direction marks: invisible,
// and a way to hide text from a reader.
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
/** A written link whose address is not http, https or mailto. */
const UNSAFE_LINK = /\[([^\]\n]+)\]\((?!(?:https?:\/\/|mailto:))(?:[^()\n]|\([^()\n]*\))*\)/gi;

/**
 * An agenda text as stored: Unix line breaks, no invisible characters, no trailing spaces, and a
 * written link to anything but http, https or mailto reduced to its text (the renderer would show
 * it as text anyway; the stored text should not carry it to exports and prints).
 */
export function cleanText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(INVISIBLE, '')
		.replace(UNSAFE_LINK, '$1')
		.replace(/[ \t]+$/gm, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

const KINDS: AgendaItemsKindOptions[] = ['decision', 'discussion', 'orientation', 'written'];
const LIMITS = { title: 300, presenter: 200, recommendation: 20000, background: 100000 } as const;
const FIELDS = ['title', 'kind', 'duration_minutes', 'presenter', 'recommendation', 'background'] as const;
type FieldName = (typeof FIELDS)[number];

/** The texts form as typed, shown again when it is refused. */
export type ItemValues = Record<FieldName, string>;
export type ItemErrors = Partial<Record<FieldName | 'form', string>>;

const LABELS: Record<keyof typeof LIMITS, string> = {
	title: itemEditor.fields.title,
	presenter: itemEditor.fields.presenter,
	recommendation: itemEditor.fields.recommendation,
	background: itemEditor.fields.background
};

/** Reads, cleans and checks the texts form; `record` is what PocketBase gets when there are no errors. */
export function readItemForm(form: FormData) {
	const text = (name: string) => cleanText(String(form.get(name) ?? ''));
	const values: ItemValues = {
		title: text('title').replace(/\s+/g, ' '),
		kind: text('kind'),
		duration_minutes: text('duration_minutes'),
		presenter: text('presenter').replace(/\s+/g, ' '),
		recommendation: text('recommendation'),
		background: text('background')
	};
	const errors: ItemErrors = {};
	if (!values.title) errors.title = m.titleRequired;
	for (const [field, max] of Object.entries(LIMITS) as [keyof typeof LIMITS, number][]) {
		if (values[field].length > max) errors[field] = m.tooLong(LABELS[field], max, values[field].length);
	}
	if (values.kind && !KINDS.includes(values.kind as AgendaItemsKindOptions)) errors.kind = m.kind;
	const duration = values.duration_minutes ? Number(values.duration_minutes) : 0;
	if (values.duration_minutes && !(/^\d+$/.test(values.duration_minutes) && duration >= 1 && duration <= 1440)) {
		errors.duration_minutes = m.duration;
	}
	const record = {
		title: values.title,
		kind: values.kind,
		duration_minutes: duration,
		presenter: values.presenter,
		recommendation: values.recommendation,
		background: values.background
	};
	return { values, errors, record };
}

/** PocketBase's refusal of the texts beside their fields (the hooks' Danish messages as they are). */
export function itemErrors(err: ClientResponseError): ItemErrors {
	return fieldErrors(err, FIELDS, { own: () => m.invalid, refused: m.notSaved });
}

/** An attachment as the editor lists it. */
export interface EditorAttachment {
	file: string;
	title: string;
	kind: string;
	size: number | null;
}

type EditorItem = Pick<
	AgendaItemsResponse,
	| 'id'
	| 'meeting'
	| 'position'
	| 'title'
	| 'kind'
	| 'duration_minutes'
	| 'presenter'
	| 'recommendation'
	| 'background'
	| 'attachments'
	| 'attachment_titles'
	| 'collectionId'
	| 'collectionName'
>;

/** The titles map as stored, or an empty one. */
export function titlesOf(value: unknown): Record<string, string> {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
}

/** The item of the meeting (a Danish 404 for an id of another meeting, or one the user may not read). */
export async function readItem(pb: TypedPocketBase, meetingId: string, itemId: string): Promise<EditorItem> {
	if (!isRecordId(itemId)) error(404, { message: t.errors.itemNotFound });
	const item = await orNotFound(
		pb.collection('agenda_items').getOne<EditorItem>(itemId, {
			fields:
				'id,meeting,position,title,kind,duration_minutes,presenter,recommendation,background,attachments,attachment_titles,collectionId,collectionName'
		}),
		t.errors.itemNotFound
	);
	if (item.meeting !== meetingId) error(404, { message: t.errors.itemNotFound });
	return item;
}

/** The item's attachments with their titles, kinds and sizes. */
export async function listAttachments(pb: TypedPocketBase, item: EditorItem): Promise<EditorAttachment[]> {
	const sizes = await attachmentSizes(pb, item, item.attachments);
	const titles = titlesOf(item.attachment_titles);
	return item.attachments.map((file, i) => ({
		file,
		title: titles[file] || attachmentTitle(file),
		kind: attachmentKind(file),
		size: sizes[i] ?? null
	}));
}

export type AttachmentErrors = Partial<Record<'file' | 'title' | 'form', string>>;

/** PocketBase's refusal of an attachment change: the hook's Danish messages beside the file or title. */
function attachmentErrors(err: ClientResponseError): AttachmentErrors {
	const data = (err.response?.data ?? {}) as Record<string, { code?: string; message?: string }>;
	if (data.attachments) {
		const code = data.attachments.code ?? '';
		// PocketBase's own file checks (count, size over the field's limit) answer in English.
		const own = code.startsWith('validation_');
		return { file: own ? (code.includes('max_select') ? m.tooManyFiles : m.uploadFailed) : data.attachments.message };
	}
	if (data.attachment_titles) {
		return {
			title: data.attachment_titles.code?.startsWith('validation_') ? m.invalid : data.attachment_titles.message
		};
	}
	return { form: err.status === 404 ? t.errors.itemNotFound : m.uploadFailed };
}

async function send<T>(write: Promise<T>): Promise<T | { errors: AttachmentErrors }> {
	try {
		return await write;
	} catch (err) {
		if (!(err instanceof ClientResponseError) || err.status >= 500 || err.status === 0) throw err;
		return { errors: attachmentErrors(err) };
	}
}

/**
 * Adds one file to the item as the user, with its title (the file's name when none is given):
 * checked here first, then by PocketBase's hook. The title goes under the file's own name; the hook
 * moves it to the stored name PocketBase makes.
 */
export async function uploadAttachment(
	pb: TypedPocketBase,
	itemId: string,
	file: File | null,
	typedTitle: string
): Promise<{ title: string } | { errors: AttachmentErrors }> {
	if (!file || !file.name) return { errors: { file: m.fileRequired } };
	const problem = await checkAttachment(file);
	if (problem) return { errors: { file: problem } };
	const title = cleanText(typedTitle).replace(/\s+/g, ' ') || attachmentTitle(file.name);
	if (title.length > 200) return { errors: { title: m.attachmentTitle } };
	const form = new FormData();
	form.append('attachments+', file, file.name);
	form.append('attachment_titles', JSON.stringify({ [file.name]: title }));
	const result = await send(pb.collection('agenda_items').update(itemId, form));
	return 'errors' in result ? result : { title };
}

/** Gives one of the item's files a new title (empty: its file name again). */
export async function renameAttachment(
	pb: TypedPocketBase,
	item: EditorItem,
	file: string,
	typedTitle: string
): Promise<{ title: string } | { errors: AttachmentErrors }> {
	if (!item.attachments.includes(file)) return { errors: { form: m.fileGone } };
	const title = cleanText(typedTitle).replace(/\s+/g, ' ');
	if (title.length > 200) return { errors: { title: m.attachmentTitle } };
	const result = await send(pb.collection('agenda_items').update(item.id, { attachment_titles: { [file]: title } }));
	return 'errors' in result ? result : { title: title || attachmentTitle(file) };
}

/** Removes one of the item's files (its title goes with it). */
export async function removeAttachment(
	pb: TypedPocketBase,
	item: EditorItem,
	file: string
): Promise<{ title: string } | { errors: AttachmentErrors }> {
	if (!item.attachments.includes(file)) return { errors: { form: m.fileGone } };
	const title = titlesOf(item.attachment_titles)[file] || attachmentTitle(file);
	const result = await send(pb.collection('agenda_items').update(item.id, { 'attachments-': [file] }));
	return 'errors' in result ? result : { title };
}
