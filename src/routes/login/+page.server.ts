import { fail, redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { logInWithPassword, requestCode, safeRedirect, validateEmail, verifyCode } from '$lib/server/auth';
import { t } from '$lib/messages';
import type { Actions, PageServerLoad } from './$types';

// The pending code request lives in its own short-lived, httpOnly cookie between the two steps.
const OTP_COOKIE = 'pb_otp';
const OTP_MAX_AGE = 600;

type Pending = { otpId: string; email: string; returnTo: string };

function readPending(raw: string | undefined): Pending | null {
	try {
		const value = raw ? JSON.parse(raw) : null;
		return value && typeof value.otpId === 'string' && typeof value.email === 'string'
			? { ...value, returnTo: safeRedirect(value.returnTo ?? null) }
			: null;
	} catch {
		return null;
	}
}

export const load: PageServerLoad = ({ locals, cookies, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('til')));
	const pending = readPending(cookies.get(OTP_COOKIE));
	return {
		/** The address a code was sent to, when the member is at the code step. */
		pendingEmail: pending?.email ?? null,
		/** Where the demo's mail catcher shows its inbox; null outside the demo. */
		demoInboxUrl: env.DEMO_INBOX_URL || null,
		/** An address to fill in, from an invitation link (?email=). */
		prefillEmail: validateEmail(url.searchParams.get('email')).errors.email
			? ''
			: validateEmail(url.searchParams.get('email')).email,
		/** The local page to return to after login (carried through the forms). */
		returnTo: safeRedirect(url.searchParams.get('til'))
	};
};

export const actions: Actions = {
	requestCode: async ({ request, locals, cookies, url }) => {
		const form = await request.formData();
		const { email, errors } = validateEmail(form.get('email'));
		if (errors.email) return fail(400, { step: 'email', email, errors });
		const result = await requestCode(locals.pb, email);
		if ('errors' in result)
			return fail(result.errors.form ? 503 : 400, { step: 'email', email, errors: result.errors });
		const returnTo = safeRedirect(String(form.get('til') ?? ''));
		cookies.set(OTP_COOKIE, JSON.stringify({ otpId: result.otpId, email, returnTo }), {
			path: '/login',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: OTP_MAX_AGE
		});
		return { step: 'code', email };
	},

	verifyCode: async ({ request, locals, cookies }) => {
		const form = await request.formData();
		const pending = readPending(cookies.get(OTP_COOKIE));
		if (!pending) return fail(400, { step: 'email', email: '', errors: { email: t.login.errors.codeExpired } });
		const errors = await verifyCode(locals.pb, pending.otpId, form.get('code'));
		if (Object.keys(errors).length) return fail(400, { step: 'code', email: pending.email, errors });
		cookies.delete(OTP_COOKIE, { path: '/login' });
		redirect(303, pending.returnTo);
	},

	restart: async ({ cookies }) => {
		cookies.delete(OTP_COOKIE, { path: '/login' });
		return { step: 'email', email: '' };
	},

	password: async ({ request, locals }) => {
		const form = await request.formData();
		const { email, errors } = validateEmail(form.get('email'));
		if (errors.email) return fail(400, { step: 'password', email, errors });
		const passwordErrors = await logInWithPassword(locals.pb, email, form.get('password'));
		if (Object.keys(passwordErrors).length) return fail(400, { step: 'password', email, errors: passwordErrors });
		redirect(303, safeRedirect(String(form.get('til') ?? '')));
	}
};
