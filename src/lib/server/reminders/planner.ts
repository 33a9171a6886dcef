// The reminder planner (issue 9, being built): derives the outbox rows from the deadlines.
import type PocketBase from 'pocketbase';

export interface PlanResult {
	/** Rows newly planned. */
	planned: number;
	/** Pending rows cancelled (answered, moved deadline, closed call). */
	cancelled: number;
}

/** Plans and cancels outbox rows for everyone, as of `now`, with the engine's superuser client. */
export async function planReminders(pb: PocketBase, now: Date): Promise<PlanResult> {
	void pb;
	void now;
	return { planned: 0, cancelled: 0 };
}
