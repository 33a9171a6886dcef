// Attendance invariants, audit log and substitute invitations. Required inside handlers (the JSVM
// gives handlers no outer scope).

const FIELDS = ['status', 'substitute_name', 'substitute_title', 'substitute_email', 'arrives', 'leaves', 'note'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function instant(value) {
	if (!value) return null;
	const t = new Date(String(value).replace(' ', 'T')).getTime();
	return isNaN(t) ? null : t;
}

function snapshot(record) {
	if (!record) return null;
	const out = {};
	for (let i = 0; i < FIELDS.length; i++) out[FIELDS[i]] = record.get(FIELDS[i]);
	return out;
}

/** The id of the user behind an auth record, or "" for superusers and visitors. */
function userId(auth) {
	return auth && auth.collection().name === 'users' ? auth.id : '';
}

/**
 * An answer's note belongs to whoever wrote it and explains that answer only. It is cleared when
 * the status changes and the change brings no note of its own, and when someone else writes the
 * answer without writing a note of their own (sending the old text back does not make it theirs).
 */
function keepNoteWithItsAnswer(e) {
	const record = e.record;
	if (record.isNew()) return;
	const before = record.original();
	const body = e.requestInfo().body || {};
	const sent = body.note !== undefined && body.note !== null;
	const oldNote = String(before.get('note') || '');
	const statusChanged = before.get('status') !== record.get('status');
	const writerChanged = String(before.get('answered_by') || '') !== String(record.get('answered_by') || '');
	if ((statusChanged && !sent) || (writerChanged && (!sent || String(body.note) === oldNote))) record.set('note', '');
}

module.exports = {
	/**
	 * Sets who answered, clears fields that do not belong to the chosen answer and checks what rules
	 * cannot. Throws a BadRequestError with a Danish message per field; nothing is stored then.
	 */
	prepare: (e) => {
		const time = require(`${__hooks}/lib/danish-time.js`);
		const record = e.record;
		record.set('answered_by', userId(e.auth));
		const status = record.get('status');
		if (status !== 'substitute') {
			record.set('substitute_name', '');
			record.set('substitute_title', '');
			record.set('substitute_email', '');
		}
		if (status !== 'partial') {
			record.set('arrives', '');
			record.set('leaves', '');
		}
		record.set('substitute_name', String(record.get('substitute_name') || '').trim());
		record.set(
			'substitute_email',
			String(record.get('substitute_email') || '')
				.trim()
				.toLowerCase()
		);

		keepNoteWithItsAnswer(e);

		const errors = {};
		const tooMany = require(`${__hooks}/lib/substitutes.js`).overInvitationLimit(e.app, record);
		if (tooMany) errors.substitute_email = new ValidationError('substitute_invitations_limit', tooMany);
		if (String(record.get('note') || '').length > 1000) {
			errors.note = new ValidationError('note_too_long', 'Noten må højst være 1.000 tegn.');
		}
		if (status === 'substitute') {
			if (!record.get('substitute_name')) {
				errors.substitute_name = new ValidationError('substitute_name_required', 'Skriv suppleantens navn.');
			}
			const email = record.get('substitute_email');
			if (email && !EMAIL.test(email)) {
				errors.substitute_email = new ValidationError(
					'substitute_email_invalid',
					'Skriv en gyldig e-mail til suppleanten, fx navn@kommune.dk.'
				);
			}
		}
		if (status === 'partial') {
			const meeting = e.app.findRecordById('meetings', record.get('meeting'));
			const starts = instant(meeting.get('starts'));
			const ends = instant(meeting.get('ends'));
			const arrives = instant(record.get('arrives'));
			const leaves = instant(record.get('leaves'));
			const within =
				'Vælg et tidspunkt inden for mødet, kl. ' +
				time.formatTime(meeting.get('starts')) +
				'-' +
				time.formatTime(meeting.get('ends')) +
				'.';
			if (arrives === null && leaves === null) {
				errors.arrives = new ValidationError(
					'partial_times_required',
					'Skriv, hvornår du kommer, eller hvornår du går.'
				);
			}
			if (arrives !== null && (arrives < starts || arrives >= ends)) {
				errors.arrives = new ValidationError('arrives_outside_meeting', within);
			}
			if (leaves !== null && (leaves <= starts || leaves > ends)) {
				errors.leaves = new ValidationError('leaves_outside_meeting', within);
			}
			if (arrives !== null && leaves !== null && arrives >= leaves && !errors.arrives && !errors.leaves) {
				errors.leaves = new ValidationError('leaves_before_arrives', 'Du skal gå senere, end du kommer.');
			}
		}
		if (Object.keys(errors).length) throw new BadRequestError('Svaret kunne ikke gemmes.', errors);
	},

	/** Writes one audit entry: who changed which answer, for whom, from what to what. */
	audit: (app, action, before, after, actorId) => {
		const record = after || before;
		const audit = new Record(app.findCachedCollectionByNameOrId('audit_log'));
		audit.set('collection', 'attendance');
		audit.set('record', record.id);
		audit.set('meeting', record.get('meeting'));
		audit.set('action', action);
		audit.set('actor', actorId || '');
		audit.set('on_behalf_of', actorId && actorId !== record.get('user') ? record.get('user') : '');
		audit.set('before', action === 'create' ? null : snapshot(before));
		audit.set('after', action === 'delete' ? null : snapshot(after));
		app.save(audit);
	},

	snapshot: snapshot,
	userId: userId
};
