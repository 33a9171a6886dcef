// Nomination calls as members see them: "Dine frister" on home, the quick form (at most three taps
// from home), "Vi melder ingen ind", change and withdraw, what colleagues and other organisations
// see, the lock at the deadline, and the nominee's confirm page. Each test builds its own call in the
// steering group as the superuser, so the tests do not depend on the demo's calls.
import type { Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { CallPage } from './pages/call-page';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';
import type { StackInfo } from './support/stack-info';

const STEERING_GROUP = 'Klyngestyregruppen for Midtklyngen';
/** Demo people of the steering group (scripts/demo/midtklyngen.json). */
const SUSANNE = { email: 'susanne.jensen@hemidt.example', name: 'Susanne Krogh Jensen' };
const HANNE = { email: 'hanne.lund@hemidt.example', name: 'Hanne Marie Lund' };
const PERNILLE = { email: 'pernille.dalgaard@hemidt.example', name: 'Pernille Skov Dalgaard' };
const TORBEN = { email: 'torben.ravn@silkeborg.example', name: 'Torben Ravn' };
const GITTE = { email: 'gitte.winther@viborg.example', name: 'Gitte Winther' };
const CHARLOTTE = { email: 'charlotte.bang@silkeborg.example', name: 'Charlotte Bang' };

let sequence = 0;

async function superuser(stack: StackInfo): Promise<PocketBase> {
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	return pb;
}

/** A PocketBase client signed in as a demo person, for setting up what another person did. */
async function asPerson(stack: StackInfo, who: { email: string }): Promise<PocketBase> {
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	await pb.collection('users').authWithPassword(who.email, stack.password);
	return pb;
}

interface CallOptions {
	eligibility?: 'all' | 'sectors';
	eligible_sectors?: string[];
	/** Milliseconds from now; ten days by default. */
	deadlineIn?: number;
	fora?: string[];
	item?: string;
	description?: string;
}

/** An open call of the steering group with its fora, as the superuser; returns the ids. */
async function createCall(stack: StackInfo, title: string, options: CallOptions = {}) {
	const admin = await superuser(stack);
	const group = await admin
		.collection('groups')
		.getFirstListItem(admin.filter('name = {:name}', { name: STEERING_GROUP }), { fields: 'id' });
	const deadline = new Date(Date.now() + (options.deadlineIn ?? 10 * 86_400_000));
	const call = await admin.collection('nomination_calls').create({
		group: group.id,
		title: `${title} ${++sequence}-${Date.now() % 100000}`,
		description: options.description ?? 'Hver organisation kan melde 1 deltager ind til arbejdsgruppen.',
		eligibility: options.eligibility ?? 'all',
		eligible_sectors: options.eligible_sectors ?? [],
		item: options.item ?? '',
		deadline: deadline.toISOString().replace('T', ' '),
		status: 'open'
	});
	const fora: string[] = [];
	for (const [position, name] of (options.fora ?? ['Arbejdsgruppen']).entries()) {
		fora.push((await admin.collection('nomination_fora').create({ call: call.id, name, position, quota: 1 })).id);
	}
	return { id: call.id, title: String(call.title), fora, admin };
}

/** Names a person as `by`, through PocketBase as the app would (the hooks record the author). */
async function nominateAs(
	stack: StackInfo,
	by: { email: string },
	call: { id: string; fora: string[]; admin: PocketBase },
	nominee: { name: string; title?: string; email?: string }
) {
	const pb = await asPerson(stack, by);
	const me = pb.authStore.record!;
	const row = await pb.collection('nominations').create({
		call: call.id,
		forum: call.fora[0],
		organization: me.organization,
		kind: 'nominee',
		nominee_name: nominee.name,
		nominee_title: nominee.title ?? 'Konsulent',
		nominee_email: nominee.email ?? `${nominee.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.test`
	});
	return row.id;
}

async function expectFitsAt200Percent(page: Page) {
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	expect(await elementsWiderThanScreen(page), `elements wider than the screen on ${page.url()}`).toEqual([]);
	await page.evaluate(() => (document.documentElement.style.fontSize = ''));
}

test.describe('a member of an eligible organisation', () => {
	test('nominates a colleague from home in at most three taps', async ({ page, stack }) => {
		const call = await createCall(stack, 'Deltager til arbejdsgruppen');
		await logIn(page, SUSANNE, stack.password);
		let taps = 0;
		const deadlines = page.getByRole('region', { name: 'Dine frister' });
		await expect(deadlines.getByRole('link', { name: call.title })).toBeVisible();
		await expectNoAxeViolations(page);

		await deadlines.getByRole('link', { name: call.title }).click();
		taps++;
		const callPage = new CallPage(page);
		await expect(callPage.title).toHaveText(call.title);
		await expect(callPage.deadline).toHaveText(
			/^Senest \S+dag den \d+\. \S+ \d{4}( kl\. \d+\.\d\d)? — om (9|10) dage$/
		);
		const forum = callPage.forum();
		await expect(forum.seats).toHaveText('1 ledig plads for din organisation.');
		await expectNoAxeViolations(page);

		await forum.choice(new RegExp(HANNE.name)).check();
		taps++;
		await forum.nominateButton.click();
		taps++;

		await expect(callPage.saved).toHaveText('Indstillingen er gemt.');
		await expect(callPage.saved).toBeFocused();
		await expect(forum.nominee(HANNE.name)).toContainText(`${HANNE.name}, Oversygeplejerske`);
		await expect(forum.seats).toHaveText('Pladsen er besat for din organisation.');
		expect(taps).toBeLessThanOrEqual(3);
		await expectNoAxeViolations(page);

		// Answered: the call leaves "Dine frister".
		await page.goto('/');
		await expect(deadlines).toBeVisible();
		await expect(deadlines.getByRole('link', { name: call.title })).toHaveCount(0);
	});

	test('answers "Vi melder ingen ind" with one tap, and can take it back', async ({ page, stack }) => {
		const call = await createCall(stack, 'Melder ingen');
		await logIn(page, GITTE, stack.password);
		const callPage = new CallPage(page);
		await callPage.goto(call.id);
		await callPage.noneButton.click();
		await expect(callPage.answeredNone).toBeVisible();
		await expect(callPage.saved).toHaveText('Gemt: I melder ingen ind.');
		await expect(callPage.forum().nominateButton).toBeVisible();
		await expectNoAxeViolations(page);

		await page.goto('/indkaldelser');
		await expect(page.getByRole('listitem').filter({ hasText: call.title })).toContainText('I har svaret');
		await expectNoAxeViolations(page);

		await callPage.goto(call.id);
		await page.getByRole('button', { name: 'Fortryd "vi melder ingen ind"' }).click();
		await expect(callPage.answeredNone).toHaveCount(0);
		await expect(callPage.noneButton).toBeVisible();
	});

	test('names another person, sees a Danish message for a missing name, changes the title and withdraws', async ({
		page,
		stack
	}) => {
		const call = await createCall(stack, 'Anden person');
		await logIn(page, TORBEN, stack.password);
		const callPage = new CallPage(page);
		await callPage.goto(call.id);
		const forum = callPage.forum();

		await forum.someoneElse.check();
		await forum.field('Titel').fill('Sundhedschef');
		await forum.nominateButton.click();
		await expect(forum.root.getByText('Skriv personens navn.')).toBeVisible();
		await expect(forum.field('Navn')).toHaveAttribute('aria-invalid', 'true');
		await expect(forum.nominees).toHaveCount(0);

		await forum.someoneElse.check();
		await forum.field('Navn').fill('Lone Ny');
		await forum.field('Titel').fill('Sundhedschef');
		await forum.field('E-mail').fill('lone.ny@silkeborg.example');
		await forum.nominateButton.click();
		await expect(forum.nominee('Lone Ny')).toContainText('Sundhedschef');

		await forum.changeOf('Lone Ny').click();
		await forum.nominee('Lone Ny').getByLabel('Titel').fill('Direktør for sundhed');
		await forum.nominee('Lone Ny').getByRole('button', { name: 'Gem ændringer' }).click();
		await expect(forum.nominee('Lone Ny')).toContainText('Direktør for sundhed');
		await expect(callPage.saved).toHaveText('Indstillingen er gemt.');

		await forum.withdrawOf('Lone Ny').click();
		await expect(callPage.saved).toHaveText('Indstillingen er trukket tilbage.');
		await expect(forum.nominees).toHaveCount(0);
		await expect(forum.seats).toHaveText('1 ledig plads for din organisation.');
	});

	test('sees the call after its deadline without a form', async ({ page, stack }) => {
		const call = await createCall(stack, 'Udløber', { deadlineIn: 4_000 });
		await logIn(page, TORBEN, stack.password);
		await page.waitForTimeout(Math.max(0, 4_500));
		const callPage = new CallPage(page);
		await callPage.goto(call.id);
		await expect(callPage.closed).toBeVisible();
		await expect(callPage.deadline).toHaveText(/— udløbet$/);
		await expect(callPage.forum().nominateButton).toHaveCount(0);
		await expect(callPage.noneButton).toHaveCount(0);
		await expectNoAxeViolations(page);
	});

	test('of an organisation that is not eligible sees the call but no form', async ({ page, stack }) => {
		const call = await createCall(stack, 'Kun kommuner', { eligibility: 'sectors', eligible_sectors: ['kommune'] });
		await logIn(page, SUSANNE, stack.password);
		const callPage = new CallPage(page);
		await callPage.goto(call.id);
		await expect(callPage.notEligible).toBeVisible();
		await expect(callPage.forum().nominateButton).toHaveCount(0);
		// What is asked of the others, and no seats "for din organisation".
		await expect(callPage.forum().seats).toHaveText('1 plads pr. organisation.');
		await expect(page.getByText('Meldt ind fra din organisation')).toHaveCount(0);
		await page.goto('/indkaldelser');
		await expect(page.locator('li').filter({ hasText: call.title })).toContainText('Ikke til din organisation');
		await expect(
			page.getByRole('region', { name: 'Dine frister' }).getByRole('link', { name: call.title })
		).toHaveCount(0);
	});
});

test('the quick form works without JavaScript, with the fields for another person shown', async ({
	browser,
	baseURL,
	stack
}) => {
	const call = await createCall(stack, 'Uden JavaScript');
	const context = await browser.newContext({
		baseURL,
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	await logIn(page, CHARLOTTE, stack.password);
	const callPage = new CallPage(page);
	await callPage.goto(call.id);
	const forum = callPage.forum();
	await expect(forum.field('Navn')).toBeVisible();
	await forum.someoneElse.check();
	await forum.field('Navn').fill('Per Uden Script');
	await forum.field('Titel').fill('Sygeplejerske');
	await forum.field('E-mail').fill('per.uden.script@example.test');
	await forum.nominateButton.click();
	await expect(forum.nominee('Per Uden Script')).toBeVisible();
	await expect(callPage.saved).toHaveText('Indstillingen er gemt.');
	await context.close();
});

test.describe('who sees whom', () => {
	test('a colleague of the same organisation sees the named person; another organisation only that it answered', async ({
		page,
		stack,
		newPhone
	}) => {
		const call = await createCall(stack, 'Hvem ser hvem');
		await nominateAs(stack, SUSANNE, call, { name: HANNE.name, title: 'Ledende overlæge' });

		await logIn(page, PERNILLE, stack.password);
		const callPage = new CallPage(page);
		await callPage.goto(call.id);
		await expect(callPage.forum().nominee(HANNE.name)).toContainText(`meldt ind af ${SUSANNE.name}`);

		const other = await newPhone();
		await logIn(other, CHARLOTTE, stack.password);
		const otherCall = new CallPage(other);
		await otherCall.goto(call.id);
		await expect(otherCall.title).toHaveText(call.title);
		await expect(otherCall.others).toHaveText(/^Andre organisationer: 1 har svaret, \d+ har ikke svaret\.$/);
		await expect(other.getByText(HANNE.name)).toHaveCount(0);
		await expect(otherCall.forum().nominees).toHaveCount(0);
		await expectNoAxeViolations(other);
	});

	test('the agenda item the call came from lists it with its deadline', async ({ page, stack }) => {
		const admin = await superuser(stack);
		const item = await admin
			.collection('agenda_items')
			.getFirstListItem(admin.filter('meeting = {:m} && position = 7', { m: stack.pastMeeting.id }), { fields: 'id' });
		const call = await createCall(stack, 'Fra punkt 7', {
			item: item.id,
			fora: ['Administrativ/økonomi', 'Faglig gruppe', 'Strategisk']
		});
		await logIn(page, SUSANNE, stack.password);
		await page.goto(`/moeder/${stack.pastMeeting.id}/punkter/7`);
		const block = page.getByRole('region', { name: 'Indkaldelser fra punktet' });
		await expect(block.getByRole('link', { name: call.title })).toBeVisible();
		await expect(block).toContainText(/Senest \S+dag den/);
		await expectNoAxeViolations(page);

		await block.getByRole('link', { name: call.title }).click();
		const callPage = new CallPage(page);
		await expect(callPage.forum('Faglig gruppe').nominateButton).toBeVisible();
		await expect(page.getByRole('link', { name: /^7\. / })).toBeVisible();
		await expectFitsAt200Percent(page);
	});
});

test.describe('the nominee', () => {
	test('confirms from the link in the mail without logging in', async ({ page, stack, inbox }) => {
		const call = await createCall(stack, 'Bekræft', { fora: ['Faglig gruppe'] });
		const email = `nominee-${Date.now()}@example.test`;
		const before = await inbox.lastIdFor(email);
		await nominateAs(stack, SUSANNE, call, { name: 'Nina Nomineret', email });
		// The nominee's mail names who named them for what, and carries the link.
		await expect.poll(async () => (await inbox.messagesTo(email)).filter((m) => m.id > before).length).toBe(1);
		const [mail] = (await inbox.messagesTo(email)).filter((m) => m.id > before);
		expect(mail.text).toContain(SUSANNE.name);
		const token = /\/indstilling\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
		expect(token).toMatch(/^[A-Za-z0-9_-]{40}$/);

		await page.goto(`/indstilling/${token}`);
		await expect(
			page.getByText(`${SUSANNE.name} fra Hospitalsenhed Midt har meldt dig ind til Faglig gruppe`)
		).toBeVisible();
		await expectNoAxeViolations(page);
		await expectFitsAt200Percent(page);
		await page.getByRole('button', { name: 'Bekræft' }).click();
		await expect(page.getByRole('status')).toHaveText('Tak. Du har bekræftet, at du deltager.');

		const unknown = await page.goto('/indstilling/ukendt-token-123456');
		expect(unknown?.status()).toBe(404);
		await expect(page.getByText('Linket virker ikke.', { exact: false })).toBeVisible();
	});
});

test('the call screens fit a 360 px phone at 200 % text size', async ({ page, stack }) => {
	const call = await createCall(stack, 'Tekststørrelse med et langt navn på en arbejdsgruppe', {
		fora: ['Administrativ/økonomi', 'Faglig gruppe']
	});
	await logIn(page, SUSANNE, stack.password);
	for (const path of ['/', '/indkaldelser', `/indkaldelser/${call.id}`]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectFitsAt200Percent(page);
	}
	await page.getByRole('radio', { name: 'En anden person' }).first().check();
	await expectFitsAt200Percent(page);
});
