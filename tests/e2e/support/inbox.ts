// Reads login codes from the mail catcher's JSON API (scripts/lib/mail-catcher.mjs).
import { expect } from '@playwright/test';

export interface CaughtMail {
	id: number;
	to: string[];
	subject: string;
	text: string;
}

const CODE_SUBJECT = 'Din kode til Klyngeportal';

export class Inbox {
	constructor(private readonly inboxUrl: string) {}

	async messagesTo(email: string): Promise<CaughtMail[]> {
		return this.fetchMessages(`?to=${encodeURIComponent(email)}`);
	}

	/** Every mail caught so far, to whomever it went. */
	async allMessages(): Promise<CaughtMail[]> {
		return this.fetchMessages('');
	}

	private async fetchMessages(query: string): Promise<CaughtMail[]> {
		const res = await fetch(`${this.inboxUrl}/messages${query}`);
		if (!res.ok) throw new Error(`mail catcher answered ${res.status}`);
		return (await res.json()) as CaughtMail[];
	}

	/** The id of the newest mail to an address (0 when none), to tell a new mail from older ones. */
	async lastIdFor(email: string): Promise<number> {
		return Math.max(0, ...(await this.messagesTo(email)).map((m) => m.id));
	}

	/** Polls until a code mail newer than `afterId` reaches the address and returns its 6-digit code. */
	async waitForCode(email: string, afterId: number): Promise<string> {
		let code = '';
		await expect
			.poll(
				async () => {
					const mail = (await this.messagesTo(email)).find((m) => m.id > afterId && m.subject === CODE_SUBJECT);
					code = /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1] ?? '';
					return code;
				},
				{ message: `a "${CODE_SUBJECT}" mail with a 6-digit code to ${email}`, timeout: 15_000 }
			)
			.toMatch(/^\d{6}$/);
		return code;
	}

	/** Polls until a mail newer than `afterId` whose subject matches reaches the address, and returns it. */
	async waitForMail(email: string, subject: RegExp, afterId = 0): Promise<CaughtMail> {
		let found: CaughtMail | undefined;
		await expect
			.poll(
				async () => {
					found = (await this.messagesTo(email)).find((m) => m.id > afterId && subject.test(m.subject));
					return found?.subject ?? '';
				},
				{ message: `a mail with the subject ${subject} to ${email}`, timeout: 15_000 }
			)
			.toMatch(subject);
		return found!;
	}
}
