/* global DynamicModel, arrayOf */
// The outbox's side of the dispatcher (src/lib/server/reminders/dispatcher.ts). Each step that two
// dispatchers could race on is one transaction here, on PocketBase's single writer:
// - claim: due pending rows get a lease (owner + until); a row whose lease has run out (a killed
//   dispatcher) can be claimed again, a leased one cannot;
// - complete: a row's outcome is written only while the caller still holds its lease, so a
//   dispatcher that lost it (and whose row another has claimed) cannot overwrite the other's result;
// - mail: the fallback e-mail of a leased row, through PocketBase's mailer.

const DAY_MS = 24 * 3600 * 1000;
const UNSEEN_DAYS = 60;
/** A planned reminder this soon after another of the same deadline is not sent. */
const RECENT_MS = 6 * 3600 * 1000;
const STATUSES = { pending: true, sent: true, failed: true, cancelled: true };
/** Kinds that tell news rather than remind of a deadline. */
const NEWS_KINDS = { agenda_published: true, agenda_changed: true, minutes_published: true, test: true };
const CHANNELS = { push: true, email: true, both: true, none: true, '': true };

const pbDate = (ms) => new Date(ms).toISOString().replace('T', ' ');

/** `{:p0}, {:p1}, …` for an IN list, with the bound values added to `params`. */
function inList(values, params, prefix) {
	const names = [];
	for (let i = 0; i < values.length; i++) {
		params[prefix + i] = values[i];
		names.push('{:' + prefix + i + '}');
	}
	return names.join(', ');
}

function rowsOf(app, sql, params, shape) {
	const rows = arrayOf(new DynamicModel(shape));
	app.db().newQuery(sql).bind(params).all(rows);
	return rows;
}

function parseJson(text, fallback) {
	try {
		return text ? JSON.parse(text) : fallback;
	} catch (_) {
		return fallback;
	}
}

function requireString(value, name, max) {
	if (typeof value !== 'string' || !value || value.length > max) throw new BadRequestError('Ugyldigt felt: ' + name);
	return value;
}

module.exports = {
	/**
	 * Leases up to `limit` due rows to `owner` for `leaseMs`, as of `now` (the dispatcher's clock),
	 * after cancelling pending rows whose `expires` has passed; with `prune`, drops subscriptions
	 * unseen for 60 days. Returns the rows with what sending needs: their users and subscriptions.
	 */
	claim: (app, body) => {
		const owner = requireString(body.owner, 'owner', 60);
		const limit = Math.max(1, Math.min(500, Number(body.limit) || 50));
		const leaseMs = Math.max(1000, Math.min(3600 * 1000, Number(body.leaseMs) || 60000));
		const nowMs = body.now ? new Date(body.now).getTime() : Date.now();
		if (!isFinite(nowMs)) throw new BadRequestError('Ugyldigt felt: now');
		const now = pbDate(nowMs);
		const out = { rows: [], users: {}, subscriptions: {}, expired: 0, recent: 0, pruned: 0 };
		app.runInTransaction((tx) => {
			out.expired = tx
				.db()
				.newQuery(
					"UPDATE notifications SET status = 'cancelled', lease_owner = '', lease_until = '', updated = {:now}, " +
						"error = 'Udløbet før afsendelse' WHERE status = 'pending' AND expires != '' AND expires <= {:now}"
				)
				.bind({ now: now })
				.execute()
				.rowsAffected();
			// A planned reminder for something the member was reminded of within the last 6 hours (a
			// secretariat's round, or another planned one) is not sent: two reminders of one deadline
			// in a morning are one too many.
			out.recent = tx
				.db()
				.newQuery(
					"UPDATE notifications SET status = 'cancelled', lease_owner = '', lease_until = '', updated = {:now}, " +
						"error = 'Mindet for nylig' WHERE status = 'pending' AND origin = 'planner' AND due <= {:now} " +
						"AND (lease_until = '' OR lease_until < {:now}) AND EXISTS (SELECT 1 FROM notifications s " +
						'WHERE s.user = notifications.user AND s.kind = notifications.kind AND s.subject = notifications.subject ' +
						"AND s.status = 'sent' AND s.sent_at > {:recent})"
				)
				.bind({ now: now, recent: pbDate(nowMs - RECENT_MS) })
				.execute()
				.rowsAffected();
			if (body.prune) {
				out.pruned = tx
					.db()
					.newQuery(
						"DELETE FROM push_subscriptions WHERE (CASE WHEN last_seen != '' THEN last_seen ELSE created END) < {:before}"
					)
					.bind({ before: pbDate(nowMs - UNSEEN_DAYS * DAY_MS) })
					.execute()
					.rowsAffected();
			}
			const ids = rowsOf(
				tx,
				"SELECT id FROM notifications WHERE status = 'pending' AND due <= {:now} " +
					"AND (lease_until = '' OR lease_until < {:now}) AND (retry_at = '' OR retry_at <= {:now}) " +
					'ORDER BY due, id LIMIT {:limit}',
				{ now: now, limit: limit },
				{ id: '' }
			).map((r) => r.id);
			if (!ids.length) return;
			const params = { owner: owner, until: pbDate(nowMs + leaseMs), now: now };
			const list = inList(ids, params, 'n');
			tx.db()
				.newQuery(
					'UPDATE notifications SET lease_owner = {:owner}, lease_until = {:until}, updated = {:now} WHERE id IN (' +
						list +
						')'
				)
				.bind(params)
				.execute();
			const rows = rowsOf(
				tx,
				"SELECT id, user, kind, subject, due, expires, COALESCE(payload, '') AS payload, attempts, channel, origin FROM notifications " +
					'WHERE id IN (' +
					list +
					') ORDER BY due, id',
				params,
				{
					id: '',
					user: '',
					kind: '',
					subject: '',
					due: '',
					expires: '',
					payload: '',
					attempts: 0,
					channel: '',
					origin: ''
				}
			);
			const userIds = {};
			for (let i = 0; i < rows.length; i++) {
				const r = rows[i];
				userIds[r.user] = true;
				out.rows.push({
					id: r.id,
					user: r.user,
					kind: r.kind,
					subject: r.subject,
					due: r.due,
					expires: r.expires,
					payload: parseJson(r.payload, null),
					attempts: r.attempts,
					channel: r.channel,
					origin: r.origin
				});
			}
			const uparams = {};
			const ulist = inList(Object.keys(userIds), uparams, 'u');
			const users = rowsOf(
				tx,
				"SELECT id, email, name, COALESCE(notification_prefs, '') AS prefs FROM users WHERE id IN (" + ulist + ')',
				uparams,
				{
					id: '',
					email: '',
					name: '',
					prefs: ''
				}
			);
			for (let i = 0; i < users.length; i++) {
				const u = users[i];
				out.users[u.id] = { email: u.email, name: u.name, prefs: parseJson(u.prefs, null) };
			}
			const subs = rowsOf(
				tx,
				'SELECT id, user, endpoint, p256dh, auth, failures FROM push_subscriptions WHERE user IN (' +
					ulist +
					') ORDER BY last_seen DESC',
				uparams,
				{ id: '', user: '', endpoint: '', p256dh: '', auth: '', failures: 0 }
			);
			for (let i = 0; i < subs.length; i++) {
				const s = subs[i];
				(out.subscriptions[s.user] = out.subscriptions[s.user] || []).push({
					id: s.id,
					endpoint: s.endpoint,
					p256dh: s.p256dh,
					auth: s.auth,
					failures: s.failures
				});
			}
		});
		return out;
	},

	/**
	 * Writes outcomes of rows `owner` holds; rows it no longer holds are listed in `lost` and left
	 * alone. Subscriptions: `gone` are deleted (404/410), `ok` get failures 0, `failing` one more.
	 */
	complete: (app, body) => {
		const owner = requireString(body.owner, 'owner', 60);
		const results = Array.isArray(body.results) ? body.results : [];
		const now = pbDate(Date.now());
		const out = { completed: 0, lost: [] };
		app.runInTransaction((tx) => {
			for (let i = 0; i < results.length; i++) {
				const r = results[i] || {};
				const status = String(r.status || '');
				if (!STATUSES[status]) throw new BadRequestError('Ugyldig status: ' + status);
				const channel = String(r.channel || '');
				if (!CHANNELS[channel]) throw new BadRequestError('Ugyldig kanal: ' + channel);
				const changed = tx
					.db()
					.newQuery(
						'UPDATE notifications SET status = {:status}, channel = {:channel}, attempts = {:attempts}, ' +
							"error = {:error}, retry_at = {:retry}, sent_at = {:sent}, lease_owner = '', lease_until = '', " +
							'updated = {:now} WHERE id = {:id} AND lease_owner = {:owner}'
					)
					.bind({
						id: String(r.id || ''),
						owner: owner,
						status: status,
						channel: channel,
						attempts: Math.max(0, Math.floor(Number(r.attempts) || 0)),
						error: String(r.error || '').slice(0, 1000),
						retry: r.retryAt ? pbDate(new Date(r.retryAt).getTime()) : '',
						sent: r.sentAt ? pbDate(new Date(r.sentAt).getTime()) : '',
						now: now
					})
					.execute()
					.rowsAffected();
				if (changed) out.completed++;
				else out.lost.push(String(r.id || ''));
			}
			const gone = Array.isArray(body.gone) ? body.gone.map(String) : [];
			if (gone.length) {
				const p = {};
				tx.db()
					.newQuery('DELETE FROM push_subscriptions WHERE id IN (' + inList(gone, p, 'g') + ')')
					.bind(p)
					.execute();
			}
			const ok = Array.isArray(body.ok) ? body.ok.map(String) : [];
			if (ok.length) {
				const p = {};
				tx.db()
					.newQuery(
						'UPDATE push_subscriptions SET failures = 0 WHERE failures != 0 AND id IN (' + inList(ok, p, 'k') + ')'
					)
					.bind(p)
					.execute();
			}
			const failing = Array.isArray(body.failing) ? body.failing.map(String) : [];
			if (failing.length) {
				const p = {};
				tx.db()
					.newQuery(
						'UPDATE push_subscriptions SET failures = failures + 1 WHERE id IN (' + inList(failing, p, 'f') + ')'
					)
					.bind(p)
					.execute();
			}
		});
		return out;
	},

	/** Mails a leased row's reminder to its member, made from the push payload. */
	mail: (app, body) => {
		const mail = require(`${__hooks}/lib/mail.js`);
		const owner = requireString(body.owner, 'owner', 60);
		const id = requireString(body.id, 'id', 30);
		let row;
		try {
			row = app.findRecordById('notifications', id);
		} catch (_) {
			throw new NotFoundError('Påmindelsen findes ikke.');
		}
		if (row.get('lease_owner') !== owner) throw new ApiError(409, 'Påmindelsen er ikke længere din at sende.', {});
		let user;
		try {
			user = app.findRecordById('users', row.get('user'));
		} catch (_) {
			throw new NotFoundError('Modtageren findes ikke.');
		}
		if (!user.email()) throw new BadRequestError('Modtageren har ingen e-mailadresse.');
		const payload = parseJson(row.getString('payload'), {}) || {};
		const n = payload.notification || {};
		// News (an agenda or minutes sent out, a test) is no reminder: its subject is its title alone.
		const news = NEWS_KINDS[row.getString('kind')] === true;
		const title = String(n.title || (news ? 'Besked fra Klyngeportal' : 'Påmindelse fra Klyngeportal'));
		const paragraphs = ['Kære ' + (user.get('name') || user.email()) + ',', title + (n.body ? '\n' + n.body : '')];
		paragraphs.push(
			'Du får ' +
				(news ? 'denne besked' : 'denne påmindelse') +
				' pr. e-mail, fordi du har valgt det, eller fordi ingen af dine enheder kunne ' +
				'modtage den som besked. Du kan ændre dine påmindelser under Påmindelser: ' +
				mail.appUrl(app, '/paamindelser')
		);
		const link = typeof n.navigate === 'string' && /^https?:\/\//.test(n.navigate) ? n.navigate : mail.appUrl(app, '/');
		mail.send(app, { email: user.email(), name: user.get('name') }, news ? title : 'Påmindelse: ' + title, paragraphs, {
			url: link,
			label: 'Åbn i Klyngeportal'
		});
		return { sent: true };
	}
};
