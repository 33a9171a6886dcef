// Logging in with an e-mail code (PocketBase OTP) or a password. Errors come back as Danish
// messages keyed by the field they belong to.
import type PocketBase from 'pocketbase';
import { ClientResponseError } from 'pocketbase';
import { t } from '$lib/messages';

export type FieldErrors = Partial<Record<'email' | 'code' | 'password' | 'form', string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(raw: FormDataEntryValue | null): { email: string; errors: FieldErrors } {
	const email = String(raw ?? '')
		.trim()
		.toLowerCase();
	if (!email) return { email, errors: { email: t.login.errors.emailRequired } };
	if (email.length > 254 || !EMAIL.test(email)) return { email, errors: { email: t.login.errors.emailInvalid } };
	return { email, errors: {} };
}

function unavailable(err: unknown): FieldErrors {
	if (err instanceof ClientResponseError && err.status === 429) return { form: t.login.errors.tooMany };
	return { form: t.login.errors.unavailable };
}

/**
 * Asks PocketBase to mail a code and returns its otpId, or null when PocketBase refused. The login
 * page runs this after it has answered, so the answer's timing never tells whether an account
 * exists (PocketBase answers an unknown address with a dummy otpId and sends nothing).
 */
export async function requestCode(pb: PocketBase, email: string): Promise<string | null> {
	try {
		const { otpId } = await pb.collection('users').requestOTP(email);
		return otpId;
	} catch (err) {
		if (!(err instanceof ClientResponseError && err.status === 400)) console.warn('requestOTP failed:', err);
		return null;
	}
}

/** The code as typed, without spaces, or the message for its field. */
export function parseCode(rawCode: FormDataEntryValue | null): { code: string } | { errors: FieldErrors } {
	const code = String(rawCode ?? '').replace(/\s+/g, '');
	if (!code) return { errors: { code: t.login.errors.codeRequired } };
	if (!/^\d{4,10}$/.test(code)) return { errors: { code: t.login.errors.codeInvalid } };
	return { code };
}

/** Logs in with a code; `wrong` says the code itself was refused (it counts against the limits). */
export async function verifyCode(
	pb: PocketBase,
	otpId: string | null,
	code: string
): Promise<{ errors: FieldErrors; wrong: boolean }> {
	if (!otpId) return { errors: { code: t.login.errors.codeInvalid }, wrong: true };
	try {
		await pb.collection('users').authWithOTP(otpId, code);
		return { errors: {}, wrong: false };
	} catch (err) {
		if (err instanceof ClientResponseError && (err.status === 400 || err.status === 404)) {
			return { errors: { code: t.login.errors.codeInvalid }, wrong: true };
		}
		if (err instanceof ClientResponseError && err.status === 429)
			return { errors: { code: t.login.errors.tooMany }, wrong: false };
		return { errors: unavailable(err), wrong: false };
	}
}

export async function logInWithPassword(
	pb: PocketBase,
	email: string,
	rawPassword: FormDataEntryValue | null
): Promise<FieldErrors> {
	const password = String(rawPassword ?? '');
	if (!password) return { password: t.login.errors.passwordRequired };
	try {
		await pb.collection('users').authWithPassword(email, password);
		return {};
	} catch (err) {
		if (err instanceof ClientResponseError && err.status === 400) return { password: t.login.errors.credentials };
		return unavailable(err);
	}
}

// Any origin of our own serves when the caller has none at hand: only the path is ever returned.
const FALLBACK_ORIGIN = 'http://klyngeportal.invalid';

/**
 * The local page to go to after login, or '/'. The target is parsed as a URL against the app's
 * origin, as a browser would parse it in a Location header, and followed only when it stays on
 * that origin. Control characters (which browsers drop, turning `/<TAB>/evil` into `//evil`, and
 * which cannot be sent in a header) and backslashes (which browsers read as slashes) give '/'.
 */
export function safeRedirect(target: string | null | undefined, origin: string = FALLBACK_ORIGIN): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
	if (!target || /[\u0000-\u001f\u007f\\]/.test(target)) return '/';
	const base = new URL(origin).origin;
	let url: URL;
	try {
		url = new URL(target, base);
	} catch {
		return '/';
	}
	if (url.origin !== base) return '/';
	const path = url.pathname + url.search + url.hash;
	// A normalised path may itself read as another host (`/.//evil` → `//evil`): check it again.
	return new URL(path, base).origin === base ? path : '/';
}
