/// <reference path="../pb_data/types.d.ts" />
// An agenda item's Referat is part of the minutes: members read it only once the meeting's minutes
// are published. API rules act on whole records, so the field is hidden here, for every read path
// (list, view, expand, realtime).

onRecordEnrich((e) => {
	const access = require(`${__hooks}/lib/access.js`);
	if (!access.mayReadMinutes(e.app, e.requestInfo, e.record.get('meeting'))) {
		e.record.hide('minutes');
	}
	e.next();
}, 'agenda_items');
