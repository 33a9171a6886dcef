import { describe, expect, it } from 'vitest';
import { PAYLOAD_LIMIT } from './payload';
import { attendancePayload, meetingTomorrowPayload, newRowId, nominationPayload, followUpPayload } from './texts';

const APP = 'https://klyngeportal.test';
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('reminder texts', () => {
	it('attendance: the deadline, the meeting day and the actions Deltager and Afbud', () => {
		const payload = attendancePayload(
			{ id: 'abcdefghijklmno', at: new Date('2027-01-06T11:00:00Z'), badge: 3 },
			{ id: 'meeting12345678', title: 'Klyngestyregruppemøde', starts: new Date('2027-01-08T08:00:00Z') },
			new Date('2027-01-07T11:00:00Z'),
			APP
		);
		expect(payload).toMatchObject({
			web_push: 8030,
			app_badge: 3,
			notification: {
				title: 'Svar senest i morgen: Klyngestyregruppemøde fredag den 8. januar',
				body: 'Svar senest torsdag den 7. januar kl. 12.00. Deltager du?',
				navigate: `${APP}/moeder/meeting12345678#svar`,
				lang: 'da',
				tag: 'attendance:meeting12345678',
				data: { id: 'abcdefghijklmno', kind: 'attendance', subject: 'meeting12345678' }
			}
		});
		expect(payload.notification.actions?.map((a) => [a.action, a.title])).toEqual([
			['attending', 'Deltager'],
			['absent', 'Afbud']
		]);
	});

	it('nomination: opening and the last day, an end-of-day deadline without its time', () => {
		const call = { id: 'call12345678901', title: 'Deltagere til arbejdsgruppen', urgent: false };
		const deadline = new Date('2027-01-20T22:59:00Z');
		const opens = nominationPayload(
			{ id: 'a'.repeat(15), at: new Date('2027-01-04T09:00:00Z'), rule: 'opens' },
			call,
			deadline,
			APP
		);
		expect(opens.notification.title).toBe('Ny indkaldelse: Deltagere til arbejdsgruppen');
		expect(opens.notification.body).toContain('Meld deltagere ind senest onsdag den 20. januar.');
		const morning = nominationPayload(
			{ id: 'a'.repeat(15), at: new Date('2027-01-20T06:30:00Z'), rule: 'morning' },
			call,
			deadline,
			APP
		);
		expect(morning.notification.title).toBe('Meld deltagere ind senest i dag: Deltagere til arbejdsgruppen');
		expect(morning.notification.navigate).toBe(`${APP}/indkaldelser/call12345678901`);
	});

	it('meeting tomorrow: time, place and as many agenda titles as fit in 2 KB', () => {
		const items = Array.from({ length: 60 }, (_, i) => `Punkt nummer ${i + 1} om æbler, øl og ålegræs i regionen`);
		const payload = meetingTomorrowPayload(
			{ id: 'b'.repeat(15), at: new Date('2027-01-07T15:00:00Z') },
			{
				id: 'm'.repeat(15),
				title: 'Styregruppemøde',
				starts: new Date('2027-01-08T08:00:00Z'),
				place: 'Mødelokale 1',
				items
			},
			APP
		);
		expect(payload.notification.title).toBe('I morgen kl. 9.00: Styregruppemøde');
		expect(payload.notification.body).toMatch(
			/^fredag den 8\. januar 2027, Mødelokale 1\.\nDagsorden:\n1\. Punkt nummer 1 /
		);
		expect(payload.notification.body).toMatch(/\n\d+\. Punkt nummer \d+ om æbler, øl og ålegræs i regionen …$/);
		expect(bytes(payload)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
		expect(bytes(payload)).toBeGreaterThan(PAYLOAD_LIMIT - 150);
	});

	it('follow-up: the text and its due day', () => {
		const payload = followUpPayload(
			{ id: 'c'.repeat(15), at: new Date('2027-02-08T06:30:00Z') },
			{ id: 'f'.repeat(15), text: 'Send tal til sekretariatet', meeting: 'm'.repeat(15) },
			new Date('2027-02-10T22:59:00Z'),
			APP
		);
		expect(payload.notification.title).toBe('Opfølgning senest om 2 dage');
		expect(payload.notification.body).toBe('Send tal til sekretariatet – frist onsdag den 10. februar.');
	});

	it('row ids are 15 characters a-z0-9', () => {
		const ids = new Set(Array.from({ length: 50 }, newRowId));
		expect(ids.size).toBe(50);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]{15}$/);
	});
});
