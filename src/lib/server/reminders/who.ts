// "Who was reminded": for a deadline's secretariat, per member what went out, how and when, and
// the next planned reminder. PocketBase's route checks the secretariat role (everyone else gets a
// 404); this reads with the signed-in user's own client, never the engine's superuser.
import type PocketBase from 'pocketbase';
import type { RemindedMember } from '$lib/reminders/reminded';

export type { RemindedMember };

const read = async (pb: PocketBase, path: string) =>
	(await pb.send<{ members: RemindedMember[] }>(path, { method: 'GET' })).members;

/** Who was reminded to answer a meeting's attendance (the meeting's secretariat only). */
export const remindedForMeeting = (pb: PocketBase, meetingId: string) =>
	read(pb, `/api/klynge/reminders/meetings/${encodeURIComponent(meetingId)}`);

/** Who was reminded to nominate in a call (the call's secretariat only). */
export const remindedForCall = (pb: PocketBase, callId: string) =>
	read(pb, `/api/klynge/reminders/calls/${encodeURIComponent(callId)}`);
