// The nominee's page, reached from the mail's link without logging in: who named them for what,
// and "Bekræft" / "Afslå". The token is the only key; PocketBase's token routes
// (pb_hooks/nomination-routes.pb.js) look it up and record the answer.
import { error, fail } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';
import { createClient } from '$lib/server/pocketbase';
import { t } from '$lib/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** What the token routes answer. */
export interface TokenNomination {
	nominee_name: string;
	call_title: string;
	forum_name: string;
	group_name: string;
	organization_name: string;
	nominated_by_name: string;
	deadline: string;
	response: '' | 'confirmed' | 'declined';
}

const TOKEN = /^[A-Za-z0-9_-]{10,100}$/;

/** Asks PocketBase as an anonymous visitor; an unknown token (or none) is the Danish 404. */
async function ask(event: Pick<RequestEvent, 'params' | 'getClientAddress'>, body?: { response: string }) {
	const token = event.params.token;
	if (!TOKEN.test(token)) error(404, { message: t.nominations.token.notFound });
	const pb = createClient(event.getClientAddress());
	try {
		return body
			? await pb.send<TokenNomination>('/api/klyngeportal/nominations/respond', {
					method: 'POST',
					body: { token, response: body.response }
				})
			: await pb.send<TokenNomination>(`/api/klyngeportal/nominations/by-token/${encodeURIComponent(token)}`, {
					method: 'GET'
				});
	} catch (err) {
		if (err instanceof ClientResponseError && err.status === 404) error(404, { message: t.nominations.token.notFound });
		// The forum has become a group: the link is spent, and PocketBase says so in Danish.
		if (err instanceof ClientResponseError && err.status === 410) {
			error(410, { message: String(err.response?.message || t.nominations.token.notFound) });
		}
		throw err;
	}
}

export const load: PageServerLoad = async (event) => ({ nomination: await ask(event) });

async function respond(event: RequestEvent, response: 'confirmed' | 'declined') {
	try {
		return { answered: await ask(event, { response }) };
	} catch (err) {
		if (err instanceof ClientResponseError && err.status === 400) {
			return fail(400, { message: String(err.response?.message || t.errors.generic) });
		}
		throw err;
	}
}

export const actions: Actions = {
	confirm: (event) => respond(event, 'confirmed'),
	decline: (event) => respond(event, 'declined')
};
