import { describe, expect, it } from 'vitest';
import { answerConfirmation, decideClick, meetingFromTitle } from './click';

const origin = 'https://app.test';
const target = 'https://app.test/moeder/abcdefghijklmno#svar';
const data = {
	url: target,
	id: 'row000000000001',
	kind: 'attendance',
	subject: 'abcdefghijklmno',
	actions: { attending: target, absent: target }
};
const win = (url: string, focused = false, visible = false) => ({ url, focused, visible });

describe('decideClick', () => {
	it('opens the page in a new window when no window of the app is open', () => {
		expect(decideClick('', data, [], origin)).toEqual({
			decision: { do: 'open', url: target },
			markRead: 'row000000000001'
		});
	});

	it('focuses a window already showing the page without navigating it', () => {
		const windows = [win('https://app.test/', true), win(target)];
		expect(decideClick('', data, windows, origin).decision).toEqual({
			do: 'focus',
			index: 1,
			url: target,
			navigate: false
		});
	});

	it('focuses the focused window, then navigates it to the page', () => {
		const windows = [win('https://app.test/moeder', false, true), win('https://app.test/', true)];
		expect(decideClick('', data, windows, origin).decision).toEqual({
			do: 'focus',
			index: 1,
			url: target,
			navigate: true
		});
	});

	it('prefers a visible window to a hidden one when none has focus', () => {
		const windows = [win('https://app.test/a'), win('https://app.test/b', false, true)];
		expect(decideClick('', data, windows, origin).decision).toMatchObject({ do: 'focus', index: 1 });
	});

	it('treats the open action as a tap on the notification', () => {
		expect(decideClick('open', data, [], origin).decision).toEqual({ do: 'open', url: target });
	});

	it.each(['attending', 'absent'] as const)('answers %s without opening the app', (status) => {
		expect(decideClick(status, data, [win('https://app.test/', true)], origin)).toEqual({
			decision: { do: 'answer', status, meeting: 'abcdefghijklmno', url: target },
			markRead: 'row000000000001'
		});
	});

	it('opens rather than answers when the reminder is not about attendance', () => {
		const call = { ...data, kind: 'nomination', url: 'https://app.test/indkaldelser/abcdefghijklmno' };
		expect(decideClick('attending', call, [], origin).decision).toEqual({
			do: 'open',
			url: 'https://app.test/moeder/abcdefghijklmno#svar'
		});
	});

	it('ignores windows and targets of other origins and unreadable data', () => {
		const decision = decideClick('', { url: 'https://evil.test/' }, [win('https://evil.test/', true)], origin);
		expect(decision).toEqual({ decision: { do: 'open', url: 'https://app.test/paamindelser' }, markRead: null });
		expect(decideClick('', null, [], origin).decision).toEqual({ do: 'open', url: 'https://app.test/paamindelser' });
	});
});

describe('answerConfirmation', () => {
	const title = 'Svar senest i morgen: Klyngestyregruppemøde fredag den 8. januar';

	it('confirms an answer that was stored, naming the meeting, in the reminder’s place', () => {
		const shown = answerConfirmation({ outcome: 'sent' }, 'attending', title, target, 'attendance:x');
		expect(shown.title).toBe('Svar registreret');
		expect(shown.options).toMatchObject({
			body: 'Du deltager i Klyngestyregruppemøde fredag den 8. januar.',
			tag: 'attendance:x',
			data: { url: target }
		});
		expect(answerConfirmation({ outcome: 'sent' }, 'absent', title, target, 'x').options.body).toBe(
			'Du har meldt afbud til Klyngestyregruppemøde fredag den 8. januar.'
		);
	});

	it('says when the answer waits for the network', () => {
		expect(answerConfirmation({ outcome: 'queued' }, 'attending', title, target, 'x').title).toBe(
			'Svaret venter på netværk'
		);
	});

	it('gives the server’s reason and leads to the page when the answer was refused', () => {
		const shown = answerConfirmation(
			{ outcome: 'refused', reason: 'Svarfristen er overskredet.' },
			'attending',
			title,
			target,
			'x'
		);
		expect(shown.title).toBe('Svaret blev ikke registreret');
		expect(shown.options.body).toBe('Svarfristen er overskredet. Tryk for at svare i appen.');
		expect(shown.options.data.url).toBe(target);
	});

	it('asks a signed-out member to log in', () => {
		expect(answerConfirmation({ outcome: 'signed-out' }, 'absent', title, target, 'x').options.body).toMatch(/Log ind/);
	});
});

describe('meetingFromTitle', () => {
	it('takes the meeting from a reminder title, or the whole title without a colon', () => {
		expect(meetingFromTitle('Svar senest i dag: Temamøde')).toBe('Temamøde');
		expect(meetingFromTitle('Temamøde')).toBe('Temamøde');
	});
});
