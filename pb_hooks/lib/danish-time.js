// Danish dates in Europe/Copenhagen for mails written by hooks (the JSVM has no time zone data).
// EU summer time: from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.

const DAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];
const MONTHS = [
	'januar',
	'februar',
	'marts',
	'april',
	'maj',
	'juni',
	'juli',
	'august',
	'september',
	'oktober',
	'november',
	'december'
];

function lastSundayUtc(year, month) {
	const d = new Date(Date.UTC(year, month + 1, 0, 1, 0, 0));
	d.setUTCDate(d.getUTCDate() - d.getUTCDay());
	return d.getTime();
}

/** Copenhagen's offset from UTC at an instant (ms since the epoch), in ms. */
function offsetAt(ms) {
	const year = new Date(ms).getUTCFullYear();
	return ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9) ? 2 * 3600000 : 3600000;
}

/** The Copenhagen wall clock for an instant, as a Date whose UTC fields hold the local time. */
function local(value) {
	const t = typeof value === 'number' ? value : new Date(String(value).replace(' ', 'T')).getTime();
	return new Date(t + offsetAt(t));
}

const pad = (n) => (n < 10 ? '0' + n : '' + n);

module.exports = {
	offsetAt: offsetAt,
	/** The wall clock of an instant (a PocketBase date or ms): its UTC fields hold Copenhagen time. */
	local: local,
	/** "8. januar 2027" */
	formatDate: (value) => {
		const d = local(value);
		return d.getUTCDate() + '. ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
	},
	/** "fredag den 8. januar" */
	formatDayAndMonth: (value) => {
		const d = local(value);
		return DAYS[d.getUTCDay()] + ' den ' + d.getUTCDate() + '. ' + MONTHS[d.getUTCMonth()];
	},
	/** "fredag den 11. december 2026 kl. 8.00" */
	formatDateTime: (value) => {
		const d = local(value);
		return (
			DAYS[d.getUTCDay()] +
			' den ' +
			d.getUTCDate() +
			'. ' +
			MONTHS[d.getUTCMonth()] +
			' ' +
			d.getUTCFullYear() +
			' kl. ' +
			d.getUTCHours() +
			'.' +
			pad(d.getUTCMinutes())
		);
	},
	/** "8.00", as the seed minutes write it */
	formatTime: (value) => {
		const d = local(value);
		return d.getUTCHours() + '.' + pad(d.getUTCMinutes());
	}
};
