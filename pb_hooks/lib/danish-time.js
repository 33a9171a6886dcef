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

/** The Copenhagen wall clock for an instant, as a Date whose UTC fields hold the local time. */
function local(value) {
	const t = new Date(String(value).replace(' ', 'T')).getTime();
	const year = new Date(t).getUTCFullYear();
	const summer = t >= lastSundayUtc(year, 2) && t < lastSundayUtc(year, 9);
	return new Date(t + (summer ? 2 : 1) * 3600 * 1000);
}

const pad = (n) => (n < 10 ? '0' + n : '' + n);

module.exports = {
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
