// What the secretariat's "who was reminded" shows per member (read by src/lib/server/reminders/who.ts).

export interface RemindedMember {
	user: string;
	name: string;
	/** Reminders sent, oldest first: when, how (push, email, both, none) and who queued it. */
	sent: { at: string; channel: string; origin: string }[];
	failed: { at: string }[];
	/** The next pending reminder, or null. */
	next: { due: string; origin: string } | null;
}
