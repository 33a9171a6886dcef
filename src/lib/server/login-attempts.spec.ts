import { describe, expect, it } from 'vitest';
import {
	codeAttemptRefusal,
	countWrongCode,
	findPendingLogin,
	startPendingLogin,
	WRONG_CODES_PER_CODE,
	type PendingLogin
} from './login-attempts';

const send = () => Promise.resolve('otp-id');
let n = 0;
const someone = () => `person-${++n}@kommune.dk`;

function start(email: string, address: string): PendingLogin {
	const login = startPendingLogin(email, '/', address, send);
	if (login === 'too-many') throw new Error('refused');
	return login;
}

describe('code logins in progress', () => {
	it('keep the otpId on the server, found by the random id the browser holds', async () => {
		const login = start(someone(), '192.0.2.1');
		expect(login.id).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(findPendingLogin(login.id)).toBe(login);
		expect(await login.otpId).toBe('otp-id');
		expect(findPendingLogin('an-id-nobody-was-given')).toBeNull();
	});

	it('refuse a sixth code for one account from one address, but not from another', () => {
		const victim = someone();
		for (let i = 0; i < 5; i++) start(victim, '203.0.113.9');
		expect(startPendingLogin(victim, '/', '203.0.113.9', send)).toBe('too-many');
		expect(startPendingLogin(victim, '/', '198.51.100.9', send)).not.toBe('too-many');
	});

	it("spend a code after its wrong tries, while the owner's own code from another address stays open", () => {
		const victim = someone();
		const strangers = start(victim, '203.0.113.10');
		const owners = start(victim, '198.51.100.10');
		for (let i = 0; i < WRONG_CODES_PER_CODE; i++) {
			expect(codeAttemptRefusal(strangers, '203.0.113.10')).toBeNull();
			countWrongCode(strangers, '203.0.113.10');
		}
		expect(codeAttemptRefusal(strangers, '203.0.113.10')).toBe('spent');
		expect(codeAttemptRefusal(owners, '198.51.100.10')).toBeNull();
	});

	it('stop one address guessing across many accounts', () => {
		const address = '203.0.113.11';
		const refusals: (string | null)[] = [];
		for (let i = 0; i < 40; i++) {
			// Each code asked for elsewhere, all guessed at from one address.
			const login = start(someone(), `198.18.0.${i}`);
			const refusal = codeAttemptRefusal(login, address);
			refusals.push(refusal);
			if (!refusal) countWrongCode(login, address);
		}
		expect(refusals.slice(0, 30).every((r) => r === null)).toBe(true);
		expect(refusals.slice(30).every((r) => r === 'too-many')).toBe(true);
	});
});
