/// <reference path="../pb_data/types.d.ts" />
// Refuses, for everyone but superusers, client filters and sorts that leave the listed collection, on
// record lists and on realtime subscriptions alike (see pb_hooks/lib/filter-guard.js). The list is
// checked before it runs, so not even its timing depends on a hidden value.

routerUse((e) => {
	if (e.request.method === 'GET' && !e.hasSuperuserAuth()) {
		const match = /^\/api\/collections\/([^/]+)\/records\/?$/.exec(e.request.url.path);
		if (match) {
			const query = e.request.url.query();
			require(`${__hooks}/lib/filter-guard.js`).check(e.app, match[1], query.get('filter'), query.get('sort'));
		}
	}
	return e.next();
});

onRealtimeSubscribeRequest((e) => {
	if (!e.hasSuperuserAuth()) {
		const guard = require(`${__hooks}/lib/filter-guard.js`);
		for (let i = 0; i < e.subscriptions.length; i++) {
			const topic = String(e.subscriptions[i]);
			const at = topic.indexOf('?');
			if (at < 0) continue;
			let options = {};
			const params = topic.slice(at + 1).split('&');
			for (let j = 0; j < params.length; j++) {
				const pair = params[j].split('=');
				if (pair[0] !== 'options') continue;
				try {
					options = JSON.parse(decodeURIComponent(pair.slice(1).join('=')));
				} catch (_) {
					throw new BadRequestError('Ugyldigt abonnement.');
				}
			}
			const query = (options && options.query) || {};
			guard.check(e.app, topic.slice(0, at).split('/')[0], query.filter, query.sort);
		}
	}
	e.next();
});
