// One agenda item's editor (issue 10): only the group's secretariat changes an item's texts and
// attachments; PocketBase's hook (pb_hooks/item-editor.pb.js) refuses files of the wrong type, with
// a forged content or over 20 MB even when written straight to the API, keeps the titles tied to the
// item's own files, and writes an audit entry for every attachment added, renamed or removed once
// the agenda is published.
import PocketBase, { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createAgendaItem,
	createCast,
	createMembership,
	createUser,
	people,
	type AgendaItem,
	type Cast,
	type Person
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

const PDF = '%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n';
const ZIP = 'PK\u0003\u0004 office';
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
const MAX = 20 * 1000 * 1000;

let server: TestPocketBase;
let cast: Cast;
let chair: Person;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	chair = await createUser(cast.admin, { organization: cast.organizations.a.id, name: 'Frida Formand' });
	await createMembership(cast.admin, { user: chair.record.id, group: cast.groups.a.id, role: 'chair' });
	// The chair may read the draft: sharing opens reading, never writing.
	await cast.admin.collection('meetings').update(cast.meetings.draft.id, { share_with_chairs: true });
});

afterAll(async () => {
	await server?.stop();
});

type Who = Parameters<Cast['as']>[0] | 'chair';
const as = (who: Who): PocketBase => (who === 'chair' ? chair.pb : cast.as(who));

/** A form that adds files (name → content), with titles keyed as given. */
function upload(files: Record<string, BlobPart>, titles?: Record<string, string>): FormData {
	const form = new FormData();
	for (const [name, content] of Object.entries(files)) form.append('attachments+', new Blob([content]), name);
	if (titles) form.append('attachment_titles', JSON.stringify(titles));
	return form;
}

const stored = (item: AgendaItem) => cast.admin.collection('agenda_items').getOne<AgendaItem>(item.id);

async function refusal(
	write: Promise<unknown>
): Promise<{ status: number; data: Record<string, { code: string; message: string }> }> {
	try {
		await write;
	} catch (err) {
		if (err instanceof ClientResponseError) return { status: err.status, data: err.response.data ?? {} };
		throw err;
	}
	throw new Error('the write was not refused');
}

// The item's entries written by people (the editor hook's own entry for the superuser's creation of
// the item in a published meeting, with no actor, is not what these tests are about).
const auditOf = (item: AgendaItem) =>
	cast.admin
		.collection('audit_log')
		.getFullList<{ summary: string; actor: string; meeting: string; group: string; collection: string }>({
			filter: cast.admin.filter('record = {:id} && actor != ""', { id: item.id }),
			sort: 'created'
		});

describe('item editor: who may change an item', () => {
	it('lets the secretariat change the texts and attach a PDF with its title', async () => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.published.id });
		const secretariat = as('secretariat').collection('agenda_items');
		await secretariat.update(item.id, { recommendation: 'Styregruppen **godkender** planen.' });
		const updated = await secretariat.update<AgendaItem>(
			item.id,
			upload({ 'Strategi 2023.pdf': PDF }, { 'Strategi 2023.pdf': 'Strategi for klyngen' })
		);
		expect(updated.recommendation).toBe('Styregruppen **godkender** planen.');
		expect(updated.attachments).toHaveLength(1);
		expect(updated.attachments[0]).toMatch(/^strategi_2023_[a-z0-9]{10}\.pdf$/);
		expect(updated.attachment_titles).toEqual({ [updated.attachments[0]]: 'Strategi for klyngen' });
	});

	it.each([
		...people('anon', 'member', 'guest', 'outsider', 'otherSecretariat', 'former'),
		['the group’s chair', 'chair'] as [string, Who]
	])('refuses to let %s change texts, add, rename or remove attachments', async (_label, who) => {
		const item = await createAgendaItem(cast.admin, {
			meeting: cast.meetings.draft.id,
			attachment: { name: 'bilag.pdf', content: PDF, type: 'application/pdf' }
		});
		const before = await stored(item);
		const items = as(who as Who).collection('agenda_items');
		await expect(items.update(item.id, { background: 'Ændret af en uvedkommende' })).rejects.toMatchObject({
			status: 404
		});
		await expect(items.update(item.id, upload({ 'indsmuglet.pdf': PDF }))).rejects.toMatchObject({ status: 404 });
		await expect(
			items.update(item.id, { attachment_titles: { [before.attachments[0]]: 'Omdøbt' } })
		).rejects.toMatchObject({ status: 404 });
		await expect(items.update(item.id, { 'attachments-': before.attachments })).rejects.toMatchObject({
			status: 404
		});
		expect(await stored(item)).toMatchObject({
			background: before.background,
			attachments: before.attachments,
			attachment_titles: before.attachment_titles
		});
	});

	it('refuses another group’s secretariat an item of group A even on a published meeting', async () => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.published.id });
		await expect(
			as('otherSecretariat')
				.collection('agenda_items')
				.update(item.id, upload({ 'a.pdf': PDF }))
		).rejects.toMatchObject({ status: 404 });
		expect((await stored(item)).attachments).toEqual([]);
	});
});

describe('item editor: which files an item may hold', () => {
	it.each([
		['rapport.pdf', PDF],
		['notat.docx', ZIP],
		['budget.xlsx', ZIP],
		['slides.pptx', ZIP],
		['notat.odt', ZIP],
		['budget.ods', ZIP],
		['slides.odp', ZIP],
		['gammelt.doc', OLE],
		['gammelt.xls', OLE],
		['gammelt.ppt', OLE],
		['STORT.PDF', PDF]
	])('accepts %s with its signature', async (name, content) => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.draft.id });
		const updated = await as('secretariat')
			.collection('agenda_items')
			.update<AgendaItem>(item.id, upload({ [name]: content }));
		expect(updated.attachments).toHaveLength(1);
	});

	it.each([
		['noter.txt', 'type', 'tekst'],
		['side.html', 'type', '<script>alert(1)</script>'],
		['billede.png', 'type', '\u0089PNG'],
		['program.exe', 'type', 'MZ'],
		['uden-endelse', 'type', PDF],
		['falsk.pdf', 'forged', ZIP],
		['falsk.docx', 'forged', PDF],
		['falsk.doc', 'forged', ZIP],
		['side.pdf', 'forged', '<html>%PDF</html>'],
		['tom.pdf', 'forged', '']
	])('refuses %s (%s) beside the file field and stores nothing', async (name, code, content) => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.published.id });
		const refused = await refusal(
			as('secretariat')
				.collection('agenda_items')
				.update(item.id, upload({ [name]: content }))
		);
		expect(refused.status).toBe(400);
		expect(refused.data.attachments.code).toBe(code);
		expect(refused.data.attachments.message).toMatch(/^(Kun PDF- og Office-filer|Filen ‘)/);
		expect((await stored(item)).attachments).toEqual([]);
		expect(await auditOf(item)).toEqual([]);
	});

	it('refuses a file over 20 MB and accepts one of exactly 20 MB', async () => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.draft.id });
		const big = new Uint8Array(MAX + 1);
		big.set(new TextEncoder().encode('%PDF-1.4'));
		const refused = await refusal(
			as('secretariat')
				.collection('agenda_items')
				.update(item.id, upload({ 'stor.pdf': big }))
		);
		expect(refused.data.attachments).toEqual({
			code: 'too_large',
			message: 'Filen ‘stor.pdf’ fylder mere end 20 MB, som er det største, et bilag må fylde.'
		});
		expect((await stored(item)).attachments).toEqual([]);
		const updated = await as('secretariat')
			.collection('agenda_items')
			.update<AgendaItem>(item.id, upload({ 'netop.pdf': big.subarray(0, MAX) }));
		expect(updated.attachments).toHaveLength(1);
	});

	it('refuses a whole upload when one of its files is wrong', async () => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.published.id });
		const refused = await refusal(
			as('secretariat')
				.collection('agenda_items')
				.update(item.id, upload({ 'god.pdf': PDF, 'ond.pdf': 'MZ' }))
		);
		expect(refused.data.attachments.code).toBe('forged');
		expect((await stored(item)).attachments).toEqual([]);
	});

	it('refuses a new item created with a forged file', async () => {
		const form = upload({ 'falsk.pdf': 'MZ' });
		form.append('meeting', cast.meetings.draft.id);
		form.append('position', '900');
		form.append('title', 'Nyt punkt');
		const refused = await refusal(as('secretariat').collection('agenda_items').create(form));
		expect(refused.data.attachments.code).toBe('forged');
		const found = await cast.admin
			.collection('agenda_items')
			.getList(1, 1, { filter: cast.admin.filter('meeting = {:m} && position = 900', { m: cast.meetings.draft.id }) });
		expect(found.totalItems).toBe(0);
	});
});

describe('item editor: attachment titles', () => {
	it('renames, keeps titles not sent, drops titles of removed and foreign files', async () => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.draft.id });
		const items = as('secretariat').collection('agenda_items');
		const two = await items.update<AgendaItem>(
			item.id,
			upload({ 'a.pdf': PDF, 'b.pdf': PDF }, { 'a.pdf': 'Første', 'b.pdf': 'Anden' })
		);
		const [a, b] = two.attachments;
		expect(two.attachment_titles).toEqual({ [a]: 'Første', [b]: 'Anden' });
		const renamed = await items.update<AgendaItem>(item.id, {
			attachment_titles: { [a]: '  Første\u0000 bilag\n ', 'fremmed_abcdefghij.pdf': 'Fremmed' }
		});
		expect(renamed.attachment_titles).toEqual({ [a]: 'Første bilag', [b]: 'Anden' });
		const removed = await items.update<AgendaItem>(item.id, { 'attachments-': [a] });
		expect(removed.attachments).toEqual([b]);
		expect(removed.attachment_titles).toEqual({ [b]: 'Anden' });
	});

	it('refuses a title over 200 characters and titles that are not a map', async () => {
		const item = await createAgendaItem(cast.admin, {
			meeting: cast.meetings.draft.id,
			attachment: { name: 'bilag.pdf', content: PDF }
		});
		const items = as('secretariat').collection('agenda_items');
		const long = await refusal(
			items.update(item.id, { attachment_titles: { [item.attachments[0]]: 'x'.repeat(201) } })
		);
		expect(long.data.attachment_titles).toEqual({ code: 'too_long', message: 'En titel må højst være 200 tegn.' });
		const list = await refusal(items.update(item.id, { attachment_titles: ['Titel'] }));
		expect(list.data.attachment_titles.code).toBe('invalid');
		expect((await stored(item)).attachment_titles).toEqual({});
	});
});

describe('item editor: audit of attachments', () => {
	it('writes who added, renamed and removed an attachment of a published meeting, in Danish', async () => {
		const item = await createAgendaItem(cast.admin, { meeting: cast.meetings.published.id, position: 44 });
		const items = as('secretariat').collection('agenda_items');
		const added = await items.update<AgendaItem>(
			item.id,
			upload({ 'Strategi.pdf': PDF }, { 'Strategi.pdf': 'Strategi.pdf' })
		);
		await items.update(item.id, { attachment_titles: { [added.attachments[0]]: 'Strategi 2027' } });
		await items.update(item.id, { 'attachments-': added.attachments });
		const entries = await auditOf(item);
		expect(entries.map((e) => e.summary)).toEqual([
			'Punkt 44: nyt bilag ‘Strategi.pdf’',
			'Punkt 44: bilaget ‘Strategi.pdf’ hedder nu ‘Strategi 2027’',
			'Punkt 44: bilaget ‘Strategi 2027’ er fjernet'
		]);
		for (const entry of entries) {
			expect(entry).toMatchObject({
				actor: cast.people.secretariat.record.id,
				meeting: cast.meetings.published.id,
				group: cast.groups.a.id,
				collection: 'agenda_items'
			});
		}
	});

	it('writes no entry for the attachments of a draft', async () => {
		const draftItem = await createAgendaItem(cast.admin, { meeting: cast.meetings.draft.id });
		await as('secretariat')
			.collection('agenda_items')
			.update(draftItem.id, upload({ 'kladde.pdf': PDF }));
		expect(await auditOf(draftItem)).toEqual([]);
	});
});
