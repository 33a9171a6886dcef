/* global toBytes -- the JSVM's reader helper (not in the shared lint globals) */
// One agenda item's attachments (issue 10): which files an item may hold, their titles, and the
// audit entries for adding, renaming and removing them. Required inside handlers (the JSVM gives
// handlers no outer scope).
//
// The app checks the same before it forwards an upload (src/lib/server/item-editor.ts); these
// checks are the authority, so a direct API write by a user is refused too. Superusers (the
// operator's dashboard and scripts) are trusted with any file.

/** At most 20 MB per file, counted as the app shows sizes (1 MB = 1,000,000 bytes). */
const MAX_BYTES = 20 * 1000 * 1000;
const MAX_TITLE = 200;

// The first bytes of each accepted format: PDF, the zip container of OOXML and OpenDocument, and the
// OLE compound file of the old Office formats.
const PDF = [0x25, 0x50, 0x44, 0x46];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SIGNATURES = {
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

const M = {
	type: 'Kun PDF- og Office-filer kan vedhæftes (pdf, doc, docx, xls, xlsx, ppt, pptx, odt, ods, odp).',
	forged: (name) => `Filen ‘${name}’ er ikke den slags fil, som endelsen siger.`,
	tooLarge: (name) => `Filen ‘${name}’ fylder mere end 20 MB, som er det største, et bilag må fylde.`,
	titles: 'Bilagenes titler kunne ikke læses.',
	titleTooLong: `En titel må højst være ${MAX_TITLE} tegn.`
};

function extensionOf(name) {
	const m = /\.([a-z0-9]{1,10})$/i.exec(String(name || ''));
	return m ? m[1].toLowerCase() : '';
}

function refuse(field, code, message) {
	const data = {};
	data[field] = new ValidationError(code, message);
	return new BadRequestError(message, data);
}

/** Whether the bytes start with the signature. */
function startsWith(bytes, signature) {
	if (!bytes || bytes.length < signature.length) return false;
	for (let i = 0; i < signature.length; i++) if ((bytes[i] & 0xff) !== signature[i]) return false;
	return true;
}

/** The first bytes of an uploaded file (its reader is opened and closed again). */
function headOf(file) {
	const reader = file.reader.open();
	try {
		return toBytes(reader, 8);
	} finally {
		reader.close();
	}
}

/** Refuses new files of the wrong type, with a forged content or too large. */
function checkFiles(e) {
	if (e.hasSuperuserAuth()) return;
	const files = e.record.getUnsavedFiles('attachments') || [];
	for (let i = 0; i < files.length; i++) {
		const f = files[i];
		const name = String(f.originalName || f.name);
		const signature = SIGNATURES[extensionOf(name)];
		if (!signature) throw refuse('attachments', 'type', M.type);
		if (f.size > MAX_BYTES) throw refuse('attachments', 'too_large', M.tooLarge(name));
		if (!startsWith(headOf(f), signature)) throw refuse('attachments', 'forged', M.forged(name));
	}
}

function readJson(value) {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'object' && !(value.length >= 0)) return value;
	try {
		return JSON.parse(toString(value) || 'null');
	} catch (err) {
		return undefined;
	}
}

/** A title as stored: no control characters, single spaces, trimmed. */
function cleanTitle(title) {
	return (
		String(title)
			// eslint-disable-next-line no-control-regex -- control characters are what is removed
			.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

/**
 * Keeps `attachment_titles` a map from the item's own stored file names to titles. A title sent for
 * a new upload may be keyed by the file's original name (the stored name is made by PocketBase
 * during the upload); titles of files that are gone are dropped; a title that is not sent is kept.
 */
function normalizeTitles(e) {
	const record = e.record;
	const sent = readJson(record.get('attachment_titles'));
	if (sent === undefined || (sent !== null && (typeof sent !== 'object' || Array.isArray(sent)))) {
		throw refuse('attachment_titles', 'invalid', M.titles);
	}
	const before = record.isNew() ? {} : readJson(record.original().get('attachment_titles')) || {};
	const byOriginal = {};
	const files = record.getUnsavedFiles('attachments') || [];
	for (let i = 0; i < files.length; i++) byOriginal[files[i].name] = String(files[i].originalName || '');
	// Before the write, new uploads are file objects in the field's value, not names yet.
	const value = record.get('attachments') || [];
	const names = [];
	for (let i = 0; i < value.length; i++) names.push(typeof value[i] === 'string' ? value[i] : value[i].name);
	const out = {};
	for (let i = 0; i < names.length; i++) {
		const name = names[i];
		const original = byOriginal[name];
		let title = sent && typeof sent[name] === 'string' ? sent[name] : null;
		if (title === null && original && sent && typeof sent[original] === 'string') title = sent[original];
		if (title === null && typeof before[name] === 'string') title = before[name];
		if (title === null) continue;
		title = cleanTitle(title);
		if (title.length > MAX_TITLE) throw refuse('attachment_titles', 'too_long', M.titleTooLong);
		if (title) out[name] = title;
	}
	record.set('attachment_titles', out);
}

/** Before the write: the checks, and the titles made consistent with the files. */
function prepare(e) {
	checkFiles(e);
	normalizeTitles(e);
}

/** The item's attachments and their titles, for the audit entry. */
function attachmentState(record) {
	if (!record) return { attachments: [], attachment_titles: {} };
	return {
		attachments: JSON.parse(JSON.stringify(record.getStringSlice('attachments'))),
		attachment_titles: readJson(record.get('attachment_titles')) || {}
	};
}

/** "strategi_2023_x1y2z3a4b5.pdf" → "Strategi 2023.pdf", as src/lib/attachments.ts shows a file without a title. */
function defaultTitle(name) {
	const ext = extensionOf(name);
	let base = ext ? name.slice(0, -(ext.length + 1)) : name;
	base =
		base
			.replace(/_[a-z0-9]{10}$/i, '')
			.replace(/_+/g, ' ')
			.trim() || 'Bilag';
	return base.charAt(0).toUpperCase() + base.slice(1) + (ext ? '.' + ext : '');
}

/**
 * Writes one audit entry for the attachments a request added, renamed or removed, when the item's
 * meeting is no longer a draft (a draft's history starts when it is published). Called after
 * `e.next()`, so a refused change leaves no entry.
 */
function auditAttachments(e, beforeState) {
	const after = attachmentState(e.record);
	const before = beforeState || { attachments: [], attachment_titles: {} };
	const titleOf = (state, name) => state.attachment_titles[name] || defaultTitle(name);
	const lines = [];
	for (let i = 0; i < after.attachments.length; i++) {
		const name = after.attachments[i];
		if (before.attachments.indexOf(name) < 0) {
			lines.push(`nyt bilag ‘${titleOf(after, name)}’`);
		} else if (titleOf(before, name) !== titleOf(after, name)) {
			lines.push(`bilaget ‘${titleOf(before, name)}’ hedder nu ‘${titleOf(after, name)}’`);
		}
	}
	for (let i = 0; i < before.attachments.length; i++) {
		const name = before.attachments[i];
		if (after.attachments.indexOf(name) < 0) lines.push(`bilaget ‘${titleOf(before, name)}’ er fjernet`);
	}
	if (!lines.length) return;
	const meeting = e.app.findRecordById('meetings', e.record.get('meeting'));
	if (meeting.get('status') === 'draft') return;
	const audit = require(`${__hooks}/lib/audit.js`);
	audit.write(e.app, {
		collection: 'agenda_items',
		record: e.record.id,
		meeting: meeting.id,
		group: meeting.get('group'),
		action: beforeState ? 'update' : 'create',
		actor: audit.userId(e.auth),
		before: beforeState,
		after: after,
		summary: `Punkt ${e.record.get('position')}: ${lines.join('; ')}`
	});
}

module.exports = {
	MAX_BYTES: MAX_BYTES,
	prepare: prepare,
	attachmentState: attachmentState,
	auditAttachments: auditAttachments
};
