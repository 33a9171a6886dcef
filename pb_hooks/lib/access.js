// Access questions the API rules cannot answer on their own (field-level visibility).
module.exports = {
	/** The group's secretariat (an active, not meeting-scoped membership). */
	isSecretariat: (app, userId, groupId) => {
		if (!userId || !groupId) return false;
		try {
			app.findFirstRecordByFilter(
				'memberships',
				'user = {:user} && group = {:group} && role = "secretariat" && meeting = "" && (ends = "" || ends > @now)',
				{ user: userId, group: groupId }
			);
			return true;
		} catch (_) {
			return false;
		}
	},

	/** Whether the requester may read the minutes of a meeting. */
	mayReadMinutes: (app, requestInfo, meetingId) => {
		if (requestInfo && requestInfo.hasSuperuserAuth()) return true;
		let meeting;
		try {
			meeting = app.findRecordById('meetings', meetingId);
		} catch (_) {
			return false;
		}
		if (meeting.get('status') === 'minutes_published') return true;
		const auth = requestInfo && requestInfo.auth;
		return !!auth && module.exports.isSecretariat(app, auth.id, meeting.get('group'));
	}
};
