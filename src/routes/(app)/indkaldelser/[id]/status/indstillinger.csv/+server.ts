import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/csv';
import { contentDisposition, slug } from '$lib/server/content-disposition';
import { loadTracker } from '$lib/server/nomination-tracker';
import { t } from '$lib/messages';
import { nominationAdmin } from '$lib/messages/da-nomination-admin';
import type { RequestHandler } from './$types';

/** The call's answers for a spreadsheet: one row per named person, "melder ingen" and not answered. */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(404, { message: t.errors.notFound });
	const o = await loadTracker(locals.pb, params.id, locals.user.id);
	const m = nominationAdmin;
	const rows: string[][] = [];
	for (const row of o.rows) {
		const org = row.organization.name;
		if (row.none) rows.push([org, '', m.noneAnswer, '', '', '', '', '', '']);
		else if (!row.answered) rows.push([org, '', m.notAnswered, '', '', '', '', '', '']);
		for (const cell of row.cells) {
			for (const n of cell.nominees) {
				rows.push([
					org,
					cell.forumName,
					m.named,
					n.name,
					n.title,
					n.email,
					n.phone,
					n.response ? m[n.response] : m.awaiting,
					n.nominatedBy
				]);
			}
		}
	}
	// "indmeldinger-deltagere-til-3-fora.csv": named after the call.
	const fileName = `${m.csvFilePrefix}-${slug(o.call.title)}.csv`;
	return new Response(toCsv([m.csvHeader, ...rows]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': contentDisposition('attachment', fileName),
			'cache-control': 'private, no-store'
		}
	});
};
