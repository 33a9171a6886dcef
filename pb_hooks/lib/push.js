/* global DynamicModel */
// Push subscriptions: a member's devices. The app posts a browser's subscription on every start
// (so last_seen tells a living device from a dead one) and may ask for a test push to one device.

const MAX_PER_USER = 10;
const TEST_GAP_MS = 30 * 1000;
const TEST_TTL_MS = 60 * 60 * 1000;

const pbDate = (ms) => new Date(ms).toISOString().replace('T', ' ');

/**
 * The push services browsers use (Chrome, Samsung, Opera: FCM; Firefox: Mozilla autopush; Safari:
 * Apple; Edge: Windows Push). The dispatcher posts to whatever endpoint is stored, so only these
 * are taken: an arbitrary https address would make the server post to hosts of a member's choosing.
 * PUSH_ALLOWED_ORIGINS (comma-separated origins) adds others, e.g. the tests' local push service.
 */
const PUSH_HOST_SUFFIXES = [
	'fcm.googleapis.com',
	'android.googleapis.com',
	'push.services.mozilla.com',
	'push.apple.com',
	'notify.windows.com'
];

function knownPushService(endpoint) {
	const m = /^https:\/\/([^/?#]+)/.exec(endpoint);
	if (!m) return false;
	const authority = m[1].toLowerCase();
	const extra = String($os.getenv('PUSH_ALLOWED_ORIGINS') || '')
		.split(',')
		.map((o) => o.trim().toLowerCase().replace(/\/+$/, ''))
		.filter((o) => o);
	if (extra.indexOf('https://' + authority) >= 0) return true;
	if (authority.indexOf('@') >= 0 || /:\d+$/.test(authority)) return false;
	for (let i = 0; i < PUSH_HOST_SUFFIXES.length; i++) {
		const suffix = PUSH_HOST_SUFFIXES[i];
		if (authority === suffix || authority.endsWith('.' + suffix)) return true;
	}
	return false;
}

/** Bytes of a base64url string, or -1 when it is not base64url. */
function b64urlBytes(value) {
	if (typeof value !== 'string' || !/^[A-Za-z0-9_-]*={0,2}$/.test(value)) return -1;
	const s = value.replace(/=+$/, '');
	if (s.length % 4 === 1) return -1;
	return Math.floor((s.length * 3) / 4);
}

/** A Danish name for the device a user agent string describes ("Chrome på Android"). */
function deviceName(ua) {
	const s = String(ua || '');
	let os = '';
	if (/iPhone/.test(s)) os = 'iPhone';
	else if (/iPad/.test(s)) os = 'iPad';
	else if (/Android/.test(s)) os = 'Android';
	else if (/Windows/.test(s)) os = 'Windows';
	else if (/CrOS/.test(s)) os = 'Chromebook';
	else if (/Macintosh|Mac OS X/.test(s)) os = 'Mac';
	else if (/Linux/.test(s)) os = 'Linux';
	let browser = '';
	if (/EdgA?\/|Edg\//.test(s)) browser = 'Edge';
	else if (/SamsungBrowser\//.test(s)) browser = 'Samsung Internet';
	else if (/OPR\/|Opera/.test(s)) browser = 'Opera';
	else if (/Firefox\/|FxiOS\//.test(s)) browser = 'Firefox';
	else if (/CriOS\/|Chrome\/|Chromium\//.test(s)) browser = 'Chrome';
	else if (/Safari\//.test(s)) browser = 'Safari';
	if (browser && os) return browser + ' på ' + os;
	if (browser) return browser;
	if (os) return 'Browser på ' + os;
	return 'Ukendt enhed';
}

/** Field errors for a posted subscription (empty when valid). */
function validate(body) {
	const errors = {};
	const endpoint = body.endpoint;
	if (typeof endpoint !== 'string' || !/^https:\/\/[^\s/?#]+[^\s]*$/.test(endpoint)) {
		errors.endpoint = new ValidationError('endpoint_invalid', 'Adressen skal være en https-adresse.');
	} else if (endpoint.length > 1000) {
		errors.endpoint = new ValidationError('endpoint_too_long', 'Adressen må højst være 1.000 tegn.');
	} else if (!knownPushService(endpoint)) {
		errors.endpoint = new ValidationError('endpoint_unknown_service', 'Adressen er ikke en kendt push-tjeneste.');
	}
	const keys = body.keys && typeof body.keys === 'object' ? body.keys : {};
	if (b64urlBytes(keys.p256dh) !== 65) {
		errors['keys.p256dh'] = new ValidationError('p256dh_invalid', 'Nøglen skal være 65 byte i base64url.');
	}
	if (b64urlBytes(keys.auth) !== 16) {
		errors['keys.auth'] = new ValidationError('auth_invalid', 'Hemmeligheden skal være 16 byte i base64url.');
	}
	if (body.user_agent !== undefined && typeof body.user_agent !== 'string') {
		errors.user_agent = new ValidationError('user_agent_invalid', 'Browserens navn skal være tekst.');
	}
	return errors;
}

module.exports = {
	deviceName: deviceName,

	/** Stores (or moves to this user, or refreshes) a subscription; keeps the newest ten per user. */
	subscribe: (app, user, body) => {
		const errors = validate(body || {});
		if (Object.keys(errors).length) throw new BadRequestError('Enheden kunne ikke gemmes.', errors);
		const ua = String(body.user_agent || '').slice(0, 500);
		const now = pbDate(Date.now());
		let result = null;
		app.runInTransaction((tx) => {
			let record;
			try {
				record = tx.findFirstRecordByData('push_subscriptions', 'endpoint', body.endpoint);
			} catch (_) {
				record = new Record(tx.findCachedCollectionByNameOrId('push_subscriptions'));
				record.set('endpoint', body.endpoint);
			}
			// A shared phone: the endpoint follows whoever subscribed on it last.
			record.set('user', user.id);
			record.set('p256dh', body.keys.p256dh);
			record.set('auth', body.keys.auth);
			record.set('user_agent', ua);
			record.set('device', deviceName(ua));
			record.set('last_seen', now);
			record.set('failures', 0);
			tx.save(record);
			const own = tx.findRecordsByFilter('push_subscriptions', 'user = {:user}', '-last_seen,-created', 0, 0, {
				user: user.id
			});
			for (let i = MAX_PER_USER; i < own.length; i++) {
				if (own[i].id !== record.id) tx.delete(own[i]);
			}
			result = { id: record.id, device: record.get('device') };
		});
		return result;
	},

	/** Queues a test push to one of the user's own devices (a 404 for anyone else's). */
	queueTest: (app, user, id) => {
		const mail = require(`${__hooks}/lib/mail.js`);
		let sub;
		try {
			sub = app.findRecordById('push_subscriptions', id);
		} catch (_) {
			sub = null;
		}
		if (!sub || sub.get('user') !== user.id) throw new NotFoundError('Enheden findes ikke.');
		const now = Date.now();
		const recent = new DynamicModel({ n: 0 });
		app
			.db()
			.newQuery(
				"SELECT COUNT(*) AS n FROM notifications WHERE kind = 'test' AND subject = {:sub} AND created > {:since}"
			)
			.bind({ sub: sub.id, since: pbDate(now - TEST_GAP_MS) })
			.one(recent);
		if (recent.n > 0) {
			throw new ApiError(429, 'Du har lige sendt en test til denne enhed. Vent et halvt minut, og prøv igen.', {});
		}
		const row = new Record(app.findCachedCollectionByNameOrId('notifications'));
		row.set('user', user.id);
		row.set('kind', 'test');
		row.set('subject', sub.id);
		row.set('moment', 'test@' + new Date(now).toISOString());
		row.set('origin', 'member');
		row.set('due', pbDate(now));
		row.set('expires', pbDate(now + TEST_TTL_MS));
		row.set('status', 'pending');
		row.set('attempts', 0);
		row.set('payload', {
			web_push: 8030,
			notification: {
				title: 'Test fra Klyngeportal',
				body: 'Sådan ser en påmindelse ud på ' + (sub.get('device') || 'denne enhed') + '.',
				navigate: mail.appUrl(app, '/paamindelser'),
				lang: 'da',
				dir: 'ltr',
				tag: 'test-' + sub.id,
				timestamp: now
			}
		});
		app.save(row);
		return { queued: true, id: row.id };
	},

	/** Removes everything of a deleted user (no relation field cascades it). */
	forgetUser: (app, userId) => {
		app.db().newQuery('DELETE FROM push_subscriptions WHERE user = {:user}').bind({ user: userId }).execute();
		app.db().newQuery('DELETE FROM notifications WHERE user = {:user}').bind({ user: userId }).execute();
	}
};
