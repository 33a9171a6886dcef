import { listMeetings } from '$lib/server/meetings';
import { loadOverview } from '$lib/server/overview';
import { deadlinesFor } from '$lib/server/todo';
import { deadlinePhrase } from '$lib/nominations';
import type { PageServerLoad } from './$types';

/** How many upcoming meetings a group's secretariat or chair sees the attendance of on home. */
const OVERVIEWS_ON_HOME = 3;

export const load: PageServerLoad = async ({ locals }) => {
	const userId = locals.user!.id;
	const now = new Date();
	const [{ upcoming }, deadlines] = await Promise.all([
		listMeetings(locals.pb, userId, { now }),
		deadlinesFor(locals.pb, locals.user!, now)
	]);
	const led = upcoming.filter((m) => m.leads).slice(0, OVERVIEWS_ON_HOME);
	const overviews = await Promise.all(
		led.map(async (m) => ({
			id: m.id,
			title: m.title,
			starts: m.starts,
			groupName: m.groupName,
			counts: (await loadOverview(locals.pb, m.id, userId)).counts
		}))
	);
	return {
		/** The first name for the greeting. */
		firstName: locals.user?.name.split(' ')[0] ?? '',
		/** What the member must do, soonest first ("Dine frister"). */
		deadlines: deadlines.map((d) => ({
			...d,
			deadlineText: d.deadline ? deadlinePhrase(d, now) : ''
		})),
		/** The member's next meeting, or null. */
		next: upcoming[0] ?? null,
		/** The meetings after it (at most three). */
		later: upcoming.slice(1, 4),
		/** For the secretariat and chairs: the attendance so far of the upcoming meetings they lead. */
		overviews
	};
};
