/// <reference path="../pb_data/types.d.ts" />
// A user changes only their own profile: name, title, department, phone, language and notification
// preferences, and their password. Organisation, e-mail, its visibility and the verified flag are the
// secretariat's (the rule on `users` says the same for the most dangerous of them). Reminder
// preferences must have the shape the planner and dispatcher read (pb_hooks/lib/notification-prefs.js),
// whoever writes them.

onRecordUpdateRequest((e) => {
	if (!e.hasSuperuserAuth()) {
		const allowed = {
			name: true,
			title: true,
			department: true,
			phone: true,
			locale: true,
			notification_prefs: true,
			password: true,
			passwordConfirm: true,
			oldPassword: true
		};
		const body = e.requestInfo().body || {};
		const errors = {};
		for (const key in body) {
			if (!allowed[key]) errors[key] = new ValidationError('field_locked', 'Feltet kan ikke ændres her.');
		}
		if (Object.keys(errors).length) throw new BadRequestError('Kun dine egne profiloplysninger kan ændres.', errors);
	}
	const prefs = require(`${__hooks}/lib/notification-prefs.js`);
	prefs.check(e.requestInfo().body || {});
	e.next();
}, 'users');

// The secretariat (or an operator) creating an account with preferences: the same shape check.
onRecordCreateRequest((e) => {
	const prefs = require(`${__hooks}/lib/notification-prefs.js`);
	prefs.check(e.requestInfo().body || {});
	e.next();
}, 'users');
