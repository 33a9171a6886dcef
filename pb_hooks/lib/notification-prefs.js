// The shape of users.notification_prefs (src/lib/reminders/prefs.ts says the same for the app):
// { channels: { <kind>: push|email|both|none, … }, quiet: { from: "HH:MM", to: "HH:MM" } }. Every part
// may be missing (the defaults apply); what is there must be one of these. Each problem is reported
// with a code naming the exact field, so the preferences page puts the Danish message beside it.

const KINDS = [
	'attendance',
	'nomination',
	'meeting_tomorrow',
	'agenda_published',
	'agenda_changed',
	'minutes_published',
	'follow_up'
];
const CHANNELS = ['push', 'email', 'both', 'none'];
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A plain object (not an array, not null). */
function isObject(value) {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The first problem with a stored preferences value, as { code, message }, or null when it is fine.
 * `raw` is what the request body holds: raw JSON (a JSON body) or a JSON string (a form body).
 */
function problem(raw) {
	// A JSON field arrives in the request body as raw JSON bytes (types.JSONRaw), which reads as text.
	let value = raw;
	if (value && typeof value === 'object' && typeof value.string === 'function') value = value.string();
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch (_) {
			return { code: 'prefs_shape', message: 'Indstillingerne kunne ikke læses.' };
		}
		if (value === null) return null;
	}
	if (!isObject(value)) return { code: 'prefs_shape', message: 'Indstillingerne kunne ikke læses.' };
	for (const key in value) {
		if (key !== 'channels' && key !== 'quiet') {
			return { code: 'prefs_shape', message: 'Indstillingerne indeholder et ukendt felt.' };
		}
	}
	if (value.channels !== undefined) {
		if (!isObject(value.channels)) return { code: 'prefs_shape', message: 'Indstillingerne kunne ikke læses.' };
		for (const kind in value.channels) {
			if (KINDS.indexOf(kind) < 0) return { code: 'prefs_kind', message: 'Ukendt slags påmindelse.' };
			if (CHANNELS.indexOf(value.channels[kind]) < 0) {
				return {
					code: 'prefs_channel_' + kind,
					message: 'Vælg push, e-mail, begge eller ingen.'
				};
			}
		}
	}
	if (value.quiet !== undefined) {
		if (!isObject(value.quiet)) return { code: 'prefs_shape', message: 'Indstillingerne kunne ikke læses.' };
		for (const key in value.quiet) {
			if (key !== 'from' && key !== 'to') {
				return { code: 'prefs_shape', message: 'Indstillingerne indeholder et ukendt felt.' };
			}
		}
		for (const end of ['from', 'to']) {
			const clock = value.quiet[end];
			if (typeof clock !== 'string' || !CLOCK.test(clock)) {
				return {
					code: 'prefs_quiet_' + end,
					message: 'Skriv et klokkeslæt som TT:MM, fx ' + (end === 'from' ? '21:00' : '07:00') + '.'
				};
			}
		}
	}
	return null;
}

/** Throws a 400 with the Danish message on `notification_prefs` when a request body's value is malformed. */
function check(body) {
	if (body.notification_prefs === undefined) return;
	const found = problem(body.notification_prefs);
	if (found) {
		throw new BadRequestError('Påmindelserne kunne ikke gemmes.', {
			notification_prefs: new ValidationError(found.code, found.message)
		});
	}
}

module.exports = { problem, check, KINDS, CHANNELS };
