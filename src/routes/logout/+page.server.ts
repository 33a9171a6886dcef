import { redirect } from '@sveltejs/kit';
import { endAllSessions, endSession } from '$lib/server/pocketbase';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

// Both actions' redirects carry `Clear-Site-Data: "cache", "storage"` (set in hooks.server.ts: a form
// action's setHeaders does not reach its redirect), so the browser drops the saved pages, attachments
// and databases of the user who leaves.
export const actions: Actions = {
	/** Ends this device's session: the cookie, and any copy of it, opens nothing afterwards. */
	here: async ({ locals }) => {
		await endSession(locals.pb, locals.sessionId);
		// Clearing the store makes hooks.server.ts expire both cookies.
		locals.pb.authStore.clear();
		redirect(303, '/login');
	},

	/** "Log ud på alle enheder": ends every session of the user and renews their tokens. */
	everywhere: async ({ locals }) => {
		await endAllSessions(locals.pb);
		locals.pb.authStore.clear();
		redirect(303, '/login');
	}
};
