import { proposalsFromItem } from '$lib/server/call-source';
import { requireSecretariatOfMeeting } from '$lib/server/workspace';
import type { PageServerLoad } from './$types';

/** The saved draft and the nomination calls its items' texts propose, each a link to the call form. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const meeting = await requireSecretariatOfMeeting(locals.pb, locals.user!.id, params.id);
	const items = await locals.pb.collection('agenda_items').getFullList({
		filter: locals.pb.filter('meeting = {:id}', { id: meeting.id }),
		sort: 'position',
		fields: 'id,position,title'
	});
	const withCalls = await Promise.all(
		items.map(async (item) => ({
			item,
			proposals: (await proposalsFromItem(locals.pb, item.id)).proposals.map((p) => p.proposal.title)
		}))
	);
	return {
		meeting: { id: meeting.id, title: meeting.title, starts: meeting.starts },
		calls: withCalls.filter((c) => c.proposals.length > 0)
	};
};
