import { fail, redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { logInWithPassword, parseCode, requestCode, safeRedirect, validateEmail, verifyCode } from '$lib/server/auth';
import {
	countWrongCode,
	endPendingLogin,
	findPendingLogin,
	codeAttemptRefusal,
	startPendingLogin,
	CODE_LIFETIME_MS
} from '$lib/server/login-attempts';
import { startSession } from '$lib/server/pocketbase';
import { t } from '$lib/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The browser holds only the random id of its pending code login, in a short-lived httpOnly cookie;
// the e-mail, the otpId and the count of wrong codes stay on the server.
const OTP_COOKIE = 'pb_otp';

function setPendingCookie({ cookies, url }: RequestEvent, id: string) {
	cookies.set(OTP_COOKIE, id, {
		path: '/login',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: CODE_LIFETIME_MS / 1000
	});
}

/** Records the new login as a session of this device; false when PocketBase could not. */
async function openSession(locals: App.Locals): Promise<boolean> {
	try {
		locals.sessionId = await startSession(locals.pb);
		return true;
	} catch (err) {
		console.warn('starting a session failed:', err);
		locals.pb.authStore.clear();
		return false;
	}
}

/** Starts a code login and answers at once; the code is asked for after the answer. */
function startCodeLogin(event: RequestEvent, email: string, returnTo: string) {
	const { locals } = event;
	const address = event.getClientAddress();
	const login = startPendingLogin(email, returnTo, address, () => requestCode(locals.pb, email));
	if (login === 'too-many') return null;
	setPendingCookie(event, login.id);
	return login;
}

export const load: PageServerLoad = ({ locals, cookies, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('til'), url.origin));
	const pending = findPendingLogin(cookies.get(OTP_COOKIE));
	const prefill = validateEmail(url.searchParams.get('email'));
	return {
		/** The address a code was sent to, when the member is at the code step. */
		pendingEmail: pending?.email ?? null,
		/** Where the demo's mail catcher shows its inbox; null outside the demo. */
		demoInboxUrl: env.DEMO_INBOX_URL || null,
		/** An address to fill in, from an invitation link (?email=). */
		prefillEmail: prefill.errors.email ? '' : prefill.email,
		/** The local page to return to after login (carried through the forms). */
		returnTo: safeRedirect(url.searchParams.get('til'), url.origin)
	};
};

export const actions: Actions = {
	requestCode: async (event) => {
		const form = await event.request.formData();
		const { email, errors } = validateEmail(form.get('email'));
		if (errors.email) return fail(400, { step: 'email', email, errors });
		const returnTo = safeRedirect(String(form.get('til') ?? ''), event.url.origin);
		const previous = event.cookies.get(OTP_COOKIE);
		if (!startCodeLogin(event, email, returnTo))
			return fail(429, { step: 'email', email, errors: { form: t.login.errors.tooMany } });
		endPendingLogin(previous);
		return { step: 'code', email };
	},

	resend: async (event) => {
		const pending = findPendingLogin(event.cookies.get(OTP_COOKIE));
		if (!pending) return fail(400, { step: 'email', email: '', errors: { email: t.login.errors.codeExpired } });
		if (!startCodeLogin(event, pending.email, pending.returnTo))
			return fail(429, { step: 'code', email: pending.email, errors: { form: t.login.errors.tooMany } });
		endPendingLogin(pending.id);
		return { step: 'code', email: pending.email, resent: true };
	},

	verifyCode: async (event) => {
		const { request, locals, cookies } = event;
		const form = await request.formData();
		const pending = findPendingLogin(cookies.get(OTP_COOKIE));
		if (!pending) return fail(400, { step: 'email', email: '', errors: { email: t.login.errors.codeExpired } });
		const parsed = parseCode(form.get('code'));
		if ('errors' in parsed) return fail(400, { step: 'code', email: pending.email, errors: parsed.errors });
		const address = event.getClientAddress();
		const refusal = codeAttemptRefusal(pending, address);
		if (refusal) {
			const message = refusal === 'spent' ? t.login.errors.codeSpent : t.login.errors.tooMany;
			return fail(429, { step: 'code', email: pending.email, errors: { code: message } });
		}
		const { errors, wrong } = await verifyCode(locals.pb, await pending.otpId, parsed.code);
		if (wrong) {
			countWrongCode(pending, address);
			if (codeAttemptRefusal(pending, address) === 'spent') errors.code = t.login.errors.codeSpent;
		}
		if (Object.keys(errors).length) return fail(400, { step: 'code', email: pending.email, errors });
		if (!(await openSession(locals)))
			return fail(503, { step: 'code', email: pending.email, errors: { form: t.login.errors.unavailable } });
		endPendingLogin(pending.id);
		cookies.delete(OTP_COOKIE, { path: '/login' });
		redirect(303, pending.returnTo);
	},

	restart: async ({ cookies }) => {
		endPendingLogin(cookies.get(OTP_COOKIE));
		cookies.delete(OTP_COOKIE, { path: '/login' });
		return { step: 'email', email: '' };
	},

	password: async ({ request, locals, url }) => {
		const form = await request.formData();
		const { email, errors } = validateEmail(form.get('email'));
		if (errors.email) return fail(400, { step: 'password', email, errors });
		const passwordErrors = await logInWithPassword(locals.pb, email, form.get('password'));
		if (Object.keys(passwordErrors).length) return fail(400, { step: 'password', email, errors: passwordErrors });
		if (!(await openSession(locals)))
			return fail(503, { step: 'password', email, errors: { form: t.login.errors.unavailable } });
		redirect(303, safeRedirect(String(form.get('til') ?? ''), url.origin));
	}
};
