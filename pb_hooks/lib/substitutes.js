// A named substitute with an e-mail address becomes a guest of that one meeting: an account (if
// the address has none), a guest membership tied to the meeting, and an invitation mail with a
// link to log in. Changing or withdrawing the substitute removes the earlier guest membership.

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

function accountFor(app, email, name, title, organization) {
	try {
		return app.findAuthRecordByEmail('users', email);
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
		return user;
	}
}

function invite(app, user, meeting, member, name) {
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
	sync: (app, record, before) => {
		const previousUser = before ? before.get('substitute_user') : '';
		// Most answers involve no substitute, before or after: nothing to do.
		if (record.get('status') !== 'substitute' && !previousUser) return;
		const meeting = app.findRecordById('meetings', record.get('meeting'));
		const email = record.get('status') === 'substitute' ? record.get('substitute_email') : '';
		const upcoming = new Date(String(meeting.get('starts')).replace(' ', 'T')).getTime() > Date.now();

		let substitute = null;
		if (email && upcoming) {
			const member = app.findRecordById('users', record.get('user'));
			substitute = accountFor(
				app,
				email,
				record.get('substitute_name'),
				record.get('substitute_title'),
				member.get('organization')
			);
			if (!guestMembership(app, substitute.id, meeting)) {
				const membership = new Record(app.findCollectionByNameOrId('memberships'));
				membership.set('user', substitute.id);
				membership.set('group', meeting.get('group'));
				membership.set('meeting', meeting.id);
				membership.set('role', 'guest');
				app.save(membership);
				try {
					invite(app, substitute, meeting, member, record.get('substitute_name'));
				} catch (err) {
					console.log('substitute invitation mail failed:', err);
				}
			}
		}
		const currentId = substitute ? substitute.id : '';
		if (previousUser && previousUser !== currentId) {
			const old = guestMembership(app, previousUser, meeting);
			if (old) app.delete(old);
		}
		if (currentId !== record.get('substitute_user')) {
			// Written directly: a save would run the attendance hooks (and the audit) a second time.
			app
				.db()
				.newQuery('UPDATE attendance SET substitute_user = {:user} WHERE id = {:id}')
				.bind({ user: currentId, id: record.id })
				.execute();
		}
	}
};
