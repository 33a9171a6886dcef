/// <reference path="../pb_data/types.d.ts" />
// One agenda item's attachments: only PDF and Office files of at most 20 MB with a matching content
// signature, titles that belong to the item's own files, and an audit entry for every attachment
// added, renamed or removed after the agenda is published. The other fields' audit is the agenda
// editor's hook.

onRecordCreateRequest((e) => {
	const lib = require(`${__hooks}/lib/item-editor.js`);
	lib.prepare(e);
	e.next();
	lib.auditAttachments(e, null);
}, 'agenda_items');

onRecordUpdateRequest((e) => {
	const lib = require(`${__hooks}/lib/item-editor.js`);
	lib.prepare(e);
	const before = lib.attachmentState(e.record.original());
	e.next();
	lib.auditAttachments(e, before);
}, 'agenda_items');
