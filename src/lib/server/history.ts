// A meeting's history for its secretariat: the audit log entries of the meeting, its agenda, its
// minutes and its attendance, newest first, with who made each change. The audit log is closed for
// listing (no filter reaches it); it is read as the meeting's back-relation expand, which its view
// rule (the group's secretariat) governs entry by entry.
import { fieldChanges, headline, type AuditEntry, type FieldChange } from '$lib/history';
import { history } from '$lib/messages/da-workspace';
import type { TypedPocketBase } from '$lib/pocketbase-types';
import { many } from './expand';

type Entry = AuditEntry & {
	actor: string;
	on_behalf_of: string;
	expand?: { actor?: { name: string }; on_behalf_of?: { name: string } };
};

/** One line of the history view. */
export interface HistoryLine {
	id: string;
	created: string;
	headline: string;
	actor: string;
	onBehalfOf: string;
	changes: FieldChange[];
}

/** The meeting's audit entries, newest first (the meeting is already known to be the user's to run). */
export async function meetingHistory(pb: TypedPocketBase, meetingId: string): Promise<HistoryLine[]> {
	const meeting = await pb
		.collection('meetings')
		.getOne<{ expand?: { audit_log_via_meeting?: Entry[] | Entry } }>(meetingId, {
			expand: 'audit_log_via_meeting.actor,audit_log_via_meeting.on_behalf_of',
			fields:
				'expand.audit_log_via_meeting.id,expand.audit_log_via_meeting.collection,expand.audit_log_via_meeting.record,' +
				'expand.audit_log_via_meeting.action,expand.audit_log_via_meeting.summary,expand.audit_log_via_meeting.before,' +
				'expand.audit_log_via_meeting.after,expand.audit_log_via_meeting.created,expand.audit_log_via_meeting.actor,' +
				'expand.audit_log_via_meeting.on_behalf_of,expand.audit_log_via_meeting.expand.actor.name,' +
				'expand.audit_log_via_meeting.expand.on_behalf_of.name'
		});
	const name = (id: string, expanded: { name: string } | undefined) =>
		expanded?.name ?? (id ? history.formerUser : history.unknownActor);
	return many(meeting.expand?.audit_log_via_meeting)
		.sort((a, b) => b.created.localeCompare(a.created) || b.id.localeCompare(a.id))
		.map((e) => ({
			id: e.id,
			created: e.created,
			headline: headline(e),
			actor: name(e.actor, e.expand?.actor),
			onBehalfOf: e.on_behalf_of ? name(e.on_behalf_of, e.expand?.on_behalf_of) : '',
			changes: fieldChanges(e)
		}));
}
