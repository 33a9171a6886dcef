// Code logins in progress and the login form's rate limits, held in the app server's memory (one
// app process serves the site; a restart only asks people for a new code).
//
// Why the app keeps these itself:
// - Timing (issue 6.7): the pending login is answered at once, and PocketBase's requestOTP (slow for
//   a known address, fast for an unknown one) runs after the answer. The otpId never leaves the
//   server; the browser holds only a random id for its pending login.
// - Lockout (issue 6.6): PocketBase refuses every code of an account after 5 attempts in 3 minutes
//   from one address (`@pb_otp_<record id>` keyed by the client address), and after 10 unexpired
//   codes it stops mailing new ones and reuses the last. The app counts per code, per visitor
//   address and per account-and-address, below PocketBase's limits, so a stranger's guesses and
//   requests run out on the stranger's side while the owner, from their own address, logs in.
import { randomBytes } from 'node:crypto';
import { env } from '$env/dynamic/private';

/** A code login in progress: the code was asked for from one browser, for one address. */
export interface PendingLogin {
	id: string;
	email: string;
	returnTo: string;
	address: string;
	/** PocketBase's otpId, once its requestOTP has answered; null when it failed. */
	otpId: Promise<string | null>;
	wrongCodes: number;
	expiresAt: number;
}

export const CODE_LIFETIME_MS = 10 * 60_000;
/** Wrong codes one code accepts before it is spent (PocketBase's own count is 5 per address). */
export const WRONG_CODES_PER_CODE = 4;

/** Per window: [max, window in ms]. */
export const LIMITS = {
	/** Code requests from one address, whatever the accounts (a hospital shares one address). */
	codeRequestsPerAddress: [30, 10 * 60_000],
	/** Codes one address may have sent to one account; PocketBase stops mailing at 10 per account. */
	codeRequestsPerAccountAndAddress: [5, 10 * 60_000],
	/** Wrong codes from one address, whatever the accounts. */
	wrongCodesPerAddress: [30, 15 * 60_000],
	/** Wrong codes from one address for one account (PocketBase locks at 5 per 3 minutes). */
	wrongCodesPerAccountAndAddress: [4, 3 * 60_000]
} as const satisfies Record<string, readonly [number, number]>;

const MAX_PENDING = 10_000;
const pending = new Map<string, PendingLogin>();

/** Fixed-window counters, one per key. */
const counters = new Map<string, { count: number; resetAt: number }>();

function sweep(now: number) {
	for (const [id, login] of pending) if (login.expiresAt <= now) pending.delete(id);
	for (const [key, counter] of counters) if (counter.resetAt <= now) counters.delete(key);
}

function counter(key: string, windowMs: number, now: number) {
	let c = counters.get(key);
	if (!c || c.resetAt <= now) {
		c = { count: 0, resetAt: now + windowMs };
		counters.set(key, c);
	}
	return c;
}

/** True while the key is under its limit; does not count. RATE_LIMITS=off (benchmarks) lifts all. */
function allowed(key: string, [max, windowMs]: readonly [number, number], now = Date.now()): boolean {
	return env.RATE_LIMITS === 'off' || counter(key, windowMs, now).count < max;
}

function count(key: string, [, windowMs]: readonly [number, number], now = Date.now()) {
	counter(key, windowMs, now).count++;
}

const keys = {
	requests: (address: string) => `requests|${address}`,
	accountRequests: (email: string, address: string) => `account-requests|${email}|${address}`,
	wrong: (address: string) => `wrong|${address}`,
	accountWrong: (email: string, address: string) => `account-wrong|${email}|${address}`
};

/**
 * Starts a code login, or says that this address has asked for too many codes. `send` asks
 * PocketBase for the code; it runs after the caller has answered the browser.
 */
export function startPendingLogin(
	email: string,
	returnTo: string,
	address: string,
	send: () => Promise<string | null>
): PendingLogin | 'too-many' {
	const now = Date.now();
	if (pending.size >= MAX_PENDING || counters.size >= MAX_PENDING * 4) sweep(now);
	if (pending.size >= MAX_PENDING) return 'too-many';
	if (
		!allowed(keys.requests(address), LIMITS.codeRequestsPerAddress, now) ||
		!allowed(keys.accountRequests(email, address), LIMITS.codeRequestsPerAccountAndAddress, now)
	) {
		return 'too-many';
	}
	count(keys.requests(address), LIMITS.codeRequestsPerAddress, now);
	count(keys.accountRequests(email, address), LIMITS.codeRequestsPerAccountAndAddress, now);
	const login: PendingLogin = {
		id: randomBytes(24).toString('base64url'),
		email,
		returnTo,
		address,
		// Deferred, so the answer to the browser never waits for PocketBase (nor tells by its timing).
		otpId: new Promise<string | null>((resolve) => setImmediate(() => send().then(resolve, () => resolve(null)))),
		wrongCodes: 0,
		expiresAt: now + CODE_LIFETIME_MS
	};
	pending.set(login.id, login);
	return login;
}

/** The pending login a browser's cookie names, when it is still open. */
export function findPendingLogin(id: string | undefined): PendingLogin | null {
	const login = id ? pending.get(id) : undefined;
	if (!login) return null;
	if (login.expiresAt <= Date.now()) {
		pending.delete(login.id);
		return null;
	}
	return login;
}

export function endPendingLogin(id: string | undefined) {
	if (id) pending.delete(id);
}

/** Why this address may not try a code for this pending login now, or null when it may. */
export function codeAttemptRefusal(login: PendingLogin, address: string): 'spent' | 'too-many' | null {
	if (login.wrongCodes >= WRONG_CODES_PER_CODE) return 'spent';
	const ok =
		allowed(keys.wrong(address), LIMITS.wrongCodesPerAddress) &&
		allowed(keys.accountWrong(login.email, address), LIMITS.wrongCodesPerAccountAndAddress);
	return ok ? null : 'too-many';
}

export function countWrongCode(login: PendingLogin, address: string) {
	login.wrongCodes++;
	count(keys.wrong(address), LIMITS.wrongCodesPerAddress);
	count(keys.accountWrong(login.email, address), LIMITS.wrongCodesPerAccountAndAddress);
}
