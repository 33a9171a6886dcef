// Members and roles (issue 10): the invariants of a membership, whoever writes it through the API,
// its audit entries, and the secretariat's route that adds a person (an account when the e-mail has
// none, the membership and its audit entry in one transaction, then the invitation mail).
// Required inside handlers (the JSVM gives handlers no outer scope).

/** The roles the secretariat gives, with their Danish names. */
const ROLES = {
	member: 'medlem',
	chair: 'formand',
	co_chair: 'medformand',
	secretariat: 'sekretariat',
	observer: 'observatør'
};
const ROLE_NAMES = { guest: 'gæst' };
for (const k in ROLES) ROLE_NAMES[k] = ROLES[k];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NO_GROUP = 'Gruppen findes ikke.';
/** The fields the add route reads; anything else in the body is refused, not ignored. */
const ADD_FIELDS = { name: true, title: true, organization: true, email: true, role: true, starts: true };
const AUDITED = ['user', 'group', 'meeting', 'role', 'starts', 'ends'];

/** A PocketBase date (or '') as ms since the epoch; NaN for none or unreadable. */
function instant(value) {
	const s = String(value || '');
	return s ? new Date(s.replace(' ', 'T')).getTime() : NaN;
}

/** "1. marts 2027" in Copenhagen, of a PocketBase date or ms. */
function formatDate(value) {
	return require(`${__hooks}/lib/danish-time.js`).formatDate(typeof value === 'number' ? value : instant(value));
}

/** A 400 with a Danish message beside one field. */
function fieldError(field, code, message) {
	const data = {};
	data[field] = new ValidationError(code, message);
	return new BadRequestError(message, data);
}

function findById(app, collection, id) {
	if (!id || typeof id !== 'string') return null;
	try {
		return app.findRecordById(collection, id);
	} catch (_) {
		return null;
	}
}

function userId(auth) {
	return require(`${__hooks}/lib/audit.js`).userId(auth);
}

/** The group when `auth` is its active secretariat; the same Danish 404 for every other case. */
function requireSecretariat(app, auth, groupId) {
	const id = userId(auth);
	const group = findById(app, 'groups', groupId);
	if (!group || !id || require(`${__hooks}/lib/memberships.js`).roleIn(app, id, group.id) !== 'secretariat') {
		throw new NotFoundError(NO_GROUP);
	}
	return group;
}

/** A secretariat membership that has begun and has no end: the group stays run by it. */
function standingSecretariat(m, now) {
	return (
		m.get('role') === 'secretariat' &&
		!m.get('meeting') &&
		!m.getString('ends') &&
		(isNaN(instant(m.getString('starts'))) || instant(m.getString('starts')) <= now)
	);
}

/** Whether another standing secretariat than membership `exceptId` runs the group. */
function otherSecretariat(app, groupId, exceptId) {
	const now = Date.now();
	const found = app.findRecordsByFilter(
		'memberships',
		'group = {:group} && meeting = "" && role = "secretariat" && ends = "" && id != {:id}',
		'',
		0,
		0,
		{ group: groupId, id: exceptId || '' }
	);
	for (let i = 0; i < found.length; i++) if (standingSecretariat(found[i], now)) return true;
	return false;
}

const LAST_SECRETARIAT =
	'Gruppen skal have mindst ét sekretariat uden slutdato. Tilføj et andet sekretariat, før dette ændres.';

/**
 * Refuses a membership that may not be saved: an unknown role, an end before the start, a period
 * that overlaps another of the same person in the group, and a change that leaves the group without
 * a standing secretariat. `original` is the stored membership (null for a new one); `personField` is
 * the field a duplicate is reported on ('user' for the API, 'email' for the add form).
 */
function check(app, record, original, personField) {
	const role = record.get('role');
	const meeting = record.get('meeting');
	if (meeting ? role !== 'guest' : !ROLES[role]) {
		throw fieldError(
			'role',
			'role_invalid',
			meeting
				? 'En gæst af ét møde har rollen gæst.'
				: 'Vælg en rolle: medlem, formand, medformand, sekretariat eller observatør.'
		);
	}
	const starts = instant(record.getString('starts'));
	const ends = instant(record.getString('ends'));
	if (!isNaN(starts) && !isNaN(ends) && ends <= starts) {
		throw fieldError('ends', 'ends_before_starts', 'Medlemskabet kan ikke slutte, før det begynder.');
	}
	if (!meeting) {
		const others = app.findRecordsByFilter(
			'memberships',
			'user = {:user} && group = {:group} && meeting = "" && id != {:id}',
			'',
			0,
			0,
			{ user: record.get('user'), group: record.get('group'), id: record.id || '' }
		);
		// A period without a start began when it was made (a new one: now); one without an end lasts.
		const begun = (m, s) => (isNaN(s) ? (m.isNew() ? Date.now() : instant(m.getString('created'))) : s);
		const hi = (v) => (isNaN(v) ? Infinity : v);
		const from = begun(record, starts);
		for (let i = 0; i < others.length; i++) {
			const os = begun(others[i], instant(others[i].getString('starts')));
			const oe = instant(others[i].getString('ends'));
			if (from < hi(oe) && os < hi(ends)) {
				const person = findById(app, 'users', record.get('user'));
				const name = person ? person.get('name') : 'Personen';
				throw fieldError(
					personField,
					'already_member',
					isNaN(oe)
						? name + ' er allerede med i gruppen.'
						: name + ' er med i gruppen til ' + formatDate(oe) + '. Et nyt medlemskab kan begynde derefter.'
				);
			}
		}
	}
	if (original && standingSecretariat(original, Date.now()) && !standingSecretariat(record, Date.now())) {
		if (!otherSecretariat(app, record.get('group'), record.id)) {
			throw fieldError(record.get('role') !== 'secretariat' ? 'role' : 'ends', 'last_secretariat', LAST_SECRETARIAT);
		}
	}
}

/** Refuses deleting the group's last standing secretariat (the rule already keeps begun periods). */
function checkDelete(app, record) {
	if (standingSecretariat(record, Date.now()) && !otherSecretariat(app, record.get('group'), record.id)) {
		throw new BadRequestError(LAST_SECRETARIAT);
	}
}

/** The Danish line of the history view for a change of one membership. */
function summary(app, action, before, after) {
	const m = after || before;
	const person = findById(app, 'users', m.user);
	const name = person ? person.get('name') : 'En tidligere bruger';
	const role = (r) => ROLE_NAMES[r] || r;
	if (action === 'create') {
		if (m.meeting) return name + ' inviteret som gæst til et møde';
		return name + ' tilføjet som ' + role(m.role) + (m.starts ? ' fra ' + formatDate(m.starts) : '');
	}
	if (action === 'delete') {
		return m.meeting ? name + ': gæsteadgang fjernet' : name + ' fjernet fra gruppen (medlemskabet var ikke begyndt)';
	}
	const parts = [];
	if (before.role !== after.role) parts.push('rolle ændret fra ' + role(before.role) + ' til ' + role(after.role));
	if (before.starts !== after.starts) {
		parts.push(after.starts ? 'begynder ' + formatDate(after.starts) : 'startdato fjernet');
	}
	if (before.ends !== after.ends) {
		parts.push(after.ends ? 'afsluttet pr. ' + formatDate(after.ends) : 'slutdato fjernet');
	}
	return name + ': ' + (parts.length ? parts.join(', ') : 'medlemskabet gemt uden ændringer');
}

/** Writes the audit entry of one membership change (after it succeeded). */
function audit(app, action, before, after, actor) {
	const log = require(`${__hooks}/lib/audit.js`);
	const b = log.snapshot(before, AUDITED);
	const a = log.snapshot(after, AUDITED);
	const m = after || before;
	log.write(app, {
		collection: 'memberships',
		record: m.id,
		meeting: m.get('meeting'),
		group: m.get('group'),
		action: action,
		actor: actor,
		before: b,
		after: a,
		summary: summary(app, action, b, a)
	});
}

/** The add form's input, checked field by field; throws the first problem beside its field. */
function parseAdd(app, body) {
	for (const key in body) {
		if (!ADD_FIELDS[key]) throw fieldError('form', 'field_unknown', 'Feltet "' + key + '" kan ikke sættes her.');
	}
	const text = (k) => (typeof body[k] === 'string' ? body[k].trim() : '');
	const input = {
		name: text('name'),
		title: text('title'),
		email: text('email').toLowerCase(),
		organization: text('organization'),
		role: text('role'),
		starts: text('starts')
	};
	if (!input.name) throw fieldError('name', 'name_required', 'Skriv personens navn.');
	if (input.name.length > 200) throw fieldError('name', 'name_too_long', 'Navnet må højst være 200 tegn.');
	if (input.title.length > 200) throw fieldError('title', 'title_too_long', 'Titlen må højst være 200 tegn.');
	if (!input.email) throw fieldError('email', 'email_required', 'Skriv personens e-mail.');
	if (input.email.length > 254 || !EMAIL.test(input.email)) {
		throw fieldError('email', 'email_invalid', 'Skriv en gyldig e-mail, fx navn@kommune.dk.');
	}
	if (!findById(app, 'organizations', input.organization)) {
		throw fieldError('organization', 'organization_unknown', 'Vælg en organisation fra listen.');
	}
	if (!ROLES[input.role]) {
		throw fieldError(
			'role',
			'role_invalid',
			'Vælg en rolle: medlem, formand, medformand, sekretariat eller observatør.'
		);
	}
	if (input.starts && isNaN(instant(input.starts))) {
		throw fieldError('starts', 'starts_invalid', 'Skriv en dato, fx 1. februar 2027.');
	}
	return input;
}

/** What an existing account kept of what the form said differently, for the secretariat to see. */
function keptFields(app, user, input) {
	const kept = [];
	if (user.get('name') !== input.name) kept.push({ field: 'name', kept: user.get('name'), given: input.name });
	if (input.title && user.get('title') !== input.title) {
		kept.push({ field: 'title', kept: user.get('title'), given: input.title });
	}
	if (user.get('organization') !== input.organization) {
		const was = findById(app, 'organizations', user.get('organization'));
		const given = findById(app, 'organizations', input.organization);
		kept.push({ field: 'organization', kept: was ? was.get('name') : '', given: given ? given.get('name') : '' });
	}
	return kept;
}

function invitationMail(app, user, group, role, starts) {
	const mail = require(`${__hooks}/lib/mail.js`);
	const link = mail.appUrl(app, '/login?til=' + encodeURIComponent('/') + '&email=' + encodeURIComponent(user.email()));
	mail.send(
		app,
		{ email: user.email(), name: user.get('name') },
		'Du er med i ' + group.get('name'),
		[
			'Hej ' + user.get('name') + ',',
			'Sekretariatet har tilføjet dig til ' +
				group.get('name') +
				' som ' +
				ROLES[role] +
				(starts ? ' fra ' + formatDate(starts) : '') +
				'. Der er oprettet en konto til dig i Klyngeportal med denne e-mail.',
			'Du logger ind med en engangskode: skriv din e-mail på login-siden, så sender vi en kode til denne e-mail. ' +
				'Du skal ikke bruge en adgangskode.',
			'I Klyngeportal ser du gruppens møder og dagsordener, melder afbud og får påmindelser før fristerne.'
		],
		{ url: link, label: 'Log ind i Klyngeportal' }
	);
}

module.exports = {
	ROLES: ROLES,
	check: check,
	checkDelete: checkDelete,
	audit: audit,
	userId: userId,

	/** GET organizations: every organisation a person may be added from, by name. */
	organizations: (app, auth, groupId) => {
		requireSecretariat(app, auth, groupId);
		return app
			.findRecordsByFilter('organizations', 'id != ""', 'name', 0, 0)
			.map((o) => ({ id: o.id, name: o.get('name'), sector: o.get('sector') }));
	},

	/**
	 * POST members: adds a person to the group. The account (made when the e-mail has none), the
	 * membership and its audit entry are saved in one transaction: a refused membership leaves no
	 * account behind. The invitation goes out after the commit.
	 */
	add: (app, auth, groupId, body) => {
		const group = requireSecretariat(app, auth, groupId);
		const input = parseAdd(app, body || {});
		let result = null;
		app.runInTransaction((tx) => {
			let user = null;
			try {
				user = tx.findAuthRecordByEmail('users', input.email);
			} catch (_) {
				user = null;
			}
			const created = !user;
			let kept = [];
			if (created) {
				user = new Record(tx.findCachedCollectionByNameOrId('users'));
				user.set('email', input.email);
				user.set('name', input.name);
				user.set('title', input.title);
				user.set('organization', input.organization);
				user.set('locale', 'da');
				user.setVerified(false);
				// They log in with an e-mail code; the password is never told to anyone.
				user.setPassword($security.randomString(40));
				tx.save(user);
			} else {
				kept = keptFields(tx, user, input);
			}
			const membership = new Record(tx.findCachedCollectionByNameOrId('memberships'));
			membership.set('user', user.id);
			membership.set('group', group.id);
			membership.set('role', input.role);
			// No date given: from now, so the roster and the history say when it began.
			membership.set('starts', input.starts || new Date().toISOString().replace('T', ' '));
			const last = tx.findRecordsByFilter('memberships', 'group = {:group}', '-position', 1, 0, { group: group.id });
			membership.set('position', last.length ? (last[0].get('position') || 0) + 1 : 1);
			check(tx, membership, null, 'email');
			tx.save(membership);
			audit(tx, 'create', null, membership, userId(auth));
			result = {
				membership: membership.id,
				user: user.id,
				name: user.get('name'),
				created: created,
				kept: kept,
				starts: membership.getString('starts')
			};
		});
		result.invited = false;
		if (result.created) {
			try {
				invitationMail(app, app.findRecordById('users', result.user), group, input.role, result.starts);
				result.invited = true;
			} catch (err) {
				console.log('member invitation mail failed:', err);
			}
		}
		return result;
	}
};
