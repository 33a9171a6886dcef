import { describe, expect, it } from 'vitest';
import { notificationFor, ownUrl } from './notify';

const ctx = { origin: 'https://app.test', maxActions: 2, icon: '/icons/icon-192.png', badge: '/icons/badge.png' };

const attendance = {
	web_push: 8030,
	app_badge: 3,
	notification: {
		title: 'Svar senest i morgen: Klyngestyregruppemøde fredag den 8. januar',
		body: 'Svarfrist torsdag den 7. januar kl. 12.00',
		navigate: 'https://app.test/moeder/abcdefghijklmno#svar',
		lang: 'da',
		dir: 'ltr',
		tag: 'attendance:abcdefghijklmno',
		timestamp: 1_800_000_000_000,
		actions: [
			{ action: 'attending', title: 'Deltager', navigate: 'https://app.test/moeder/abcdefghijklmno#svar' },
			{ action: 'absent', title: 'Afbud', navigate: 'https://app.test/moeder/abcdefghijklmno#svar' }
		],
		data: { id: 'row000000000001', kind: 'attendance', subject: 'abcdefghijklmno' }
	}
};

describe('notificationFor', () => {
	it('shows a reminder with its Danish text, target, tag, actions and badge', () => {
		const shown = notificationFor(JSON.stringify(attendance), ctx);
		expect(shown.title).toBe('Svar senest i morgen: Klyngestyregruppemøde fredag den 8. januar');
		expect(shown.options).toMatchObject({
			body: 'Svarfrist torsdag den 7. januar kl. 12.00',
			lang: 'da',
			dir: 'ltr',
			tag: 'attendance:abcdefghijklmno',
			renotify: true,
			timestamp: 1_800_000_000_000,
			icon: '/icons/icon-192.png',
			badge: '/icons/badge.png',
			actions: [
				{ action: 'attending', title: 'Deltager' },
				{ action: 'absent', title: 'Afbud' }
			],
			data: {
				url: 'https://app.test/moeder/abcdefghijklmno#svar',
				id: 'row000000000001',
				kind: 'attendance',
				subject: 'abcdefghijklmno'
			}
		});
		expect(shown.badge).toBe(3);
	});

	it('shows only as many actions as the platform allows, and none where it has none', () => {
		expect(notificationFor(JSON.stringify(attendance), { ...ctx, maxActions: 1 }).options.actions).toEqual([
			{ action: 'attending', title: 'Deltager' }
		]);
		const none = notificationFor(JSON.stringify(attendance), { ...ctx, maxActions: 0 });
		expect(none.options.actions).toBeUndefined();
		// The targets stay, so that a tap on the notification still finds the page.
		expect(none.options.data.actions?.attending).toBe('https://app.test/moeder/abcdefghijklmno#svar');
	});

	it.each([
		['no payload', null],
		['text that is not JSON', 'hej'],
		['JSON without a notification', '{"web_push":8030}'],
		['a notification without a title', '{"notification":{"body":"x"}}']
	])('still shows a Danish notice for %s', (_label, text) => {
		const shown = notificationFor(text, ctx);
		expect(shown.title).toBe('Klyngeportal');
		expect(shown.options.body).toBe('Du har en ny påmindelse. Tryk for at se den.');
		expect(shown.options.data.url).toBe('https://app.test/paamindelser');
		expect(shown.badge).toBeNull();
	});

	it('never sends a tap to another site', () => {
		const foreign = structuredClone(attendance);
		foreign.notification.navigate = 'https://evil.test/phish';
		foreign.notification.actions[0].navigate = 'javascript:alert(1)';
		const shown = notificationFor(JSON.stringify(foreign), ctx);
		expect(shown.options.data.url).toBe('https://app.test/paamindelser');
		expect(shown.options.data.actions?.attending).toBe('https://app.test/paamindelser');
	});

	it('leaves the badge alone when the payload has no usable count', () => {
		const noBadge = { ...attendance, app_badge: -1 };
		expect(notificationFor(JSON.stringify(noBadge), ctx).badge).toBeNull();
		const { app_badge: _dropped, ...without } = attendance;
		expect(_dropped).toBe(3);
		expect(notificationFor(JSON.stringify(without), ctx).badge).toBeNull();
	});
});

describe('ownUrl', () => {
	it('resolves paths against the origin and refuses other origins', () => {
		expect(ownUrl('/moeder/x', 'https://app.test')).toBe('https://app.test/moeder/x');
		expect(ownUrl('https://other.test/', 'https://app.test')).toBeNull();
		expect(ownUrl(42, 'https://app.test')).toBeNull();
	});
});
