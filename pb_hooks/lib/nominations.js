/* global DynamicModel */
// Nomination calls: the invariants the rules cannot express (deadline, eligibility, quota, one
// person once per forum, "none" only without nominees), Danish messages per field, an audit entry
// with every change, and the mail to a new nominee with the link to confirm or decline. Required
// inside handlers (the JSVM gives handlers no outer scope).
//
// A nomination is checked and stored in ONE transaction (see `write`): PocketBase's transactions
// run on its single non-concurrent connection, so concurrent writers queue up and each one counts
// what the one before it stored. Twenty colleagues tapping at once never exceed a quota.

const DAY = 24 * 3600 * 1000;
// Nominee mails a member may cause per day; beyond it the nomination is refused (nothing stored),
// so the form cannot be used to mail strangers in bulk. The secretariat has no limit.
const MAILS_PER_AUTHOR_PER_DAY = 20;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NOMINATION_FIELDS = [
	'kind',
	'forum',
	'organization',
	'nominee_name',
	'nominee_title',
	'nominee_email',
	'nominee_phone',
	'nominee_user',
	'nominated_by',
	'response'
];
const CALL_FIELDS = ['status', 'deadline', 'urgent', 'opened_at', 'closed_at'];

const str = (v) => (v === undefined || v === null ? '' : String(v));

function instant(value) {
	if (!value) return null;
	const t = new Date(String(value).replace(' ', 'T')).getTime();
	return isNaN(t) ? null : t;
}

const nowString = () => new Date().toISOString().replace('T', ' ');

/** The id of the user behind an auth record, or "" for superusers and visitors. */
function userId(auth) {
	return auth && auth.collection().name === 'users' ? auth.id : '';
}

function snapshot(record, fields, extra) {
	if (!record) return null;
	const out = {};
	for (let i = 0; i < fields.length; i++) out[fields[i]] = record.get(fields[i]);
	if (extra) for (const k in extra) out[k] = extra[k];
	return out;
}

function findOrNull(app, collection, id) {
	if (!id) return null;
	try {
		return app.findRecordById(collection, id);
	} catch (_) {
		return null;
	}
}

/** Collects Danish field errors; `check()` throws them all at once (nothing is stored then). */
function errorBag(message) {
	const errors = {};
	return {
		add: (field, code, text) => {
			if (!errors[field]) errors[field] = new ValidationError(code, text);
		},
		check: () => {
			if (Object.keys(errors).length) throw new BadRequestError(message, errors);
		}
	};
}

function isSecretariat(app, e, groupId) {
	if (e.hasSuperuserAuth()) return true;
	return require(`${__hooks}/lib/memberships.js`).roleIn(app, userId(e.auth), groupId) === 'secretariat';
}

function eligible(call, organization) {
	const kind = call.get('eligibility');
	if (kind === 'all') return true;
	if (kind === 'sectors') return (call.get('eligible_sectors') || []).indexOf(organization.get('sector')) >= 0;
	return (call.get('eligible_organizations') || []).indexOf(organization.id) >= 0;
}

/** The nominee rows of a forum other than `exceptId`. */
function nomineesOfForum(app, forumId, exceptId) {
	return app.findRecordsByFilter('nominations', 'forum = {:forum} && kind = "nominee" && id != {:id}', '', 0, 0, {
		forum: forumId,
		id: exceptId || ''
	});
}

/** Nominee mails `actor` caused in the last day (counted in the audit log, so deleting does not reset it). */
function mailsToday(app, actor) {
	const row = new DynamicModel({ n: 0 });
	app
		.db()
		.newQuery(
			"SELECT COUNT(*) AS n FROM audit_log WHERE collection = 'nominations' AND actor = {:actor} " +
				"AND created > {:since} AND json_extract([[after]], '$.mailed') = 1"
		)
		.bind({ actor: actor, since: new Date(Date.now() - DAY).toISOString().replace('T', ' ') })
		.one(row);
	return row.n;
}

function auditEntry(app, collection, action, record, callId, meetingId, before, after, actor) {
	const audit = new Record(app.findCachedCollectionByNameOrId('audit_log'));
	audit.set('collection', collection);
	audit.set('record', record.id);
	audit.set('call', callId);
	audit.set('meeting', meetingId || '');
	audit.set('action', action);
	audit.set('actor', actor || '');
	audit.set('before', before);
	audit.set('after', after);
	app.save(audit);
}

function auditNomination(app, action, record, call, before, after, actor) {
	auditEntry(app, 'nominations', action, record, call.id, call.get('meeting'), before, after, actor);
}

/** Runs `fn(tx)` in a transaction with the request's app swapped for the transaction's, rethrowing the original error. */
function inTransaction(e, fn) {
	const app = e.app;
	let failure = null;
	try {
		app.runInTransaction((tx) => {
			e.app = tx;
			try {
				fn(tx);
			} catch (err) {
				failure = err;
				throw err;
			}
		});
	} catch (err) {
		throw failure || err;
	} finally {
		e.app = app;
	}
}

/**
 * Checks a nomination about to be created or updated through the API and fills what the author
 * does not choose (nominated_by, nominee_user, the response token). Returns whether the nominee
 * is to be mailed. Throws a BadRequestError with Danish messages per field.
 */
function prepareNomination(app, e) {
	const time = require(`${__hooks}/lib/danish-time.js`);
	const record = e.record;
	const isNew = record.isNew();
	const before = isNew ? null : record.original();
	const superuser = e.hasSuperuserAuth();
	const actor = userId(e.auth);
	const body = e.requestInfo().body || {};
	const bag = errorBag('Indstillingen kunne ikke gemmes.');

	if (!superuser) {
		const expected = isNew ? actor : str(before.get('nominated_by'));
		const sent = str(body.nominated_by);
		if (sent !== '' && sent !== expected) {
			bag.add('nominated_by', 'nominated_by_forged', 'Du kan kun melde ind i dit eget navn.');
		}
		record.set('nominated_by', expected);
	}

	const call = findOrNull(app, 'nomination_calls', record.get('call'));
	if (!call) bag.add('call', 'call_missing', 'Vælg en indkaldelse.');
	bag.check();
	const secretariat = isSecretariat(app, e, call.get('group'));
	if (!secretariat) {
		const deadline = call.get('deadline');
		if (call.get('status') === 'draft') {
			bag.add('call', 'call_not_open', 'Indkaldelsen er ikke åbnet endnu.');
		} else if (call.get('status') === 'closed') {
			bag.add(
				'call',
				'call_closed',
				'Indkaldelsen er lukket. Kontakt sekretariatet, hvis I stadig vil melde nogen ind.'
			);
		} else if (instant(deadline) <= Date.now()) {
			bag.add(
				'call',
				'deadline_passed',
				'Fristen er udløbet ' +
					time.formatDateTime(deadline) +
					'. Kontakt sekretariatet, hvis I stadig vil melde nogen ind.'
			);
		}
		bag.check();
	}

	const organization = findOrNull(app, 'organizations', record.get('organization'));
	if (!organization) {
		bag.add('organization', 'organization_missing', 'Vælg en organisation.');
	} else if (!secretariat && organization.id !== str(e.auth.get('organization'))) {
		bag.add('organization', 'organization_not_own', 'Du kan kun melde ind for din egen organisation.');
	} else if (!eligible(call, organization)) {
		bag.add(
			'organization',
			'organization_not_eligible',
			organization.get('name') + ' er ikke blandt dem, der kan melde ind til denne indkaldelse.'
		);
	}
	bag.check();
	const who = secretariat ? organization.get('name') : 'Jeres organisation';
	const params = { call: call.id, organization: organization.id, id: record.id || '' };

	if (record.get('kind') === 'none') {
		for (const f of ['forum', 'nominee_name', 'nominee_title', 'nominee_email', 'nominee_phone', 'nominee_user']) {
			record.set(f, '');
		}
		record.set('response_token', '');
		const rows = app.findRecordsByFilter(
			'nominations',
			'call = {:call} && organization = {:organization} && id != {:id}',
			'',
			0,
			0,
			params
		);
		if (rows.some((r) => r.get('kind') === 'nominee')) {
			bag.add(
				'organization',
				'organization_has_nominees',
				who + ' har allerede meldt nogen ind. Træk dem tilbage først, hvis I ikke vil melde nogen ind.'
			);
		} else if (rows.length) {
			bag.add(
				'organization',
				'organization_already_none',
				who + ' har allerede svaret, at ' + (secretariat ? 'de' : 'I') + ' ikke melder nogen ind.'
			);
		}
		bag.check();
		return { mail: false, call: call };
	}

	const forum = findOrNull(app, 'nomination_fora', record.get('forum'));
	if (!forum || forum.get('call') !== call.id) {
		bag.add('forum', 'forum_not_in_call', 'Vælg et af indkaldelsens fora.');
	}

	// The person: an account (the author, a colleague) or a name, title and e-mail.
	const sentUser = str(record.get('nominee_user'));
	const userChanged = isNew ? sentUser !== '' : sentUser !== str(before.get('nominee_user'));
	let name = str(record.get('nominee_name')).trim();
	let title = str(record.get('nominee_title')).trim();
	let email = str(record.get('nominee_email')).trim().toLowerCase();
	const phone = str(record.get('nominee_phone')).trim();
	if (userChanged && sentUser) {
		const person = findOrNull(app, 'users', sentUser);
		if (!person || (!superuser && person.get('organization') !== organization.id)) {
			bag.add('nominee_user', 'nominee_user_other_organization', 'Vælg en person fra organisationen.');
		} else {
			email = person.email().toLowerCase();
			if (!name) name = str(person.get('name'));
			if (!title) title = str(person.get('title'));
		}
	}
	const emailChanged = isNew || email !== str(before.get('nominee_email')).toLowerCase();
	if (!userChanged && emailChanged) {
		let account = null;
		if (email && EMAIL.test(email)) {
			try {
				account = app.findAuthRecordByEmail('users', email);
			} catch (_) {
				account = null;
			}
		}
		record.set('nominee_user', account ? account.id : '');
	}

	if (!name) bag.add('nominee_name', 'nominee_name_required', 'Skriv navnet på den, I melder ind.');
	else if (name.length > 200) bag.add('nominee_name', 'nominee_name_too_long', 'Navnet må højst være 200 tegn.');
	if (!title) bag.add('nominee_title', 'nominee_title_required', 'Skriv personens titel eller stilling.');
	else if (title.length > 200) bag.add('nominee_title', 'nominee_title_too_long', 'Titlen må højst være 200 tegn.');
	if (!email) {
		bag.add('nominee_email', 'nominee_email_required', 'Skriv personens e-mail, så de kan bekræfte.');
	} else if (email.length > 254 || !EMAIL.test(email)) {
		bag.add('nominee_email', 'nominee_email_invalid', 'Skriv en gyldig e-mail, fx navn@kommune.dk.');
	}
	if (phone.length > 40) bag.add('nominee_phone', 'nominee_phone_too_long', 'Telefonnummeret må højst være 40 tegn.');
	bag.check();
	record.set('nominee_name', name);
	record.set('nominee_title', title);
	record.set('nominee_email', email);
	record.set('nominee_phone', phone);

	const nomineeUser = str(record.get('nominee_user'));
	const others = nomineesOfForum(app, forum.id, record.id);
	const twice = others.some(
		(r) => (nomineeUser && r.get('nominee_user') === nomineeUser) || str(r.get('nominee_email')).toLowerCase() === email
	);
	if (twice) {
		bag.add('nominee_email', 'nominee_already_named', name + ' er allerede meldt ind til ' + forum.get('name') + '.');
	}
	const named = others.filter((r) => r.get('organization') === organization.id).length;
	const quota = forum.getInt('quota');
	if (named >= quota) {
		bag.add(
			'forum',
			'quota_full',
			who + ' har allerede meldt ' + named + ' ud af ' + quota + ' ind til ' + forum.get('name') + '.'
		);
	}
	bag.check();

	const personChanged = isNew || userChanged || emailChanged;
	const self = actor !== '' && nomineeUser === actor;
	const mail = personChanged && !self;
	if (mail && !secretariat && mailsToday(app, actor) >= MAILS_PER_AUTHOR_PER_DAY) {
		bag.add(
			'nominee_email',
			'nominee_mail_limit',
			'Du har meldt ' +
				MAILS_PER_AUTHOR_PER_DAY +
				' personer ind med e-mail det seneste døgn. Prøv igen i morgen, eller bed sekretariatet om at melde personen ind.'
		);
		bag.check();
	}
	// A superuser (seed, tests) may bring a new record's token and answer; everyone else gets a fresh
	// token, and a changed person has not answered yet.
	const trusted = isNew && e.hasSuperuserAuth();
	if (personChanged) {
		if (!(trusted && record.getString('response_token'))) record.set('response_token', $security.randomString(40));
		if (!(trusted && record.getString('response'))) {
			// "Mig selv": naming yourself is your confirmation.
			record.set('response', self ? 'confirmed' : '');
			record.set('responded_at', self ? nowString() : '');
		}
	}

	// A nominee replaces the organisation's "melder ingen".
	if (isNew) {
		const none = app.findRecordsByFilter(
			'nominations',
			'call = {:call} && organization = {:organization} && kind = "none"',
			'',
			0,
			0,
			params
		);
		for (const row of none) {
			const was = snapshot(row, NOMINATION_FIELDS);
			app.delete(row);
			auditNomination(app, 'delete', row, call, was, null, actor);
		}
	}
	return { mail: mail, call: call };
}

function sendNomineeMail(app, record, actor) {
	const time = require(`${__hooks}/lib/danish-time.js`);
	const mail = require(`${__hooks}/lib/mail.js`);
	const call = app.findRecordById('nomination_calls', record.get('call'));
	const forum = app.findRecordById('nomination_fora', record.get('forum'));
	const organization = app.findRecordById('organizations', record.get('organization'));
	const author = findOrNull(app, 'users', actor);
	const by = author ? str(author.get('name')) : 'Sekretariatet';
	// The mail goes to someone who did not ask for it: the author's own text in it is the name only, cut short.
	const name = str(record.get('nominee_name')).slice(0, 100);
	mail.send(
		app,
		{ email: record.get('nominee_email'), name: name },
		by + ' har meldt dig ind til ' + forum.get('name'),
		[
			'Hej ' + name + ',',
			by +
				' fra ' +
				organization.get('name') +
				' har meldt dig ind til ' +
				forum.get('name') +
				' (' +
				call.get('title') +
				').',
			'Svar gerne senest ' + time.formatDateTime(call.get('deadline')) + ', om du vil deltage.'
		],
		{ url: mail.appUrl(app, '/indstilling/' + record.get('response_token')), label: 'Bekræft eller afslå' }
	);
}

/** Creates or updates a nomination from an API request: checks, save and audit in one transaction, then the mail. */
function writeNomination(e) {
	const app = e.app;
	const action = e.record.isNew() ? 'create' : 'update';
	const before = action === 'update' ? snapshot(e.record.original(), NOMINATION_FIELDS) : null;
	const actor = userId(e.auth);
	let result = null;
	inTransaction(e, (tx) => {
		result = prepareNomination(tx, e);
		e.next();
		const after = snapshot(e.record, NOMINATION_FIELDS, result.mail ? { mailed: true } : null);
		auditNomination(tx, action, e.record, result.call, before, after, actor);
	});
	if (result.mail) {
		try {
			sendNomineeMail(app, e.record, actor);
		} catch (err) {
			console.log('nominee mail failed:', err);
		}
	}
}

/** Withdraws a nomination: members only while the call is open and before its deadline. */
function deleteNomination(e) {
	const actor = userId(e.auth);
	inTransaction(e, (tx) => {
		const call = tx.findRecordById('nomination_calls', e.record.get('call'));
		if (!isSecretariat(tx, e, call.get('group'))) {
			const time = require(`${__hooks}/lib/danish-time.js`);
			const deadline = call.get('deadline');
			if (call.get('status') !== 'open' || instant(deadline) <= Date.now()) {
				throw new BadRequestError(
					call.get('status') === 'open'
						? 'Fristen er udløbet ' + time.formatDateTime(deadline) + '. Kontakt sekretariatet for at ændre jeres svar.'
						: 'Indkaldelsen er lukket. Kontakt sekretariatet for at ændre jeres svar.'
				);
			}
		}
		const was = snapshot(e.record, NOMINATION_FIELDS);
		e.next();
		auditNomination(tx, 'delete', e.record, call, was, null, actor);
	});
}

/** Checks a call about to be created or updated; sets created_by, opened_at and closed_at. */
function prepareCall(app, e) {
	const record = e.record;
	const isNew = record.isNew();
	const before = isNew ? null : record.original();
	const bag = errorBag('Indkaldelsen kunne ikke gemmes.');
	if (isNew && !e.hasSuperuserAuth()) record.set('created_by', userId(e.auth));

	const eligibility = record.get('eligibility');
	if (eligibility !== 'sectors') record.set('eligible_sectors', []);
	if (eligibility !== 'organizations') record.set('eligible_organizations', []);
	if (!str(record.get('title')).trim()) bag.add('title', 'title_required', 'Skriv en titel.');
	else if (str(record.get('title')).length > 200) bag.add('title', 'title_too_long', 'Titlen må højst være 200 tegn.');

	const status = record.get('status');
	const wasStatus = before ? before.get('status') : '';
	const deadline = instant(record.get('deadline'));
	const deadlineChanged = isNew || str(record.get('deadline')) !== str(before.get('deadline'));
	// The superuser (seed scripts, test factories) may open a call as it likes: in the past, fora later.
	const checked = !e.hasSuperuserAuth();
	if (deadline === null) {
		bag.add('deadline', 'deadline_required', 'Vælg en frist.');
	} else if (checked && status === 'open' && (deadlineChanged || wasStatus !== 'open') && deadline <= Date.now()) {
		bag.add('deadline', 'deadline_past', 'Fristen skal ligge i fremtiden.');
	}
	if (checked && status === 'open' && wasStatus !== 'open') {
		if (eligibility === 'sectors' && !(record.get('eligible_sectors') || []).length) {
			bag.add('eligible_sectors', 'eligible_sectors_empty', 'Vælg mindst én sektor, der kan melde ind.');
		}
		if (eligibility === 'organizations' && !(record.get('eligible_organizations') || []).length) {
			bag.add(
				'eligible_organizations',
				'eligible_organizations_empty',
				'Vælg mindst én organisation, der kan melde ind.'
			);
		}
		const fora = isNew
			? []
			: app.findRecordsByFilter('nomination_fora', 'call = {:call}', '', 1, 0, { call: record.id });
		if (!fora.length) {
			bag.add(
				'status',
				'call_without_fora',
				isNew
					? 'Gem indkaldelsen som kladde og tilføj mindst ét forum, før den åbnes.'
					: 'Tilføj mindst ét forum, før indkaldelsen åbnes.'
			);
		}
	}
	if (status === 'open' && wasStatus !== 'open') {
		record.set('opened_at', nowString());
		record.set('closed_at', '');
	}
	if (status === 'closed' && wasStatus !== 'closed') record.set('closed_at', nowString());
	if (status === 'draft' && wasStatus && wasStatus !== 'draft') {
		bag.add('status', 'call_back_to_draft', 'En åbnet indkaldelse kan ikke blive kladde igen. Luk den i stedet.');
	}
	bag.check();
}

module.exports = {
	MAILS_PER_AUTHOR_PER_DAY: MAILS_PER_AUTHOR_PER_DAY,
	userId: userId,
	writeNomination: writeNomination,
	deleteNomination: deleteNomination,
	prepareCall: prepareCall,

	/** An audit entry for a call's status or deadline change (other edits are not audited). */
	auditCall: (app, before, record, actor) => {
		const after = snapshot(record, CALL_FIELDS);
		if (before.status === after.status && str(before.deadline) === str(after.deadline)) return;
		auditEntry(app, 'nomination_calls', 'update', record, record.id, record.get('meeting'), before, after, actor);
	},
	callSnapshot: (record) => snapshot(record, CALL_FIELDS),

	/** A call with nominations cannot be deleted: it is closed instead. */
	checkCallDelete: (app, record) => {
		const any = app.findRecordsByFilter('nominations', 'call = {:call}', '', 1, 0, { call: record.id });
		if (any.length) {
			throw new BadRequestError('Indkaldelsen har svar fra organisationerne og kan ikke slettes. Luk den i stedet.');
		}
	},

	/** A forum's name and quota, and no quota below what an organisation already named. */
	prepareForum: (app, e) => {
		const record = e.record;
		const bag = errorBag('Forummet kunne ikke gemmes.');
		const name = str(record.get('name')).trim();
		record.set('name', name);
		if (!name) bag.add('name', 'forum_name_required', 'Skriv forummets navn.');
		else if (name.length > 200) bag.add('name', 'forum_name_too_long', 'Navnet må højst være 200 tegn.');
		const raw = e.requestInfo().body ? e.requestInfo().body.quota : undefined;
		const quota = record.getFloat('quota');
		if (quota < 1 || Math.floor(quota) !== quota || (raw !== undefined && raw !== null && String(raw).trim() === '')) {
			bag.add('quota', 'quota_too_small', 'Hver organisation skal kunne melde mindst 1 person ind.');
		} else if (quota > 50) {
			bag.add('quota', 'quota_too_large', 'Højst 50 personer per organisation.');
		}
		bag.check();
		if (record.isNew()) return;
		const rows = app.findRecordsByFilter('nominations', 'forum = {:forum} && kind = "nominee"', '', 0, 0, {
			forum: record.id
		});
		const perOrganization = {};
		let most = 0;
		let mostOrg = '';
		for (const r of rows) {
			const org = r.get('organization');
			perOrganization[org] = (perOrganization[org] || 0) + 1;
			if (perOrganization[org] > most) {
				most = perOrganization[org];
				mostOrg = org;
			}
		}
		if (most > quota) {
			const org = findOrNull(app, 'organizations', mostOrg);
			bag.add(
				'quota',
				'quota_below_named',
				(org ? org.get('name') : 'En organisation') +
					' har allerede meldt ' +
					most +
					' ind til ' +
					name +
					'. Kvoten kan ikke være lavere.'
			);
		}
		bag.check();
	},

	/** A forum with nominations cannot be deleted. */
	checkForumDelete: (app, record) => {
		const any = app.findRecordsByFilter('nominations', 'forum = {:forum}', '', 1, 0, { forum: record.id });
		if (any.length) {
			throw new BadRequestError('Forummet har indstillinger og kan ikke slettes. Træk dem tilbage først.');
		}
	},

	inTransaction: inTransaction
};
