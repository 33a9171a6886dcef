/// <reference path="../pb_data/types.d.ts" />
// Answers sent from the phone's outbox may arrive twice (the first response lost on the way back).
// The phone makes an id for every answer it sends; the answer remembers the id of the post that last
// wrote it, so that a second post with the same id is recognised and changes nothing. A new answer
// also takes that id as its record id.

migrate(
	(app) => {
		const attendance = app.findCollectionByNameOrId('attendance');
		attendance.fields.add(new TextField({ name: 'client_id', max: 15, pattern: '^[a-z0-9]*$' }));
		app.save(attendance);
	},
	(app) => {
		const attendance = app.findCollectionByNameOrId('attendance');
		attendance.fields.removeByName('client_id');
		app.save(attendance);
	}
);
