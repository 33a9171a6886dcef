import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/csv';
import { formatSortableDateTime, localDateKey } from '$lib/dates';
import { contentDisposition, slug } from '$lib/server/content-disposition';
import { loadOverview } from '$lib/server/overview';
import { t } from '$lib/messages';
import type { RequestHandler } from './$types';

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
		// Sorts and filters as a date in a spreadsheet, unlike "tirsdag den 5. januar 2027 kl. 14.32".
		p.answer?.updated ? formatSortableDateTime(p.answer.updated) : ''
	]);
	// "fremmøde-klyngestyregruppen-for-midtklyngen-2027-01-08.csv": whose meeting, and which day.
	const fileName = `${t.overview.csvFilePrefix}-${slug(o.meeting.groupName)}-${localDateKey(o.meeting.starts)}.csv`;
	return new Response(toCsv([header, ...rows]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': contentDisposition('attachment', fileName),
			'cache-control': 'private, no-store'
		}
	});
};
