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
 * Asks PocketBase to mail a code. PocketBase answers the same for unknown addresses, so the
 * answer never tells whether an account exists.
 */
export async function requestCode(pb: PocketBase, email: string): Promise<{ otpId: string } | { errors: FieldErrors }> {
	try {
		const { otpId } = await pb.collection('users').requestOTP(email);
		return { otpId };
	} catch (err) {
		if (err instanceof ClientResponseError && err.status === 400)
			return { errors: { email: t.login.errors.emailInvalid } };
		return { errors: unavailable(err) };
	}
}

export async function verifyCode(
	pb: PocketBase,
	otpId: string,
	rawCode: FormDataEntryValue | null
): Promise<FieldErrors> {
	const code = String(rawCode ?? '').replace(/\s+/g, '');
	if (!code) return { code: t.login.errors.codeRequired };
	if (!/^\d{4,10}$/.test(code)) return { code: t.login.errors.codeInvalid };
	try {
		await pb.collection('users').authWithOTP(otpId, code);
		return {};
	} catch (err) {
		if (err instanceof ClientResponseError && (err.status === 400 || err.status === 404)) {
			return { code: t.login.errors.codeInvalid };
		}
		if (err instanceof ClientResponseError && err.status === 429) return { code: t.login.errors.tooMany };
		return unavailable(err);
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

/** Only local paths are followed after login, never another site. */
export function safeRedirect(target: string | null): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
	return target;
}
