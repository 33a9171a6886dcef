import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) {
		const back = url.pathname + url.search;
		redirect(303, back === '/' ? '/login' : `/login?til=${encodeURIComponent(back)}`);
	}
	return {};
};
