import { fetchAttachment } from '$lib/server/meetings';
import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { t } from '$lib/messages';
import { attachmentLabel } from '$lib/meetings';

// Attachments are protected PocketBase files: they are fetched with a short-lived file token as the
// signed-in member, so the URL alone opens nothing.
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(404, { message: t.errors.fileNotFound });
	const upstream = await fetchAttachment(locals.pb, params.id, Number(params.position), params.file);
	const headers = new Headers({
		'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
		'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachmentLabel(params.file))}`,
		'cache-control': 'private, no-store'
	});
	const length = upstream.headers.get('content-length');
	if (length) headers.set('content-length', length);
	return new Response(upstream.body, { headers });
};
