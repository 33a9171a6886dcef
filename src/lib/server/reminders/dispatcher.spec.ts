// The dispatcher's pure parts: the push topic, Retry-After and the payload kept under 2 KB.
import { describe, expect, it } from 'vitest';
import { payloadText, retryAfterMs, topicFor } from './dispatcher';
import type { ReminderPayload } from '../../reminders/payload';

const payload = (body: string, actions = true): ReminderPayload => ({
	web_push: 8030,
	notification: {
		title: 'Frist i morgen: nominering',
		body,
		navigate: 'https://klyngeportal.test/indkaldelser/abc',
		lang: 'da',
		dir: 'ltr',
		tag: 'nomination-abc',
		...(actions ? { actions: [{ action: 'open', title: 'Åbn', navigate: 'https://klyngeportal.test/x' }] } : {})
	}
});

describe('topicFor', () => {
	it('uses a URL-safe tag of up to 32 characters as it is, and a 32-character digest otherwise', () => {
		expect(topicFor('attendance-k3j4h5g6f7d8s9a')).toBe('attendance-k3j4h5g6f7d8s9a');
		const long = topicFor('meeting_tomorrow-abcdefghijklmnopqrstuvwxyz');
		expect(long).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(topicFor('meeting_tomorrow-abcdefghijklmnopqrstuvwxyz')).toBe(long);
		expect(topicFor('møde:1')).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(topicFor('møde:1')).not.toBe(topicFor('møde:2'));
	});
});

describe('retryAfterMs', () => {
	const now = Date.parse('2027-01-07T08:00:00Z');
	it('reads seconds and HTTP dates, and nothing else', () => {
		expect(retryAfterMs('120', now)).toBe(120_000);
		expect(retryAfterMs(['30'], now)).toBe(30_000);
		expect(retryAfterMs('Thu, 07 Jan 2027 08:05:00 GMT', now)).toBe(300_000);
		expect(retryAfterMs('Thu, 07 Jan 2027 07:00:00 GMT', now)).toBe(0);
		expect(retryAfterMs('soon', now)).toBeNull();
		expect(retryAfterMs(undefined, now)).toBeNull();
	});
});

describe('payloadText', () => {
	const row = { id: 'row1', kind: 'nomination', subject: 'call1', due: '2027-01-07 08:00:00.000Z' };
	it("adds the row's id, kind and subject and the due time, keeping what the planner wrote", () => {
		const sent = JSON.parse(payloadText({ ...row, payload: payload('Tre dage tilbage.') })!) as ReminderPayload;
		expect(sent.notification).toMatchObject({
			title: 'Frist i morgen: nominering',
			body: 'Tre dage tilbage.',
			timestamp: Date.parse('2027-01-07T08:00:00Z'),
			data: { id: 'row1', kind: 'nomination', subject: 'call1' }
		});
		expect(sent.notification.actions).toHaveLength(1);
	});

	it('shortens a long Danish body to fit 2 KB, then drops the actions; null without a payload', () => {
		const long = payloadText({ ...row, payload: payload('Rødgrød med fløde på. '.repeat(150)) })!;
		expect(Buffer.byteLength(long)).toBeLessThanOrEqual(2048);
		expect(Buffer.byteLength(long)).toBeGreaterThan(1900);
		expect((JSON.parse(long) as ReminderPayload).notification.body.endsWith('…')).toBe(true);
		const manyActions = payload('Kort tekst.');
		manyActions.notification.actions = Array.from({ length: 12 }, (_, i) => ({
			action: `a${i}`,
			title: 'Åbn',
			navigate: `https://klyngeportal.test/${'x'.repeat(150)}/${i}`
		}));
		const trimmed = JSON.parse(payloadText({ ...row, payload: manyActions })!) as ReminderPayload;
		expect(trimmed.notification.body).toBe('Kort tekst.');
		expect(trimmed.notification.actions).toBeUndefined();
		const hugeTitle = payload('x');
		hugeTitle.notification.title = 'Æ'.repeat(1000);
		expect(payloadText({ ...row, payload: hugeTitle })).toBeNull();
		expect(payloadText({ ...row, payload: null })).toBeNull();
	});
});
