import { describe, expect, it } from 'vitest';
import { keyBytes, pushState, sameKey, shouldOffer, startAction, type PushFacts } from './state';

const chrome: PushFacts = {
	serviceWorker: true,
	pushManager: true,
	notification: true,
	permission: 'default',
	ios: false,
	installed: false,
	subscribed: false
};

describe('pushState', () => {
	it('offers the button where push works and is not on', () => {
		expect(pushState(chrome)).toBe('off');
		expect(pushState({ ...chrome, permission: 'granted' })).toBe('off');
	});

	it('is on with permission and a subscription', () => {
		expect(pushState({ ...chrome, permission: 'granted', subscribed: true })).toBe('on');
	});

	it('says blocked when the permission was refused', () => {
		expect(pushState({ ...chrome, permission: 'denied', subscribed: true })).toBe('blocked');
	});

	it('says unsupported without push in the browser', () => {
		expect(pushState({ ...chrome, pushManager: false })).toBe('unsupported');
		expect(pushState({ ...chrome, notification: false, permission: null })).toBe('unsupported');
	});

	it('shows the install hint on an iPhone in a Safari tab, and the button from the home screen', () => {
		const tab = { ...chrome, ios: true, pushManager: false, notification: false, permission: null };
		expect(pushState(tab)).toBe('install');
		expect(pushState({ ...chrome, ios: true, installed: true })).toBe('off');
	});
});

describe('shouldOffer', () => {
	it('offers only where a tap can turn push on, until declined', () => {
		expect(shouldOffer('off', false)).toBe(true);
		expect(shouldOffer('off', true)).toBe(false);
		for (const state of ['on', 'blocked', 'unsupported', 'install'] as const)
			expect(shouldOffer(state, false)).toBe(false);
	});
});

describe('startAction', () => {
	it('posts a living subscription again at every start', () => {
		expect(startAction({ permission: 'granted', subscribed: true, keyMatches: true, wanted: true })).toBe('post');
	});

	it('subscribes again when the subscription is gone or was made with a former key', () => {
		expect(startAction({ permission: 'granted', subscribed: false, keyMatches: false, wanted: true })).toBe(
			'resubscribe'
		);
		expect(startAction({ permission: 'granted', subscribed: true, keyMatches: false, wanted: false })).toBe(
			'resubscribe'
		);
	});

	it('does nothing without permission, or where push was turned off', () => {
		expect(startAction({ permission: 'default', subscribed: true, keyMatches: true, wanted: true })).toBe('none');
		expect(startAction({ permission: 'granted', subscribed: false, keyMatches: false, wanted: false })).toBe('none');
	});
});

describe('keys', () => {
	const key = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';

	it('reads a base64url key as its 65 bytes and compares it with a subscription’s', () => {
		const bytes = keyBytes(key);
		expect(bytes.length).toBe(65);
		expect(bytes[0]).toBe(4);
		expect(sameKey(bytes.buffer, key)).toBe(true);
		const other = new Uint8Array(bytes);
		other[64] ^= 1;
		expect(sameKey(other.buffer, key)).toBe(false);
		expect(sameKey(null, key)).toBe(false);
	});
});
