import { redirect } from '@sveltejs/kit';
import { endAllSessions, endSession } from '$lib/server/pocketbase';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/**
 * The browser drops every cache and store of the site (saved pages, attachments, the outbox) and,
 * with "storage", unregisters the service worker too; the next page registers it afresh.
 */
const WIPE = { 'clear-site-data': '"cache", "storage"' };

export const actions: Actions = {
	/** Ends this device's session: the cookie, and any copy of it, opens nothing afterwards. */
	here: async ({ locals, setHeaders }) => {
		setHeaders(WIPE);
		await endSession(locals.pb, locals.sessionId);
		// Clearing the store makes hooks.server.ts expire both cookies.
		locals.pb.authStore.clear();
		redirect(303, '/login');
	},

	/** "Log ud på alle enheder": ends every session of the user and renews their tokens. */
	everywhere: async ({ locals, setHeaders }) => {
		setHeaders(WIPE);
		await endAllSessions(locals.pb);
		locals.pb.authStore.clear();
		redirect(303, '/login');
	}
};
