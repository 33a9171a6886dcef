// Protected attachments of agenda items: a file is served only with a file token of someone who may
// read the item (the item's view rule applies), never across groups or to an anonymous request.
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createAgendaItem,
	createCast,
	createMembership,
	createUser,
	daysFromNow,
	people,
	type AgendaItem,
	type Cast,
	type Membership
} from '../support/factories';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

type Where = keyof Cast['meetings'];

let server: TestPocketBase;
let cast: Cast;
/** One agenda item with one attachment per meeting of the cast. */
let items: Record<Where, AgendaItem>;

const content = (where: Where) => `Bilag til punktet (${where}): fortroligt udkast.`;

beforeAll(async () => {
	server = await startTestPocketBase();
	cast = await createCast(server.admin);
	const wheres: Where[] = ['published', 'other', 'draft', 'minutes', 'ofOtherGroup'];
	const made = await Promise.all(
		wheres.map((where) =>
			createAgendaItem(cast.admin, {
				meeting: cast.meetings[where].id,
				attachment: { name: 'bilag.txt', content: content(where) }
			})
		)
	);
	items = Object.fromEntries(wheres.map((where, i) => [where, made[i]])) as Record<Where, AgendaItem>;
});

afterAll(async () => {
	await server?.stop();
});

/** Fetches the item's first attachment as `pb`'s user, with a fresh file token (or none). */
async function download(pb: PocketBase | null, item: AgendaItem): Promise<{ status: number; body: string }> {
	const token = pb ? await pb.files.getToken() : undefined;
	const url = cast.admin.files.getURL(item, item.attachments[0], token ? { token } : {});
	const res = await fetch(url);
	return { status: res.status, body: await res.text() };
}

describe('protected attachments: reading', () => {
	it('gives a member the file with their file token', async () => {
		const res = await download(cast.as('member'), items.published);
		expect(res).toEqual({ status: 200, body: content('published') });
	});

	it('refuses the file to an anonymous request without a token', async () => {
		const res = await download(null, items.published);
		expect(res.status).toBeOneOf([403, 404]);
		expect(res.body).not.toContain('fortroligt');
	});

	it('refuses the file with a made-up token', async () => {
		const url = cast.admin.files.getURL(items.published, items.published.attachments[0], { token: 'not-a-token' });
		const res = await fetch(url);
		expect(res.status).toBeOneOf([403, 404]);
	});

	it.each(people('outsider', 'otherSecretariat', 'former'))(
		'refuses the file to %s even with their own token',
		async (_label, who) => {
			const res = await download(cast.as(who), items.published);
			expect(res.status).toBeOneOf([403, 404]);
			expect(res.body).not.toContain('fortroligt');
		}
	);

	it('refuses a member the file of another group’s item even with a valid token', async () => {
		const res = await download(cast.as('member'), items.ofOtherGroup);
		expect(res.status).toBeOneOf([403, 404]);
	});

	it('gives a member of the other group that group’s own file', async () => {
		const res = await download(cast.as('outsider'), items.ofOtherGroup);
		expect(res).toEqual({ status: 200, body: content('ofOtherGroup') });
	});

	it('gives a guest the files of their own meeting and not of another meeting', async () => {
		const guest = cast.as('guest');
		expect(await download(guest, items.published)).toEqual({ status: 200, body: content('published') });
		expect((await download(guest, items.other)).status).toBeOneOf([403, 404]);
	});

	it('refuses a member the files of a draft meeting but gives them to the secretariat', async () => {
		expect((await download(cast.as('member'), items.draft)).status).toBeOneOf([403, 404]);
		expect(await download(cast.as('secretariat'), items.draft)).toEqual({ status: 200, body: content('draft') });
	});

	it('stops serving files to a member whose membership has ended since the token was made', async () => {
		const person = await createUser(cast.admin, { organization: cast.organizations.a.id });
		const membership = await createMembership(cast.admin, {
			user: person.record.id,
			group: cast.groups.a.id,
			role: 'member'
		});
		const token = await person.pb.files.getToken();
		const url = cast.admin.files.getURL(items.published, items.published.attachments[0], { token });
		expect((await fetch(url)).status).toBe(200);
		await cast.admin.collection('memberships').update<Membership>(membership.id, { ends: daysFromNow(-0.01) });
		expect((await fetch(url)).status).toBeOneOf([403, 404]);
	});
});

describe('protected attachments: writing', () => {
	// A PDF: the item editor's hook takes only PDF and Office files from the secretariat.
	function upload(name: string): FormData {
		const form = new FormData();
		form.append('attachments+', new Blob(['%PDF-1.4 Nyt bilag'], { type: 'application/pdf' }), name);
		return form;
	}

	it('lets the secretariat attach another file to an item', async () => {
		const item = await createAgendaItem(cast.admin, {
			meeting: cast.meetings.published.id,
			attachment: { name: 'første.txt', content: 'Første bilag' }
		});
		const updated = await cast
			.as('secretariat')
			.collection('agenda_items')
			.update<AgendaItem>(item.id, upload('andet.pdf'));
		expect(updated.attachments).toHaveLength(2);
		expect(await download(cast.as('member'), { ...updated, attachments: [updated.attachments[1]] })).toEqual({
			status: 200,
			body: '%PDF-1.4 Nyt bilag'
		});
	});

	it.each(people('anon', 'member', 'guest', 'outsider', 'otherSecretariat'))(
		'refuses to let %s attach a file to an item of the group',
		async (_label, who) => {
			await expect(
				cast.as(who).collection('agenda_items').update(items.published.id, upload('indsmuglet.pdf'))
			).rejects.toMatchObject({ status: 404 });
			const stored = await cast.admin.collection('agenda_items').getOne<AgendaItem>(items.published.id);
			expect(stored.attachments).toEqual(items.published.attachments);
		}
	);

	it('refuses to let a member of the group remove an attachment', async () => {
		await expect(
			cast
				.as('member')
				.collection('agenda_items')
				.update(items.published.id, { 'attachments-': items.published.attachments })
		).rejects.toMatchObject({ status: 404 });
		const stored = await cast.admin.collection('agenda_items').getOne<AgendaItem>(items.published.id);
		expect(stored.attachments).toEqual(items.published.attachments);
	});
});
