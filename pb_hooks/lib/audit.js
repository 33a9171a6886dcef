// The audit log (issue 10): who changed what in a meeting, its agenda, its minutes or a group's
// memberships, and when. Every hook of the secretariat's workspace writes its entries through
// `write`, so the history view reads one shape. Required inside handlers (the JSVM gives handlers
// no outer scope).
//
// An entry is written after the change succeeded: a request hook calls `e.next()` first and then
// `write`, so a refused change leaves no entry. Hook routes that change several records (an import,
// a publish) write their entries inside their own transaction.

/** Text values longer than this are cut in snapshots (the before/after JSON holds ≤ 20 kB). */
const MAX_TEXT = 1500;

/** The id of the user behind an auth record, or "" for superusers and visitors. */
function userId(auth) {
	return auth && auth.collection().name === 'users' ? auth.id : '';
}

/** The named fields of a record as plain values, long texts cut; null for no record. */
function snapshot(record, fields) {
	if (!record) return null;
	const out = {};
	for (let i = 0; i < fields.length; i++) {
		let value = record.get(fields[i]);
		if (value !== null && value !== undefined && typeof value === 'object') {
			value = JSON.parse(JSON.stringify(value));
		}
		if (typeof value === 'string' && value.length > MAX_TEXT) value = value.slice(0, MAX_TEXT) + '…';
		out[fields[i]] = value;
	}
	return out;
}

/** The names of the fields whose values differ between two snapshots. */
function changedFields(before, after) {
	const names = {};
	const out = [];
	for (const k in before || {}) names[k] = true;
	for (const k in after || {}) names[k] = true;
	for (const k in names) {
		if (JSON.stringify((before || {})[k]) !== JSON.stringify((after || {})[k])) out.push(k);
	}
	return out;
}

/**
 * Writes one entry. `entry`: { collection, record (id), meeting (id or ''), group (id or ''),
 * action ('create' | 'update' | 'delete'), actor (user id or ''), onBehalfOf, before, after (plain
 * objects or null), summary (a Danish line for the history view, ≤ 500 characters) }.
 */
function write(app, entry) {
	const audit = new Record(app.findCachedCollectionByNameOrId('audit_log'));
	audit.set('collection', entry.collection);
	audit.set('record', entry.record);
	audit.set('meeting', entry.meeting || '');
	audit.set('group', entry.group || '');
	audit.set('action', entry.action);
	audit.set('actor', entry.actor || '');
	audit.set('on_behalf_of', entry.onBehalfOf || '');
	audit.set('before', entry.before === undefined ? null : entry.before);
	audit.set('after', entry.after === undefined ? null : entry.after);
	audit.set('summary', String(entry.summary || '').slice(0, 500));
	app.save(audit);
	return audit;
}

module.exports = { userId: userId, snapshot: snapshot, changedFields: changedFields, write: write };
