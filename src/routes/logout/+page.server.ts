import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals }) => {
		// Clearing the store makes hooks.server.ts send an expired cookie.
		locals.pb.authStore.clear();
		redirect(303, '/login');
	}
};
