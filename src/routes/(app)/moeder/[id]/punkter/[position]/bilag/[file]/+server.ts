import { fetchAttachment } from '$lib/server/meetings';
import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { t } from '$lib/messages';
import { attachmentTitle, opensInline, servedType } from '$lib/attachments';
import { contentDisposition } from '$lib/server/content-disposition';

// Attachments are protected PocketBase files: they are fetched with a short-lived file token as the
// signed-in member, so the URL alone opens nothing. A PDF opens in the phone's viewer; every other
// file downloads, under its readable title either way.
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(404, { message: t.errors.fileNotFound });
	const upstream = await fetchAttachment(locals.pb, params.id, Number(params.position), params.file);
	const upstreamType = upstream.headers.get('content-type') ?? '';
	const inline = opensInline(params.file, upstreamType);
	const headers = new Headers({
		'content-type': servedType(upstreamType),
		'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', attachmentTitle(params.file)),
		'x-content-type-options': 'nosniff',
		'cache-control': 'private, no-store'
	});
	const length = upstream.headers.get('content-length');
	if (length) headers.set('content-length', length);
	return new Response(upstream.body, { headers });
};
