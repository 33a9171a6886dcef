// Who belongs to a group right now, for every hook and route: the one place on this side that says
// what an active, ordinary membership is (not ended, started, and not one meeting's guest access).

const ACTIVE = '(starts = "" || starts <= @now) && (ends = "" || ends > @now)';

module.exports = {
	ACTIVE: ACTIVE,

	/** The user's ordinary membership role in a group right now, or "" for none. */
	roleIn: (app, userId, groupId) => {
		if (!userId) return '';
		const found = app.findRecordsByFilter(
			'memberships',
			'user = {:user} && group = {:group} && meeting = "" && ' + ACTIVE,
			'',
			1,
			0,
			{ user: userId, group: groupId }
		);
		return found.length ? found[0].get('role') : '';
	},

	/** The active ordinary memberships of a group (members, chairs, observers, the secretariat). */
	members: (app, groupId) =>
		app.findRecordsByFilter(
			'memberships',
			'group = {:group} && meeting = "" && role != "guest" && ' + ACTIVE,
			'',
			0,
			0,
			{
				group: groupId
			}
		)
};
