// How a form post reached the server: directly, or replayed from the phone's outbox. A post made
// with JavaScript carries the phone's id for it (`client_id`), so that a second post with the same id
// (the first response lost on the way back) is recognised and stores nothing twice; a replay from the
// outbox also says when the member answered (`queued_at`) and whose answer it is (`outbox_user`).
// Without JavaScript none of the three is sent, and the form works as it always did.
import { parseInstant } from '$lib/dates';
import { t } from '$lib/messages';
import { isRecordId } from './errors';

export interface Delivery {
	/** The phone's id for this post (a PocketBase record id), or null. */
	clientId: string | null;
	/** When the member answered, for an answer that waited in the outbox; null for a direct post. */
	queuedAt: Date | null;
	/** The user who queued the answer on the phone, or null for a direct post. */
	outboxUser: string | null;
}

/** Reads the delivery fields of a form; malformed values count as absent. */
export function readDelivery(form: FormData): Delivery {
	const clientId = String(form.get('client_id') ?? '');
	const queuedAt = String(form.get('queued_at') ?? '');
	return {
		clientId: isRecordId(clientId) ? clientId : null,
		queuedAt: /^\d{4}-\d\d-\d\dT/.test(queuedAt) ? parseInstant(queuedAt) : null,
		outboxUser: String(form.get('outbox_user') ?? '') || null
	};
}

/**
 * An answer queued by one user and replayed in another user's session (two people sharing a phone)
 * is refused: it would otherwise be stored as the second user's answer.
 */
export function wrongUser(delivery: Delivery, userId: string): string | null {
	return delivery.outboxUser && delivery.outboxUser !== userId ? t.outbox.otherUser : null;
}
