import { error } from '@sveltejs/kit';
import { loadOverview } from '$lib/server/overview';
import { formatDateTime } from '$lib/dates';
import { t } from '$lib/messages';
import type { RequestHandler } from './$types';

const cell = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

// Semicolons and a byte-order mark, as Danish Excel expects.
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(404, { message: t.errors.notFound });
	const o = await loadOverview(locals.pb, params.id, locals.user!.id);
	const header = [
		'Organisation',
		'Navn',
		'Titel',
		'Rolle',
		'Svar',
		'Suppleant',
		'Tidspunkt',
		'Note',
		'Besvaret af',
		'Opdateret'
	];
	const rows = o.everyone.map((p) => [
		p.organization,
		p.name,
		p.title,
		t.roles[p.role] ?? '',
		p.answer ? t.attendance.status[p.answer.status] : t.overview.unanswered,
		p.answer?.substitute ?? '',
		p.answer?.partial ?? '',
		p.answer?.note ?? '',
		p.answer ? (p.answer.byOther ? t.attendance.recordedBy : p.name) : '',
		p.answer?.updated ? formatDateTime(p.answer.updated) : ''
	]);
	const body = '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="fremmoede-${params.id}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
