/// <reference path="../pb_data/types.d.ts" />
// The order in which a group lists its members (participant lists, the minutes' participant block).

migrate(
	(app) => {
		const memberships = app.findCollectionByNameOrId('memberships');
		memberships.fields.add(new NumberField({ name: 'position', onlyInt: true, min: 0, max: 100000 }));
		app.save(memberships);
	},
	(app) => {
		const memberships = app.findCollectionByNameOrId('memberships');
		memberships.fields.removeByName('position');
		app.save(memberships);
	}
);
