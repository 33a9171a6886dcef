// Nomination calls attacked through the app as an outsider would: form posts with forged hidden
// fields, the secretariat's actions posted by a member or a chair, the CSV and the live stream of
// another organisation's or group's call, drafts, the edit form, `?punkt=` with another group's item,
// a replayed confirm link after the group was composed, and a visitor who is not logged in. Each
// attacker is a request context of its own, logged in through the password form; what PocketBase
// holds afterwards is read by the superuser. The chair's tracker (reads, no buttons) in a real browser.
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import PocketBase from 'pocketbase';
import { TrackerPage } from './pages/tracker-page';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { logIn } from './support/shortcuts';
import type { StackInfo } from './support/stack-info';

const STEERING_GROUP = 'Klyngestyregruppen for Midtklyngen';
const THEME_GROUP = 'Temagruppen for den voksne patient';
/** Members of the steering group: another organisation (Silkeborg) and a co-chair (Skive). */
const TORBEN = 'torben.ravn@silkeborg.example';
const CHAIR = 'soeren.lykke@skive.example';
const SECRET = { name: 'Hemmelig Hansen', email: 'hemmelig.hansen@hemidt.example' };

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace('T', ' ');

async function superuser(stack: StackInfo): Promise<PocketBase> {
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	return pb;
}

/** A request context logged in as `email` through the password form (its cookies kept in it). */
async function session(stack: StackInfo, email?: string): Promise<APIRequestContext> {
	const ctx = await playwrightRequest.newContext({ baseURL: stack.url });
	if (email) {
		const res = await ctx.post('/login?/password', {
			form: { email, password: stack.password },
			headers: { origin: stack.url, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status(), `login as ${email}`).toBe(303);
	}
	return ctx;
}

/** Posts a form action the way SvelteKit's enhanced forms do; the action's result type and status. */
async function act(ctx: APIRequestContext, stack: StackInfo, path: string, form: Record<string, string>) {
	const res = await ctx.post(path, {
		form,
		headers: { origin: stack.url, accept: 'application/json', 'x-sveltekit-action': 'true' },
		maxRedirects: 0
	});
	if (res.status() === 303 || res.status() === 302) return { type: 'redirect', status: res.status(), text: '' };
	const text = await res.text();
	const body = JSON.parse(text) as { type: string; status?: number };
	return { type: body.type, status: body.status ?? res.status(), text };
}

type Fixture = Awaited<ReturnType<typeof buildCalls>>;

/** An open call (two fora) with HE Midt's secret nominee, a draft, and an open call of the theme group. */
async function buildCalls(stack: StackInfo) {
	const pb = await superuser(stack);
	const group = (name: string) => pb.collection('groups').getFirstListItem(pb.filter('name = {:name}', { name }));
	const org = (name: string) => pb.collection('organizations').getFirstListItem(pb.filter('name = {:name}', { name }));
	const [steering, theme, heMidt, silkeborg] = await Promise.all([
		group(STEERING_GROUP),
		group(THEME_GROUP),
		org('Hospitalsenhed Midt'),
		org('Silkeborg Kommune')
	]);
	const susanne = await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: stack.member.email }));
	const call = (groupId: string, title: string, status = 'open') =>
		pb.collection('nomination_calls').create({
			group: groupId,
			title,
			eligibility: 'all',
			required: false,
			deadline: dayFromNow(14),
			status
		});
	const stamp = Date.now().toString(36);
	const [open, draft, ofTheme] = await Promise.all([
		call(steering.id, `Angreb ${stamp}`),
		call(steering.id, `Kladde ${stamp}`, 'draft'),
		call(theme.id, `Temagruppens ${stamp}`)
	]);
	const [forum, forum2, draftForum, themeForum] = await Promise.all([
		pb.collection('nomination_fora').create({ call: open.id, name: 'Forum A', quota: 3, position: 0 }),
		pb.collection('nomination_fora').create({ call: open.id, name: 'Forum B', quota: 3, position: 1 }),
		pb.collection('nomination_fora').create({ call: draft.id, name: 'Kladdeforum', quota: 3, position: 0 }),
		pb.collection('nomination_fora').create({ call: ofTheme.id, name: 'Temaforum', quota: 3, position: 0 })
	]);
	const secret = await pb.collection('nominations').create({
		call: open.id,
		forum: forum.id,
		organization: heMidt.id,
		kind: 'nominee',
		nominee_name: SECRET.name,
		nominee_title: 'Overlæge',
		nominee_email: SECRET.email,
		nominated_by: susanne.id
	});
	const themeItem = await pb
		.collection('agenda_items')
		.getFirstListItem(pb.filter('meeting = {:m}', { m: stack.themeMeeting.id }), { sort: 'position' });
	return { pb, open, draft, ofTheme, forum, forum2, draftForum, themeForum, secret, heMidt, silkeborg, themeItem };
}

let f: Fixture;
let stackRef: StackInfo;
const sessions: Record<string, APIRequestContext> = {};
const as = async (email: string) => (sessions[email] ??= await session(stackRef, email));

test.beforeAll(async ({ stack }) => {
	stackRef = stack;
	f = await buildCalls(stack);
});

test.afterAll(async () => {
	for (const ctx of Object.values(sessions)) await ctx.dispose();
});

/** The secret nomination as PocketBase holds it now. */
const secretNow = () => f.pb.collection('nominations').getOne(f.secret.id);
const nominationsOf = (callId: string) =>
	f.pb.collection('nominations').getFullList({ filter: f.pb.filter('call = {:callId}', { callId }) });

test.describe('forged fields in the quick form', () => {
	test("another organisation's member cannot withdraw HE Midt's nominee by posting its id", async ({ stack }) => {
		const res = await act(await as(TORBEN), stack, `/indkaldelser/${f.open.id}?/withdraw`, { id: f.secret.id });
		expect(res).toMatchObject({ type: 'error', status: 404 });
		expect((await secretNow()).nominee_name).toBe(SECRET.name);
	});

	test("another organisation's member cannot change HE Midt's nominee by posting its id", async ({ stack }) => {
		const res = await act(await as(TORBEN), stack, `/indkaldelser/${f.open.id}?/change`, {
			id: f.secret.id,
			name: 'Overtaget',
			title: 'x',
			email: 'ond@example.com'
		});
		expect(res).toMatchObject({ type: 'error', status: 404 });
		expect((await secretNow()).nominee_email).toBe(SECRET.email);
	});

	test('a forum of another call is refused beside the forum, and nothing is stored', async ({ stack }) => {
		const res = await act(await as(TORBEN), stack, `/indkaldelser/${f.open.id}?/nominate`, {
			forum: f.themeForum.id,
			who: 'other',
			name: 'Forkert Forum',
			title: 'Konsulent'
		});
		expect(res).toMatchObject({ type: 'failure', status: 400 });
		expect(res.text).toContain('forum');
		const stored = await f.pb.collection('nominations').getFullList({
			filter: f.pb.filter('nominee_name = {:n}', { n: 'Forkert Forum' })
		});
		expect(stored).toEqual([]);
	});

	test("an added organization and nominated_by are ignored: the nomination is the member's own", async ({ stack }) => {
		const res = await act(await as(TORBEN), stack, `/indkaldelser/${f.open.id}?/nominate`, {
			forum: f.forum2.id,
			who: 'other',
			name: 'Indsmuglet Ingeborg',
			title: 'Konsulent',
			email: 'ingeborg@silkeborg.example',
			organization: f.heMidt.id,
			nominated_by: f.secret.nominated_by,
			call: f.ofTheme.id
		});
		expect(res, res.text).toMatchObject({ type: 'redirect' });
		const stored = await f.pb
			.collection('nominations')
			.getFirstListItem(f.pb.filter('nominee_name = {:n}', { n: 'Indsmuglet Ingeborg' }), { expand: 'nominated_by' });
		expect(stored.call).toBe(f.open.id);
		expect(stored.organization).toBe(f.silkeborg.id);
		expect(stored.expand?.nominated_by?.email).toBe(TORBEN);
	});

	test('a person of another organisation offered as a colleague is refused, and nothing is stored', async ({
		stack
	}) => {
		const susanne = await f.pb
			.collection('users')
			.getFirstListItem(f.pb.filter('email = {:e}', { e: stack.member.email }));
		const before = (await nominationsOf(f.open.id)).length;
		const res = await act(await as(TORBEN), stack, `/indkaldelser/${f.open.id}?/nominate`, {
			forum: f.forum2.id,
			who: `user:${susanne.id}`
		});
		expect(res).toMatchObject({ type: 'failure', status: 400 });
		expect(await nominationsOf(f.open.id)).toHaveLength(before);
	});

	test('a form posted from another site is refused before it reaches the call', async () => {
		const res = await (
			await as(TORBEN)
		).post(`/indkaldelser/${f.open.id}?/none`, {
			form: {},
			headers: { origin: 'https://evil.example', accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status()).toBe(403);
		const answers = await nominationsOf(f.open.id);
		expect(answers.filter((n) => n.organization === f.silkeborg.id && n.kind === 'none')).toEqual([]);
	});

	test("a draft call and another group's call take no nominations and answer 404", async ({ stack }) => {
		for (const [who, callId, forum] of [
			[TORBEN, f.draft.id, f.draftForum.id],
			[TORBEN, f.ofTheme.id, f.themeForum.id],
			[stack.themeMember.email, f.open.id, f.forum.id]
		]) {
			for (const action of ['nominate', 'none']) {
				const res = await act(await as(who), stack, `/indkaldelser/${callId}?/${action}`, {
					forum,
					who: 'self'
				});
				expect(res, `${who} ${action} on ${callId}`).toMatchObject({ type: 'error', status: 404 });
			}
		}
		expect(await nominationsOf(f.draft.id)).toHaveLength(0);
		expect(await nominationsOf(f.ofTheme.id)).toHaveLength(0);
	});
});

test.describe("the secretariat's actions, posted by others", () => {
	const ACTIONS: [string, Record<string, string>][] = [
		['close', {}],
		['reopen', {}],
		['extend', { deadline_date: dayFromNow(40).slice(0, 10) }],
		['remind', { confirm: 'yes' }],
		['onBehalf', { organization: '', forum: '', nominee_name: 'På Vegne', nominee_title: 'x' }]
	];
	for (const [label, email] of [
		['a member', TORBEN],
		['the co-chair', CHAIR],
		['a member of another group', 'themeMember']
	] as const) {
		test(`${label} is refused every tracker action and the compose action, and nothing changes`, async ({ stack }) => {
			const who = email === 'themeMember' ? stack.themeMember.email : email;
			const ctx = await as(who);
			for (const [action, form] of ACTIONS) {
				const body = action === 'onBehalf' ? { ...form, organization: f.silkeborg.id, forum: f.forum.id } : form;
				const res = await act(ctx, stack, `/indkaldelser/${f.open.id}/status?/${action}`, body);
				expect(res, action).toMatchObject({ type: 'error', status: 404 });
			}
			const compose = await act(ctx, stack, `/indkaldelser/${f.open.id}/sammensaet?/compose`, {
				forum: f.forum.id,
				nominations: f.secret.id,
				target: 'new',
				name: 'Kuppet gruppe'
			});
			expect(compose).toMatchObject({ type: 'error', status: 404 });
			const call = await f.pb.collection('nomination_calls').getOne(f.open.id);
			expect(call.status).toBe('open');
			expect(call.deadline).toBe(f.open.deadline);
			expect((await nominationsOf(f.open.id)).map((n) => n.nominee_name)).not.toContain('På Vegne');
			const logs = await f.pb.collection('reminder_log').getFullList({
				filter: f.pb.filter('call = {:id}', { id: f.open.id })
			});
			expect(logs).toEqual([]);
		});
	}
});

test.describe('pages and files of a call, read by those who may not', () => {
	test("the CSV and the live stream answer 404 to another organisation's member, another group and a visitor", async ({
		stack
	}) => {
		const paths = [`/indkaldelser/${f.open.id}/status/indstillinger.csv`, `/indkaldelser/${f.open.id}/status/live`];
		for (const who of [TORBEN, stack.themeMember.email, undefined]) {
			const ctx = who ? await as(who) : await session(stack);
			for (const path of paths) {
				const res = await ctx.get(path, { maxRedirects: 0 });
				const text = res.status() === 200 ? '' : await res.text();
				expect([303, 404], `${who ?? 'visitor'} ${path}`).toContain(res.status());
				expect(text).not.toContain(SECRET.name);
			}
			if (!who) await ctx.dispose();
		}
	});

	test("the co-chair's CSV holds counts of other organisations, never HE Midt's nominee", async () => {
		const res = await (await as(CHAIR)).get(`/indkaldelser/${f.open.id}/status/indstillinger.csv`);
		expect(res.status()).toBe(200);
		const csv = await res.text();
		expect(csv).toContain('Viborg Kommune');
		expect(csv).not.toContain(SECRET.name);
		expect(csv).not.toContain(SECRET.email);
	});

	test("another organisation's member sees HE Midt's answer as a count, not the nominee's name", async () => {
		const html = await (await (await as(TORBEN)).get(`/indkaldelser/${f.open.id}`)).text();
		expect(html).toContain(f.open.title);
		expect(html).not.toContain(SECRET.name);
		expect(html).not.toContain(SECRET.email);
	});

	test("drafts, the edit form, the new-call form and another group's item answer 404 to members and the co-chair", async ({
		stack
	}) => {
		const cases: [string, string][] = [
			[TORBEN, `/indkaldelser/${f.draft.id}`],
			[CHAIR, `/indkaldelser/${f.draft.id}`],
			[TORBEN, `/indkaldelser/${f.open.id}/rediger`],
			[CHAIR, `/indkaldelser/${f.open.id}/rediger`],
			[TORBEN, `/indkaldelser/${f.open.id}/sammensaet`],
			[CHAIR, `/indkaldelser/${f.open.id}/sammensaet`],
			[TORBEN, `/indkaldelser/${f.open.id}/status`],
			[TORBEN, '/indkaldelser/ny'],
			[CHAIR, `/indkaldelser/ny?punkt=${f.themeItem.id}`],
			[stack.secretariat.email, `/indkaldelser/ny?punkt=${f.themeItem.id}`],
			[stack.themeMember.email, `/indkaldelser/${f.open.id}`]
		];
		for (const [who, path] of cases) {
			const res = await (await as(who)).get(path, { maxRedirects: 0 });
			expect(res.status(), `${who} ${path}`).toBe(404);
			expect(await res.text()).not.toContain(f.draft.title);
		}
	});

	test('posting a call for another group from the new-call form is refused beside the group', async ({ stack }) => {
		const theme = await f.pb
			.collection('groups')
			.getFirstListItem(f.pb.filter('name = {:name}', { name: THEME_GROUP }));
		const title = `Fremmed gruppe ${Date.now()}`;
		const res = await act(await as(stack.secretariat.email), stack, '/indkaldelser/ny?/save', {
			group: theme.id,
			title,
			eligibility: 'all',
			deadline_date: dayFromNow(20).slice(0, 10),
			forum_name: 'Et forum',
			forum_quota: '1'
		});
		expect(res).toMatchObject({ type: 'failure', status: 400 });
		const made = await f.pb
			.collection('nomination_calls')
			.getFullList({ filter: f.pb.filter('title = {:title}', { title }) });
		expect(made).toEqual([]);
	});

	test("the call form's forum ids of another call neither change nor remove that call's fora", async ({ stack }) => {
		const own = await f.pb.collection('nomination_calls').create({
			group: f.open.group,
			title: `Egen kladde ${Date.now()}`,
			eligibility: 'all',
			deadline: dayFromNow(10),
			status: 'draft'
		});
		const ownForum = await f.pb.collection('nomination_fora').create({ call: own.id, name: 'Eget forum', quota: 1 });
		const form = (title: string) => ({
			title,
			eligibility: 'all',
			required: 'no',
			deadline_date: dayFromNow(20).slice(0, 10),
			deadline_time: '',
			forum_id_0: ownForum.id,
			forum_name_0: 'Eget forum',
			forum_quota_0: '1',
			forum_id_1: f.forum.id,
			forum_name_1: 'Kapret forum',
			forum_quota_1: '9',
			forum_id_2: f.forum2.id,
			forum_name_2: '',
			forum_quota_2: '1'
		});
		const sofie = await as(stack.secretariat.email);
		const edited = await act(sofie, stack, `/indkaldelser/${own.id}/rediger?/save`, form(own.title));
		expect(edited, edited.text).toMatchObject({ type: 'redirect' });
		const created = await act(sofie, stack, '/indkaldelser/ny?/save', {
			...form(`Ny ${own.title}`),
			group: f.open.group
		});
		expect(created, created.text).toMatchObject({ type: 'redirect' });

		const [forum, forum2] = await Promise.all([
			f.pb.collection('nomination_fora').getOne(f.forum.id),
			f.pb.collection('nomination_fora').getOne(f.forum2.id)
		]);
		expect([forum.call, forum.name, forum.quota]).toEqual([f.open.id, f.forum.name, f.forum.quota]);
		expect(forum2.call).toBe(f.open.id);
		const ownFora = await f.pb
			.collection('nomination_fora')
			.getFullList({ filter: f.pb.filter('call = {:id}', { id: own.id }), sort: 'position' });
		expect(ownFora.map((x) => [x.name, x.quota])).toEqual([
			['Eget forum', 1],
			['Kapret forum', 9]
		]);
	});

	test('a visitor who is not logged in is sent to the login, which brings them back to the call', async ({ stack }) => {
		const ctx = await session(stack);
		const before = (await nominationsOf(f.open.id)).length;
		const res = await ctx.get(`/indkaldelser/${f.open.id}`, { maxRedirects: 0 });
		expect(res.status()).toBe(303);
		const location = res.headers()['location'];
		expect(location).toBe(`/login?til=${encodeURIComponent(`/indkaldelser/${f.open.id}`)}`);
		const post = await ctx.post(`/indkaldelser/${f.open.id}?/none`, {
			form: {},
			headers: { origin: stack.url, accept: 'text/html' },
			maxRedirects: 0
		});
		expect([303, 401, 403]).toContain(post.status());
		expect(await nominationsOf(f.open.id)).toHaveLength(before);
		const login = await ctx.post(`/login?/password`, {
			form: { email: TORBEN, password: stack.password, til: `/indkaldelser/${f.open.id}` },
			headers: { origin: stack.url, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(login.headers()['location']).toBe(`/indkaldelser/${f.open.id}`);
		await ctx.dispose();
	});
});

test("the nominee's link, replayed after the group was composed, says so in Danish and changes nothing", async ({
	stack
}) => {
	const pb = f.pb;
	const closed = await pb.collection('nomination_calls').create({
		group: f.open.group,
		title: `Sammensat ${Date.now()}`,
		eligibility: 'all',
		deadline: dayFromNow(3),
		status: 'open'
	});
	const forum = await pb.collection('nomination_fora').create({ call: closed.id, name: 'Arbejdsgruppe', quota: 2 });
	const token = `replay${Date.now().toString(36)}`.padEnd(44, 'x');
	const n = await pb.collection('nominations').create({
		call: closed.id,
		forum: forum.id,
		organization: f.heMidt.id,
		kind: 'nominee',
		nominee_name: 'Genbrugt Link',
		nominee_title: 'Konsulent',
		nominee_email: `genbrugt.${Date.now()}@hemidt.example`,
		response_token: token
	});
	await pb.collection('nomination_calls').update(closed.id, { status: 'closed' });
	const sofie = new PocketBase(stack.pbUrl);
	await sofie.collection('users').authWithPassword(stack.secretariat.email, stack.password);
	const composed = await sofie.send<{ group: string }>(`/api/klyngeportal/calls/${closed.id}/compose`, {
		method: 'POST',
		body: {
			forum: forum.id,
			nominations: [n.id],
			target: { kind: 'new', name: `Gruppe ${Date.now()}`, group_kind: 'arbejdsgruppe' }
		}
	});

	const visitor = await session(stack);
	const page = await visitor.get(`/indstilling/${token}`);
	expect(page.status()).toBe(410);
	expect(await page.text()).toContain('Gruppen er allerede sammensat');
	const post = await visitor.post(`/indstilling/${token}?/decline`, {
		form: {},
		headers: { origin: stack.url, accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(post.status()).toBe(410);
	expect(await post.json()).toMatchObject({ type: 'error' });
	expect((await pb.collection('nominations').getOne(n.id)).response).toBe('');
	await visitor.dispose();
	// The new group made the secretariat the secretariat of two groups, which changes its new-call
	// form for the tests after this one: it goes again.
	await pb.collection('groups').delete(composed.group);
});

test('the co-chair reads the tracker without any action, and an action they post is refused', async ({
	page,
	stack
}) => {
	await logIn(page, { email: CHAIR }, stack.password);
	const tracker = new TrackerPage(page);
	await tracker.goto(f.open.id);
	await expect(tracker.heading).toContainText(f.open.title);
	await expect(tracker.row('Hospitalsenhed Midt')).toBeVisible();
	await expect(tracker.row('Hospitalsenhed Midt')).not.toContainText(SECRET.name);
	await expect(tracker.csvLink).toBeVisible();
	for (const hidden of [
		tracker.remindButton,
		tracker.closeButton,
		tracker.reopenButton,
		tracker.extendButton,
		tracker.composeLink,
		tracker.editLink,
		tracker.onBehalf
	]) {
		await expect(hidden).toHaveCount(0);
	}
	// The only buttons are the header's own (log out).
	expect((await page.getByRole('button').allInnerTexts()).filter((b) => !b.startsWith('Log ud'))).toEqual([]);
	await expectNoAxeViolations(page);

	// The same browser posts "Luk indkaldelse" anyway.
	const res = await page.request.post(`/indkaldelser/${f.open.id}/status?/close`, {
		form: {},
		headers: { origin: stack.url, accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(res.status()).toBe(404);
	expect(await res.json()).toMatchObject({ type: 'error' });
	expect((await f.pb.collection('nomination_calls').getOne(f.open.id)).status).toBe('open');
});
