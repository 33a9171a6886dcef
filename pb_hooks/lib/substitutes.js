// A named substitute with an e-mail address becomes a guest of that one meeting: an account (if
// the address has none), a guest membership tied to the meeting, and an invitation mail with a
// link to log in. Changing or withdrawing the substitute removes the earlier guest membership,
// tells the earlier substitute in a short mail, and removes their account when the invitation
// created it and it was never used. Invitations are limited per answer and per member per day,
// so the form cannot be used to mail strangers in bulk.

const DAY = 24 * 3600 * 1000;
const PER_ANSWER_PER_DAY = 3;
const PER_MEMBER_PER_DAY = 5;

const upcoming = (meeting) => new Date(String(meeting.get('starts')).replace(' ', 'T')).getTime() > Date.now();

/** Invitations logged since a day ago that match `filter` (with `params`). */
function sentToday(app, filter, params) {
	params.since = new Date(Date.now() - DAY).toISOString().replace('T', ' ');
	return app.findRecordsByFilter('substitute_invitations', filter + ' && created > {:since}', '', 0, 0, params).length;
}

function guestMembership(app, userId, meeting) {
	try {
		return app.findFirstRecordByFilter(
			'memberships',
			'user = {:user} && group = {:group} && meeting = {:meeting} && role = "guest"',
			{ user: userId, group: meeting.get('group'), meeting: meeting.id }
		);
	} catch (_) {
		return null;
	}
}

/** The account for an address, and whether it was created now. */
function accountFor(app, email, name, title, organization) {
	try {
		return { user: app.findAuthRecordByEmail('users', email), created: false };
	} catch (_) {
		const user = new Record(app.findCollectionByNameOrId('users'));
		user.set('email', email);
		user.set('name', name);
		user.set('title', title);
		user.set('organization', organization);
		user.set('locale', 'da');
		// Substitutes log in with an e-mail code; the password is never told to anyone.
		user.setPassword($security.randomString(40));
		app.save(user);
		return { user: user, created: true };
	}
}

/**
 * Removes the account of a withdrawn substitute when an invitation created it and it was never
 * used: never logged in (the e-mail code login verifies the address), and no membership, answer or
 * substitution left anywhere.
 */
function removeIfUnused(app, userId) {
	let user;
	try {
		user = app.findRecordById('users', userId);
	} catch (_) {
		return;
	}
	if (user.verified()) return;
	const ours = app.findRecordsByFilter(
		'substitute_invitations',
		'email = {:email} && created_account = true',
		'',
		1,
		0,
		{ email: user.email() }
	);
	if (!ours.length) return;
	const params = { user: userId };
	const any = (collection, filter) => app.findRecordsByFilter(collection, filter, '', 1, 0, params).length > 0;
	if (any('memberships', 'user = {:user}')) return;
	if (any('attendance', 'user = {:user} || substitute_user = {:user} || answered_by = {:user}')) return;
	app.delete(user);
}

function withdraw(app, email, name, meeting, member) {
	const time = require(`${__hooks}/lib/danish-time.js`);
	const mail = require(`${__hooks}/lib/mail.js`);
	const when = time.formatDateTime(meeting.get('starts'));
	mail.send(
		app,
		{ email: email, name: name },
		'Du er ikke længere suppleant: ' + meeting.get('title') + ' ' + when,
		[
			'Hej ' + name + ',',
			member.get('name') +
				' har ændret sit svar til ' +
				meeting.get('title') +
				' ' +
				when +
				', så du skal ikke deltage som suppleant. Linket i invitationen virker ikke længere.',
			'Du behøver ikke gøre noget.'
		],
		null
	);
}

function invite(app, user, meeting, member, name) {
	// The mail goes to a stranger: the member's own text in it is the name only, cut short.
	name = String(name).slice(0, 100);
	const time = require(`${__hooks}/lib/danish-time.js`);
	const mail = require(`${__hooks}/lib/mail.js`);
	const when = time.formatDateTime(meeting.get('starts'));
	const link = mail.appUrl(
		app,
		'/login?til=' + encodeURIComponent('/moeder/' + meeting.id) + '&email=' + encodeURIComponent(user.email())
	);
	mail.send(
		app,
		{ email: user.email(), name: name },
		'Du er suppleant for ' + member.get('name') + ': ' + meeting.get('title') + ' ' + when,
		[
			'Hej ' + name + ',',
			member.get('name') +
				' har meldt afbud til ' +
				meeting.get('title') +
				' ' +
				when +
				' og har sendt dig som suppleant.',
			'Du logger ind med en engangskode, som vi sender til denne e-mail, og ser mødets dagsorden og bilag.'
		],
		{ url: link, label: 'Se dagsordenen' }
	);
}

module.exports = {
	/**
	 * The Danish reason why saving `record` would send one invitation too many, or "" when it may be
	 * sent. Only a new or changed address of an upcoming meeting's substitute sends an invitation.
	 */
	overInvitationLimit: (app, record) => {
		const email = record.get('status') === 'substitute' ? record.get('substitute_email') : '';
		if (!email) return '';
		if (!record.isNew() && record.original().get('substitute_email') === email) return '';
		if (!upcoming(app.findRecordById('meetings', record.get('meeting')))) return '';
		if (
			!record.isNew() &&
			sentToday(app, 'attendance = {:attendance}', { attendance: record.id }) >= PER_ANSWER_PER_DAY
		) {
			return 'Der er allerede sendt ' + PER_ANSWER_PER_DAY + ' invitationer for dette svar i dag. Prøv igen i morgen.';
		}
		if (sentToday(app, 'member = {:member}', { member: record.get('user') }) >= PER_MEMBER_PER_DAY) {
			return 'Der er sendt ' + PER_MEMBER_PER_DAY + ' invitationer til suppleanter i dag. Prøv igen i morgen.';
		}
		return '';
	},

	sync: (app, record, before) => {
		const previousUser = before ? before.get('substitute_user') : '';
		// Most answers involve no substitute, before or after: nothing to do.
		if (record.get('status') !== 'substitute' && !previousUser) return;
		const meeting = app.findRecordById('meetings', record.get('meeting'));
		const email = record.get('status') === 'substitute' ? record.get('substitute_email') : '';
		const member = app.findRecordById('users', record.get('user'));

		let substitute = null;
		if (email && upcoming(meeting)) {
			const account = accountFor(
				app,
				email,
				record.get('substitute_name'),
				record.get('substitute_title'),
				member.get('organization')
			);
			substitute = account.user;
			if (!guestMembership(app, substitute.id, meeting)) {
				const membership = new Record(app.findCollectionByNameOrId('memberships'));
				membership.set('user', substitute.id);
				membership.set('group', meeting.get('group'));
				membership.set('meeting', meeting.id);
				membership.set('role', 'guest');
				app.save(membership);
				const logged = new Record(app.findCachedCollectionByNameOrId('substitute_invitations'));
				logged.set('attendance', record.id);
				logged.set('meeting', meeting.id);
				logged.set('member', record.get('user'));
				logged.set('email', email);
				logged.set('created_account', account.created);
				app.save(logged);
				try {
					invite(app, substitute, meeting, member, record.get('substitute_name'));
				} catch (err) {
					console.log('substitute invitation mail failed:', err);
				}
			}
		}
		const currentId = substitute ? substitute.id : '';
		if (currentId !== record.get('substitute_user')) {
			// Written directly: a save would run the attendance hooks (and the audit) a second time.
			app
				.db()
				.newQuery('UPDATE attendance SET substitute_user = {:user} WHERE id = {:id}')
				.bind({ user: currentId, id: record.id })
				.execute();
		}
		if (previousUser && previousUser !== currentId) {
			const old = guestMembership(app, previousUser, meeting);
			if (old) {
				app.delete(old);
				if (upcoming(meeting)) {
					try {
						withdraw(app, before.get('substitute_email'), before.get('substitute_name'), meeting, member);
					} catch (err) {
						console.log('substitute withdrawal mail failed:', err);
					}
				}
			}
			removeIfUnused(app, previousUser);
		}
	}
};
