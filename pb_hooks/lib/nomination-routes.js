// The routes around nomination calls that are not plain record writes: the nominee's confirm or
// decline link (no login), reminders to the organisations that have not answered (queued in the reminder outbox), and composing
// the group a forum became. Required inside handlers (the JSVM gives handlers no outer scope).

const DAY = 24 * 3600 * 1000;
const TOKEN = /^[A-Za-z0-9]{40,100}$/;
const UNKNOWN_TOKEN = 'Linket er ugyldigt. Bed sekretariatet om et nyt.';
const COMPOSED = 'Gruppen er allerede sammensat, så linket kan ikke længere bruges. Kontakt sekretariatet.';
const NO_CALL = 'Indkaldelsen findes ikke.';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function instant(value) {
	return new Date(String(value).replace(' ', 'T')).getTime();
}

function nowString() {
	return new Date().toISOString().replace('T', ' ');
}

function findById(app, collection, id) {
	if (!id) return null;
	try {
		return app.findRecordById(collection, id);
	} catch (_) {
		return null;
	}
}

/** "onsdag den 1. juli 2020", with the time only when it is not the end of the day. */
function formatDeadline(value) {
	const full = require(`${__hooks}/lib/danish-time.js`).formatDateTime(value);
	const at = full.indexOf(' kl. ');
	if (at < 0 || full.slice(at) === ' kl. 23.59') return at < 0 ? full : full.slice(0, at);
	return full;
}

function fieldError(message) {
	return new ValidationError('invalid', message);
}

/** A 400 with a Danish message beside one field. */
function badField(field, message) {
	const data = {};
	data[field] = fieldError(message);
	return new BadRequestError(message, data);
}

function isSecretariat(app, user, groupId) {
	if (!user || user.collection().name !== 'users') return false;
	return require(`${__hooks}/lib/memberships.js`).roleIn(app, user.id, groupId) === 'secretariat';
}

function requireSecretariat(app, call, user) {
	if (!isSecretariat(app, user, call.get('group'))) throw new NotFoundError(NO_CALL);
}

/** Whether an organisation may answer a call. */
function eligible(call, org) {
	if (!org) return false;
	const kind = call.get('eligibility');
	if (kind === 'all') return true;
	if (kind === 'sectors') return (call.get('eligible_sectors') || []).indexOf(org.get('sector')) >= 0;
	if (kind === 'organizations') return (call.get('eligible_organizations') || []).indexOf(org.id) >= 0;
	return false;
}

function fora(app, callId) {
	return app.findRecordsByFilter('nomination_fora', 'call = {:call}', 'position,created', 0, 0, { call: callId });
}

function writeAudit(app, fields) {
	const audit = new Record(app.findCachedCollectionByNameOrId('audit_log'));
	audit.set('collection', fields.collection);
	audit.set('record', fields.record);
	audit.set('call', fields.call);
	audit.set('meeting', fields.meeting || '');
	audit.set('action', fields.action);
	audit.set('actor', fields.actor || '');
	audit.set('before', fields.before === undefined ? null : fields.before);
	audit.set('after', fields.after === undefined ? null : fields.after);
	app.save(audit);
}

// ---------------------------------------------------------------------------------------------
// The nominee's link

/**
 * The nomination behind a token, or a Danish 404. Every malformed or unknown token takes the same
 * path (one indexed lookup) and gets the same answer.
 */
function byToken(app, token) {
	token = typeof token === 'string' ? token.slice(0, 100) : '';
	let nomination = null;
	try {
		nomination = app.findFirstRecordByFilter('nominations', 'response_token = {:token}', { token: token });
	} catch (_) {
		nomination = null;
	}
	if (!nomination || !TOKEN.test(token) || nomination.get('response_token') !== token) {
		throw new NotFoundError(UNKNOWN_TOKEN);
	}
	return nomination;
}

/** What the nominee's page shows. Refuses once the forum has become a group. */
function describe(app, nomination) {
	const call = app.findRecordById('nomination_calls', nomination.get('call'));
	const forum = findById(app, 'nomination_fora', nomination.get('forum'));
	if (forum && forum.get('group')) throw new ApiError(410, COMPOSED, {});
	const group = findById(app, 'groups', call.get('group'));
	const org = findById(app, 'organizations', nomination.get('organization'));
	const by = findById(app, 'users', nomination.get('nominated_by'));
	return {
		nominee_name: nomination.get('nominee_name'),
		call_title: call.get('title'),
		forum_name: forum ? forum.get('name') : '',
		group_name: group ? group.get('name') : '',
		organization_name: org ? org.get('name') : '',
		nominated_by_name: by ? by.get('name') : '',
		deadline: call.getString('deadline'),
		response: nomination.get('response')
	};
}

// ---------------------------------------------------------------------------------------------
// Reminders

function latestReminder(app, callId) {
	const found = app.findRecordsByFilter('reminder_log', 'call = {:call}', '-created', 1, 0, { call: callId });
	return found.length ? found[0] : null;
}

function reminderSummary(log) {
	return log
		? { created: log.getString('created'), sender: log.get('sender_name'), recipients: log.get('recipients') }
		: null;
}

/** The members to remind: of eligible organisations without any answer, not observers, not the sender. */
function recipients(app, call, sender) {
	const memberships = require(`${__hooks}/lib/memberships.js`);
	const answered = {};
	const answers = app.findRecordsByFilter('nominations', 'call = {:call}', '', 0, 0, { call: call.id });
	for (let i = 0; i < answers.length; i++) answered[answers[i].get('organization')] = true;
	const orgs = {};
	const out = [];
	const seen = {};
	const members = memberships.members(app, call.get('group'));
	for (let i = 0; i < members.length; i++) {
		const m = members[i];
		const userId = m.get('user');
		if (m.get('role') === 'observer' || userId === sender.id || seen[userId]) continue;
		const user = findById(app, 'users', userId);
		if (!user) continue;
		const orgId = user.get('organization');
		if (!orgId || answered[orgId]) continue;
		if (!(orgId in orgs)) orgs[orgId] = findById(app, 'organizations', orgId);
		if (!eligible(call, orgs[orgId])) continue;
		seen[userId] = true;
		out.push({ user: user, org: orgs[orgId] });
	}
	return out;
}

/** "Faglig gruppe (1 plads pr. organisation), Strategisk (2 pladser pr. organisation)" */
function seatsText(forumList) {
	return forumList
		.map(
			(f) =>
				f.get('name') + ' (' + f.get('quota') + (f.get('quota') === 1 ? ' plads' : ' pladser') + ' pr. organisation)'
		)
		.join(', ');
}

// ---------------------------------------------------------------------------------------------
// Composing a group

/** A user's ordinary memberships (every period) of a group. */
function ordinaryMemberships(app, userId, groupId) {
	return app.findRecordsByFilter(
		'memberships',
		'user = {:user} && group = {:group} && meeting = ""',
		'-created',
		50,
		0,
		{
			user: userId,
			group: groupId
		}
	);
}

function isActive(m) {
	const now = Date.now();
	const starts = m.getString('starts');
	const ends = m.getString('ends');
	return (!starts || instant(starts) <= now) && (!ends || instant(ends) > now);
}

/**
 * Gives a user an ordinary membership of a group with `role`, unless they have an active one. A
 * period that has not begun yet begins now; a former member gets a new period from now, so the
 * ended one stays as history (past minutes keep their participant lists). Returns true when the
 * user became a member now.
 */
function ensureMembership(app, userId, groupId, role) {
	const periods = ordinaryMemberships(app, userId, groupId);
	for (let i = 0; i < periods.length; i++) if (isActive(periods[i])) return false;
	const now = new Date().toISOString().replace('T', ' ');
	for (let i = 0; i < periods.length; i++) {
		const starts = periods[i].getString('starts');
		if (starts && instant(starts) > Date.now()) {
			periods[i].set('starts', now);
			periods[i].set('role', role);
			app.save(periods[i]);
			return true;
		}
	}
	const m = new Record(app.findCachedCollectionByNameOrId('memberships'));
	m.set('user', userId);
	m.set('group', groupId);
	m.set('role', role);
	if (periods.length) m.set('starts', now);
	app.save(m);
	return true;
}

function parseCompose(app, call, body) {
	const forum = findById(app, 'nomination_fora', typeof body.forum === 'string' ? body.forum : '');
	if (!forum || forum.get('call') !== call.id) throw badField('forum', 'Vælg et forum fra indkaldelsen.');

	const ids = Array.isArray(body.nominations) ? body.nominations : [];
	if (!ids.length) throw badField('nominations', 'Vælg mindst én af de indstillede.');
	const picked = [];
	const dup = {};
	for (let i = 0; i < ids.length; i++) {
		const n = findById(app, 'nominations', typeof ids[i] === 'string' ? ids[i] : '');
		if (!n || n.get('call') !== call.id || n.get('forum') !== forum.id || n.get('kind') !== 'nominee') {
			throw badField('nominations', 'Der kan kun vælges personer, der er indstillet til ' + forum.get('name') + '.');
		}
		if (n.get('response') === 'declined') {
			throw badField('nominations', n.get('nominee_name') + ' har takket nej og kan ikke komme med i gruppen.');
		}
		if (!n.get('nominee_user') && !EMAIL.test(n.get('nominee_email') || '')) {
			throw badField(
				'nominations',
				n.get('nominee_name') + ' har ingen e-mail, så der kan ikke oprettes en konto. Tilføj en e-mail først.'
			);
		}
		if (dup[n.id]) continue;
		dup[n.id] = true;
		picked.push(n);
	}

	const target = body.target && typeof body.target === 'object' ? body.target : {};
	if (target.kind === 'new') {
		const name = typeof target.name === 'string' ? target.name.trim() : '';
		if (!name) throw badField('name', 'Giv gruppen et navn.');
		if (name.length > 200) throw badField('name', 'Navnet må højst være 200 tegn.');
		if (target.group_kind !== 'arbejdsgruppe' && target.group_kind !== 'forum') {
			throw badField('group_kind', 'Vælg arbejdsgruppe eller forum.');
		}
		return { forum: forum, picked: picked, target: { kind: 'new', name: name, groupKind: target.group_kind } };
	}
	if (target.kind === 'existing') {
		const group = findById(app, 'groups', typeof target.group === 'string' ? target.group : '');
		if (!group || group.get('parent') !== call.get('group')) {
			throw badField(
				'group',
				'Vælg en gruppe under ' + (findById(app, 'groups', call.get('group')) || call).get('name') + '.'
			);
		}
		return { forum: forum, picked: picked, target: { kind: 'existing', group: group } };
	}
	throw badField('target', 'Vælg, om der skal oprettes en ny gruppe eller bruges en eksisterende.');
}

function invitationMail(app, user, group, call) {
	const mail = require(`${__hooks}/lib/mail.js`);
	const link = mail.appUrl(app, '/login?til=' + encodeURIComponent('/') + '&email=' + encodeURIComponent(user.email()));
	mail.send(
		app,
		{ email: user.email(), name: user.get('name') },
		'Du er med i ' + group.get('name'),
		[
			'Hej ' + user.get('name') + ',',
			'Du er indstillet via indkaldelsen "' +
				call.get('title') +
				'" og er nu med i ' +
				group.get('name') +
				'. Der er oprettet en konto til dig i Klyngeportal med denne e-mail.',
			'Du logger ind med en engangskode, som vi sender til denne e-mail, og ser gruppens møder og dagsordener.'
		],
		{ url: link, label: 'Log ind' }
	);
}

module.exports = {
	formatDeadline: formatDeadline,
	eligible: eligible,

	/** GET by-token: what the nominee was named for. */
	show: (app, token) => describe(app, byToken(app, token)),

	/** POST respond: the nominee confirms or declines (again, if they change their mind); audited. */
	respond: (app, body) => {
		const nomination = byToken(app, body.token);
		const response = body.response;
		if (response !== 'confirmed' && response !== 'declined') {
			throw badField('response', 'Svar ja eller nej.');
		}
		describe(app, nomination); // refuses once the group has been composed
		const before = { response: nomination.get('response'), responded_at: nomination.getString('responded_at') };
		if (before.response !== response) {
			app.runInTransaction((txApp) => {
				const fresh = txApp.findRecordById('nominations', nomination.id);
				fresh.set('response', response);
				fresh.set('responded_at', nowString());
				txApp.save(fresh);
				const call = txApp.findRecordById('nomination_calls', fresh.get('call'));
				writeAudit(txApp, {
					collection: 'nominations',
					record: fresh.id,
					call: call.id,
					meeting: call.get('meeting'),
					action: 'update',
					actor: fresh.get('nominee_user'),
					before: before,
					after: { response: response, responded_at: fresh.getString('responded_at') }
				});
			});
		}
		return describe(app, app.findRecordById('nominations', nomination.id));
	},

	/** The call named by the route's {id}, or a Danish 404. */
	callOf: (e) => {
		const call = findById(e.app, 'nomination_calls', e.request.pathValue('id'));
		if (!call) throw new NotFoundError(NO_CALL);
		return call;
	},

	/** The latest reminder round of a call, for its group's secretariat; null if none. */
	lastReminder: (app, call, reader) => {
		requireSecretariat(app, call, reader);
		return reminderSummary(latestReminder(app, call.id));
	},

	/**
	 * Mails the members of the organisations that have not answered. Returns `{ status, body }`:
	 * 200 with `{ sent, recipients }`, or 409 with the last round when it is less than a day old
	 * and `confirmed` is false.
	 */
	remind: (app, call, sender, confirmed) => {
		requireSecretariat(app, call, sender);
		if (call.get('status') !== 'open' || instant(call.getString('deadline')) <= Date.now()) {
			throw new BadRequestError('Der kan kun sendes påmindelser for en åben indkaldelse før fristen.');
		}
		const last = latestReminder(app, call.id);
		if (last && !confirmed && instant(last.getString('created')) > Date.now() - DAY) {
			return {
				status: 409,
				body: {
					status: 409,
					message: 'Der er sendt påmindelser for mindre end et døgn siden. Bekræft for at sende igen.',
					data: { last: reminderSummary(last) }
				}
			};
		}
		// Queued in the reminder outbox (origin "secretariat", one round id), sent by the dispatcher
		// by each member's choice of push or e-mail; a member who chose "none" is not queued.
		const planner = require(`${__hooks}/lib/planner.js`);
		const round = planner.newId();
		const list = recipients(app, call, sender);
		const seats = seatsText(fora(app, call.id));
		const queued = planner.queue(
			app,
			list.map((r) => r.user),
			'nomination',
			call.id,
			'manual@' + round,
			'secretariat',
			call.getString('deadline'),
			(user, id) => planner.nominationPayload(app, call, id, seats)
		);
		const sent = queued.map((u) => u.getString('name'));
		if (sent.length) {
			const log = new Record(app.findCachedCollectionByNameOrId('reminder_log'));
			log.set('id', round);
			log.set('meeting', '');
			log.set('call', call.id);
			log.set('group', call.get('group'));
			log.set('sender', sender.id);
			log.set('sender_name', sender.get('name'));
			log.set('recipients', sent);
			app.save(log);
		}
		return { status: 200, body: { sent: sent.length, recipients: sent } };
	},

	/**
	 * Makes the picked nominees of one forum of a closed call members of a new or existing group
	 * under the call's group, in one transaction; invitation mails go out after it has committed.
	 */
	compose: (app, call, author, body) => {
		requireSecretariat(app, call, author);
		if (call.get('status') !== 'closed') {
			throw new BadRequestError('Gruppen kan først sammensættes, når indkaldelsen er lukket.');
		}
		const input = parseCompose(app, call, body || {});
		const invitations = [];
		let result = null;
		app.runInTransaction((txApp) => {
			let group;
			if (input.target.kind === 'new') {
				group = new Record(txApp.findCachedCollectionByNameOrId('groups'));
				group.set('name', input.target.name);
				group.set('kind', input.target.groupKind);
				group.set('parent', call.get('group'));
				group.set('description', 'Sammensat efter indkaldelsen "' + call.get('title') + '".');
				txApp.save(group);
				writeAudit(txApp, {
					collection: 'groups',
					record: group.id,
					call: call.id,
					meeting: call.get('meeting'),
					action: 'create',
					actor: author.id,
					after: { name: group.get('name'), kind: group.get('kind'), parent: group.get('parent') }
				});
			} else {
				group = txApp.findRecordById('groups', input.target.group.id);
			}

			let memberships = 0;
			let accounts = 0;
			const names = [];
			for (let i = 0; i < input.picked.length; i++) {
				const n = input.picked[i];
				let user = findById(txApp, 'users', n.get('nominee_user'));
				if (!user) {
					try {
						user = txApp.findAuthRecordByEmail('users', n.get('nominee_email'));
					} catch (_) {
						user = new Record(txApp.findCachedCollectionByNameOrId('users'));
						user.set('email', n.get('nominee_email'));
						user.set('name', n.get('nominee_name'));
						user.set('title', n.get('nominee_title'));
						user.set('phone', n.get('nominee_phone'));
						user.set('organization', n.get('organization'));
						user.set('locale', 'da');
						user.setVerified(false);
						// They log in with an e-mail code; the password is never told to anyone.
						user.setPassword($security.randomString(40));
						txApp.save(user);
						accounts++;
						invitations.push(user);
					}
				}
				if (ensureMembership(txApp, user.id, group.id, 'member')) memberships++;
				// The nomination now points at the person's account (found or made), as "Mig selv" does.
				if (n.get('nominee_user') !== user.id) {
					n.set('nominee_user', user.id);
					txApp.save(n);
				}
				names.push(n.get('nominee_name'));
			}

			// The steering group's secretariat runs the new group too.
			const members = require(`${__hooks}/lib/memberships.js`).members(txApp, call.get('group'));
			for (let i = 0; i < members.length; i++) {
				if (members[i].get('role') !== 'secretariat') continue;
				ensureMembership(txApp, members[i].get('user'), group.id, 'secretariat');
			}

			const forum = txApp.findRecordById('nomination_fora', input.forum.id);
			const before = { group: forum.get('group') };
			forum.set('group', group.id);
			txApp.save(forum);
			writeAudit(txApp, {
				collection: 'nomination_fora',
				record: forum.id,
				call: call.id,
				meeting: call.get('meeting'),
				action: 'update',
				actor: author.id,
				before: before,
				after: { group: group.id, nominees: names, memberships: memberships, accounts: accounts }
			});
			result = { group: group.id, memberships: memberships, accounts: accounts, groupRecord: group };
		});

		for (let i = 0; i < invitations.length; i++) {
			try {
				invitationMail(app, invitations[i], result.groupRecord, call);
			} catch (err) {
				console.log('group invitation mail failed:', err);
			}
		}
		return { group: result.group, memberships: result.memberships, accounts: result.accounts };
	}
};
