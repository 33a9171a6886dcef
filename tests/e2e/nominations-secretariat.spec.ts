// Nomination calls, the secretariat's side: a call from an agenda item's text, the call form's
// messages, the live tracker, nominating on an organisation's behalf, the CSV, closing and extending.
// The tests of a run share one stack, so each works on a call of its own, made by the superuser
// where the test is not about making it.
import { readFile } from 'node:fs/promises';
import PocketBase from 'pocketbase';
import { CallFormPage } from './pages/call-form-page';
import { CallPage } from './pages/call-page';
import { TrackerPage } from './pages/tracker-page';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { logIn } from './support/shortcuts';
import type { StackInfo } from './support/stack-info';

const STEERING_GROUP = 'Klyngestyregruppen for Midtklyngen';
const NOT_FOUND = 'Indkaldelsen findes ikke, eller du har ikke adgang til den.';
const MUNICIPALITIES = ['Silkeborg Kommune', 'Skive Kommune', 'Viborg Kommune'];
const ITEM7_FORA = ['Administrativ/økonomi', 'Faglig gruppe', 'Strategisk (aftale niveau)'];
const TORBEN = { email: 'torben.ravn@silkeborg.example', name: 'Torben Ravn' };

/** "2027-01-05": a day `days` from now (the form's date input). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

async function superuser(stack: StackInfo): Promise<PocketBase> {
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	return pb;
}

/** An open call of the steering group for every organisation, with the given fora (seats each). */
async function openCall(
	stack: StackInfo,
	title: string,
	fora: [string, number][],
	from: { meeting?: string; item?: string; decision?: string } = {}
) {
	const pb = await superuser(stack);
	const group = await pb.collection('groups').getFirstListItem(pb.filter('name = {:name}', { name: STEERING_GROUP }));
	const call = await pb.collection('nomination_calls').create({
		...from,
		group: group.id,
		title,
		description: 'Til test.',
		eligibility: 'all',
		required: true,
		deadline: new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().replace('T', ' '),
		status: 'open'
	});
	const forumIds: string[] = [];
	for (const [i, [name, quota]] of fora.entries()) {
		forumIds.push((await pb.collection('nomination_fora').create({ call: call.id, name, quota, position: i })).id);
	}
	return { id: call.id, forumIds, pb };
}

/** The nominee declines through their mail's link (the superuser reads the link's hidden token). */
async function decline(stack: StackInfo, pb: PocketBase, nominationId: string) {
	const { response_token: token } = await pb.collection('nominations').getOne(nominationId);
	const res = await fetch(`${stack.pbUrl}/api/klyngeportal/nominations/respond`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ token, response: 'declined' })
	});
	expect(res.status).toBe(200);
}

async function callsTitled(stack: StackInfo, title: string) {
	const pb = await superuser(stack);
	return (await pb.collection('nomination_calls').getFullList({ filter: pb.filter('title = {:title}', { title }) }))
		.length;
}

test('the secretariat creates the item 7 call from its text, with the three fora filled in, and opens it', async ({
	page,
	stack,
	itemPage
}) => {
	await logIn(page, stack.secretariat, stack.password);
	await itemPage.goto(stack.pastMeeting.id, 7);
	await page.getByRole('link', { name: 'Opret indkaldelse', exact: true }).click();

	const form = new CallFormPage(page);
	await expect(form.heading).toHaveText('Ny indkaldelse');
	await expect(page.getByRole('link', { name: /^Fra punkt 7: / })).toBeVisible();
	for (const [i, name] of ITEM7_FORA.entries()) await expect(form.forumName(i + 1)).toHaveValue(name);
	await expect(form.forumName(4)).toHaveValue('');
	await expect(form.eligibility.getByRole('radio', { name: 'Sektorer' })).toBeChecked();
	await expect(form.sector('Kommuner')).toBeChecked();
	await expect(form.sector('Hospital')).not.toBeChecked();
	await expect(form.urgent).toBeChecked();
	await expect(form.deadlineDate).toHaveValue('2020-07-01');
	await expect(form.deadlineDate).toHaveAccessibleDescription(/Datoen fra teksten er passeret/);
	await expect(page.getByText(/kommuner melder deltagere ind til sekretariatet/).first()).toBeVisible();
	await expectNoAxeViolations(page);

	// The minutes' deadline has passed: opening is refused beside the date, and nothing is stored.
	const title = `IV-samarbejdsaftalen ${Date.now()}`;
	await form.title.fill(title);
	await form.openButton.click();
	await expect(form.errorOf(form.deadlineDate)).toHaveText('Fristen er overskredet. Vælg en dato efter i dag.');
	await expect(form.forumName(3)).toHaveValue(ITEM7_FORA[2]);
	expect(await callsTitled(stack, title)).toBe(0);
	await expectNoAxeViolations(page);

	await form.deadlineDate.fill(dayFromNow(21));
	await form.openButton.click();
	const tracker = new TrackerPage(page);
	await expect(page).toHaveURL(/\/indkaldelser\/[a-z0-9]{15}\/status$/);
	await expect(tracker.heading).toHaveText(title);
	await expect(tracker.status).toHaveText('Åben');
	for (const name of MUNICIPALITIES) {
		await expect(tracker.row(name)).toContainText('Ikke svaret');
		for (const forum of ITEM7_FORA) await expect(tracker.row(name)).toContainText(forum);
	}
	await expect(tracker.row('Hospitalsenhed Midt')).toHaveCount(0);
	await expect(page.getByRole('link', { name: /^Fra punkt 7: / })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the call form refuses bad input with Danish messages beside the fields, and stores nothing', async ({
	page,
	stack
}) => {
	await logIn(page, stack.secretariat, stack.password);
	const form = new CallFormPage(page);
	// A call from nothing starts on the list of calls.
	await page.goto('/indkaldelser');
	await page.getByRole('link', { name: 'Ny indkaldelse' }).click();
	await expect(form.heading).toHaveText('Ny indkaldelse');
	await form.forumName(1).fill('Arbejdsgruppen');
	await form.forumQuota(1).fill('0');
	await form.deadlineDate.fill('2020-01-01');
	await form.openButton.click();
	await expect(form.errorOf(form.title)).toHaveText('Skriv en titel.');
	await expect(form.errorOf(form.forumQuota(1))).toHaveText('Skriv et antal pladser fra 1 til 50.');
	await expect(form.errorOf(form.deadlineDate)).toHaveText('Fristen er overskredet. Vælg en dato efter i dag.');
	await expect(form.forumName(1)).toHaveValue('Arbejdsgruppen');
	await expectNoAxeViolations(page);

	// No forum at all, and sectors without a sector.
	const title = `Uden fora ${Date.now()}`;
	await form.title.fill(title);
	await form.forumName(1).fill('');
	await form.forumQuota(1).fill('1');
	await form.deadlineDate.fill(dayFromNow(10));
	await form.eligibility.getByRole('radio', { name: 'Sektorer' }).check();
	await form.draftButton.click();
	await expect(form.errorOf(form.forumName(1))).toHaveText('Skriv mindst ét forum.');
	await expect(form.eligibility).toContainText('Vælg mindst én sektor.');
	await expect(form.errorOf(form.title)).toHaveCount(0);
	expect(await callsTitled(stack, title)).toBe(0);

	// A forum row more, without losing what was typed; then a valid draft is stored.
	await form.addForumButton.click();
	await expect(form.title).toHaveValue(title);
	await expect(form.forumName(2)).toBeVisible();
	await form.forumName(1).fill('Arbejdsgruppen');
	await form.forumName(2).fill('Følgegruppen');
	await form.forumQuota(2).fill('2');
	await form.sector('Almen praksis').check();
	await form.draftButton.click();
	const tracker = new TrackerPage(page);
	await expect(tracker.status).toHaveText('Kladde');
	await expect(tracker.row('Almen praksis')).toContainText('0 af 2');
	expect(await callsTitled(stack, title)).toBe(1);
	// The draft waits under "Kladder", not among the open or the earlier calls.
	await page.goto('/indkaldelser');
	await expect(page.getByRole('region', { name: 'Kladder' })).toContainText(title);
	await expect(page.getByRole('region', { name: 'Tidligere indkaldelser' })).not.toContainText(title);
});

test('a member gets the Danish 404 on the new-call form and on a tracker', async ({ page, stack }) => {
	const { id } = await openCall(stack, `Kun sekretariatet ${Date.now()}`, [['Arbejdsgruppen', 1]]);
	await logIn(page, stack.member, stack.password);
	for (const path of ['/indkaldelser/ny', `/indkaldelser/${id}/status`, `/indkaldelser/${id}/rediger`]) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
		await expect(page.getByText(NOT_FOUND)).toBeVisible();
	}
	// Nor does a member see the ways there.
	await page.goto('/indkaldelser');
	await expect(page.getByRole('link', { name: 'Ny indkaldelse' })).toHaveCount(0);
	await page.goto(`/indkaldelser/${id}`);
	await expect(page.getByRole('link', { name: 'Se indmeldinger' })).toHaveCount(0);

	// The secretariat (on another phone) goes from the call to its tracker.
	await page.context().clearCookies();
	await logIn(page, stack.secretariat, stack.password);
	await page.goto(`/indkaldelser/${id}`);
	await page.getByRole('link', { name: 'Se indmeldinger' }).click();
	await expect(page).toHaveURL(new RegExp(`/indkaldelser/${id}/status$`));
});

test("the tracker shows a member's nomination live, without a reload", async ({ page, stack, newPhone }) => {
	const { id } = await openCall(stack, `Live ${Date.now()}`, [['Arbejdsgruppen', 2]]);
	await logIn(page, stack.secretariat, stack.password);
	const tracker = new TrackerPage(page);
	await tracker.goto(id);
	await expect(tracker.live).toBeVisible();
	await expect(tracker.row('Silkeborg Kommune')).toContainText('Ikke svaret');
	await expect(tracker.row('Silkeborg Kommune')).toContainText('0 af 2');
	await expectNoAxeViolations(page);

	// The member names himself with the quick form, on a phone of his own.
	const phone = await newPhone();
	await logIn(phone, TORBEN, stack.password);
	const callPage = new CallPage(phone);
	await callPage.goto(id);
	await callPage
		.forum()
		.choice(/^Mig selv/)
		.check();
	await callPage.forum().nominateButton.click();
	await expect(callPage.saved).toHaveText('Indstillingen er gemt.');

	await expect(tracker.row('Silkeborg Kommune')).toContainText('1 af 2');
	await expect(tracker.row('Silkeborg Kommune')).toContainText(TORBEN.name);
	await expect(tracker.row('Silkeborg Kommune')).not.toContainText('Ikke svaret');
	await expect(tracker.count('Indmeldt')).toHaveText('1');
});

test("the secretariat names someone on an organisation's behalf, and records one that names no one", async ({
	page,
	stack
}) => {
	const { id } = await openCall(stack, `På vegne af ${Date.now()}`, [['Arbejdsgruppen', 1]]);
	await logIn(page, stack.secretariat, stack.password);
	const tracker = new TrackerPage(page);
	await tracker.goto(id);
	await tracker.nominateOnBehalf(
		'Viborg Kommune',
		'Arbejdsgruppen',
		'Lise Holm',
		'Sygeplejerske',
		`lise.holm.${Date.now()}@viborg.example`
	);
	await expect(tracker.statusMessage.filter({ hasText: 'Lise Holm er meldt ind for Viborg Kommune.' })).toBeVisible();
	await expect(tracker.row('Viborg Kommune')).toContainText('1 af 1');
	await expect(tracker.row('Viborg Kommune')).toContainText('Lise Holm');
	await expectNoAxeViolations(page);

	// A name is needed for a nominee: the message sits beside the field.
	await tracker.openOnBehalf();
	await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Skive Kommune' });
	await page.getByRole('button', { name: 'Meld ind', exact: true }).click();
	await expect(page.locator('.field').filter({ hasText: 'Navn' }).locator('.field-error')).toHaveText('Skriv navnet.');

	// The hooks' own Danish message lands beside the field it is about, and nothing is stored.
	await page.getByRole('textbox', { name: 'Navn', exact: true }).fill('Uden Mail');
	await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Konsulent');
	await page.getByRole('button', { name: 'Meld ind', exact: true }).click();
	await expect(page.locator('.field').filter({ hasText: 'E-mail' }).locator('.field-error')).toHaveText(
		'Skriv personens e-mail, så de kan bekræfte.'
	);
	await expect(tracker.row('Skive Kommune')).toContainText('0 af 1');

	await page.getByRole('radio', { name: 'Organisationen melder ingen ind' }).check();
	await page.getByRole('button', { name: 'Meld ind', exact: true }).click();
	await expect(tracker.row('Skive Kommune')).toContainText('Melder ingen');
	await expect(tracker.count('Melder ingen')).toHaveText('1');
});

test('the CSV lists every organisation’s answer, named after the call and safe against formulas', async ({
	page,
	stack
}) => {
	const title = `Regneark ${Date.now()}`;
	const { id, forumIds, pb } = await openCall(stack, title, [['Faglig gruppe', 2]]);
	const viborg = await pb.collection('organizations').getFirstListItem(pb.filter('name = "Viborg Kommune"'));
	await pb.collection('nominations').create({
		call: id,
		forum: forumIds[0],
		organization: viborg.id,
		kind: 'nominee',
		nominee_name: '=HYPERLINK("http://x")',
		nominee_title: 'Leder',
		nominee_email: 'formel@viborg.example'
	});
	await logIn(page, stack.secretariat, stack.password);
	const tracker = new TrackerPage(page);
	await tracker.goto(id);
	const download = page.waitForEvent('download');
	await tracker.csvLink.click();
	const file = await download;
	expect(file.suggestedFilename()).toBe(`indmeldinger-regneark-${title.split(' ')[1]}.csv`);
	const text = await readFile(await file.path(), 'utf8');
	const lines = text
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(lines[0]).toBe('"Organisation";"Forum";"Svar";"Navn";"Titel";"E-mail";"Telefon";"Bekræftelse";"Meldt ind af"');
	expect(lines).toContain(
		'"Viborg Kommune";"Faglig gruppe";"Indmeldt";"\'=HYPERLINK(""http://x"")";"Leder";"formel@viborg.example";"";"Afventer svar";""'
	);
	expect(lines).toContain('"Silkeborg Kommune";"";"Ikke svaret";"";"";"";"";"";""');
});

test('the secretariat closes a call, extends the deadline and the call opens again', async ({ page, stack }) => {
	const { id } = await openCall(stack, `Luk og forlæng ${Date.now()}`, [['Arbejdsgruppen', 1]]);
	await logIn(page, stack.secretariat, stack.password);
	const tracker = new TrackerPage(page);
	await tracker.goto(id);
	await tracker.closeButton.click();
	await expect(tracker.status).toHaveText('Lukket');
	await expect(tracker.composeLink).toBeVisible();
	await expect(tracker.reopenButton).toBeVisible();
	await expectNoAxeViolations(page);

	await tracker.newDeadline.fill('2020-01-01');
	await tracker.extendButton.click();
	await expect(page.getByText('Fristen er overskredet. Vælg en dato efter i dag.')).toBeVisible();
	await expect(tracker.status).toHaveText('Lukket');

	const date = dayFromNow(40);
	await tracker.newDeadline.fill(date);
	await tracker.extendButton.click();
	await expect(tracker.statusMessage.filter({ hasText: /^Fristen er flyttet til / })).toBeVisible();
	await expect(tracker.status).toHaveText('Åben');
	await expect(tracker.closeButton).toBeVisible();
});

test('the secretariat reminds the organisations that have not answered, and is asked before a second round', async ({
	page,
	stack
}) => {
	const title = `Påmindelse ${Date.now()}`;
	const { id, forumIds, pb } = await openCall(stack, title, [['Arbejdsgruppen', 1]]);
	const viborg = await pb.collection('organizations').getFirstListItem(pb.filter('name = "Viborg Kommune"'));
	await pb.collection('nominations').create({
		call: id,
		forum: forumIds[0],
		organization: viborg.id,
		kind: 'nominee',
		nominee_name: 'Gitte Winther',
		nominee_title: 'Sundhedschef',
		nominee_email: 'gitte.winther@viborg.example'
	});
	await logIn(page, stack.secretariat, stack.password);
	const tracker = new TrackerPage(page);
	await tracker.goto(id);
	await tracker.remindButton.click();
	await expect(tracker.reminded).toContainText(TORBEN.name);
	// Viborg has answered: none of its members is reminded.
	await expect(tracker.reminded).not.toContainText('Gitte Winther');
	await expect(tracker.reminded).not.toContainText('Michael Skovgaard Berg');
	// Queued in the reminder outbox for Torben (the dispatcher sends it by his choice of push or e-mail).
	const torben = await pb.collection('users').getFirstListItem(pb.filter('email = {:email}', { email: TORBEN.email }));
	const queued = await pb.collection('notifications').getFullList<{ user: string }>({
		filter: pb.filter('subject = {:id} && kind = "nomination" && origin = "secretariat"', { id }),
		fields: 'user'
	});
	expect(queued.map((r) => r.user)).toContain(torben.id);
	await expect(tracker.lastReminder).toContainText(/^Sidste påmindelse: .*, sendt af Sofie Lindholm til /);
	await tracker.goto(id);
	// Who was reminded, per member: queued and next, or already sent by the engine.
	await page.getByTestId('reminded').locator('summary').click();
	await expect(page.getByTestId(`reminded-${torben.id}`)).toContainText(
		/Næste: \S+dag den|Mindet: .+, af sekretariatet\)/
	);
	await expectNoAxeViolations(page);

	await tracker.remindButton.click();
	await expect(tracker.confirmRemind).toBeVisible();
	await tracker.remindAgainButton.click();
	await expect(tracker.reminded).toContainText(TORBEN.name);
});

test('the secretariat composes the working group from a closed call, and the call shows the group it became', async ({
	page,
	stack
}) => {
	const forum = `Implementeringsgruppen ${Date.now()}`;
	// Made from the first decision of item 7 of the June meeting.
	const admin = await superuser(stack);
	const item7 = await admin
		.collection('agenda_items')
		.getFirstListItem(admin.filter('meeting = {:m} && position = 7', { m: stack.pastMeeting.id }), {
			expand: 'decisions_via_item'
		});
	const decision = (item7.expand?.decisions_via_item as { id: string; position: number }[]).sort(
		(a, b) => a.position - b.position
	)[0];
	// (Short words: a long one would carry soft hyphens.)
	const title = `Til en gruppe ${Date.now()}`;
	const { id, forumIds, pb } = await openCall(stack, title, [[forum, 2]], {
		meeting: stack.pastMeeting.id,
		item: item7.id,
		decision: decision.id
	});
	const org = async (name: string) =>
		(await pb.collection('organizations').getFirstListItem(pb.filter('name = {:name}', { name }))).id;
	const torben = await pb.collection('users').getFirstListItem(pb.filter('email = {:e}', { e: TORBEN.email }));
	const nominate = (organization: string, data: Record<string, unknown>) =>
		pb.collection('nominations').create({ call: id, forum: forumIds[0], organization, kind: 'nominee', ...data });
	await nominate(await org('Silkeborg Kommune'), {
		nominee_name: TORBEN.name,
		nominee_email: TORBEN.email,
		nominee_user: torben.id,
		nominee_title: 'Sundhedschef'
	});
	const newcomer = `ny.${Date.now()}@skive.example`;
	await nominate(await org('Skive Kommune'), {
		nominee_name: 'Nanna Nybegynder',
		nominee_title: 'Konsulent',
		nominee_email: newcomer
	});
	const dorte = await nominate(await org('Viborg Kommune'), {
		nominee_name: 'Dorte Nej',
		nominee_title: 'Leder',
		nominee_email: `dorte.${Date.now()}@viborg.example`
	});
	await decline(stack, pb, dorte.id);

	await logIn(page, stack.secretariat, stack.password);
	const tracker = new TrackerPage(page);
	await tracker.goto(id);
	await tracker.closeButton.click();
	await expect(tracker.status).toHaveText('Lukket');
	await tracker.composeLink.click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sammensæt gruppen');
	const section = page.getByRole('region', { name: forum });
	await expect(section.getByRole('checkbox', { name: new RegExp(`^${TORBEN.name}`) })).toBeChecked();
	await expect(section.getByRole('checkbox', { name: /^Nanna Nybegynder/ })).toBeChecked();
	await expect(section.getByRole('checkbox', { name: /^Dorte Nej/ })).toBeDisabled();
	await expect(section.getByRole('textbox', { name: 'Gruppens navn' })).toHaveValue(forum);
	await expectNoAxeViolations(page);

	await section.getByRole('button', { name: 'Opret gruppen' }).click();
	await expect(page.getByRole('status')).toHaveText('Gruppen er oprettet med 2 medlemmer (1 nye konti).');
	await expect(section.getByTestId('became-group')).toHaveText(`Blev til gruppen ${forum}`);

	const group = await pb.collection('groups').getFirstListItem(pb.filter('name = {:forum}', { forum }));
	const members = await pb.collection('memberships').getFullList({
		filter: pb.filter('group = {:g}', { g: group.id }),
		expand: 'user'
	});
	const withRole = (role: string) =>
		members
			.filter((m) => m.role === role)
			.map((m) => m.expand?.user?.email)
			.sort();
	// The picked nominees as ordinary members; the steering group's secretariat runs the new group.
	expect(withRole('member')).toEqual([TORBEN.email, newcomer].sort());
	expect(withRole('secretariat')).toContain(stack.secretariat.email);

	await tracker.goto(id);
	await expect(page.getByTestId('became-group')).toHaveText(`${forum}: Blev til gruppen ${forum}`);

	// The decision on the item links to the call, and says what it became.
	await page.goto(`/moeder/${stack.pastMeeting.id}/punkter/7`);
	const fromDecision = page.locator('.decisions li').filter({ hasText: title });
	await expect(fromDecision).toContainText(`Indkaldelse: ${title} · Blev til gruppen ${forum}`);
	await expect(fromDecision.getByRole('link', { name: title })).toHaveAttribute('href', `/indkaldelser/${id}`);
});

test('an item whose text asks twice offers both requests, and the chosen one fills the form and the stored call', async ({
	page,
	stack
}) => {
	const pb = await superuser(stack);
	const item = await pb.collection('agenda_items').create({
		meeting: stack.pastMeeting.id,
		position: 41,
		title: 'Følgegruppe og arbejdsgruppe'
	});
	await pb.collection('item_minutes').create({
		item: item.id,
		text:
			'Hver organisation kan melde 1 deltager ind til følgegruppen (svarfrist 1. september 2020). ' +
			'Kommunerne bedes melde deltagere til arbejdsgruppen om rehabilitering ind til sekretariatet senest den 15/9.'
	});

	await logIn(page, stack.secretariat, stack.password);
	const form = new CallFormPage(page);
	await form.goto(`?punkt=${item.id}`);
	const choices = form.proposals.getByRole('listitem');
	await expect(choices).toHaveCount(2);
	await expect(choices.nth(0)).toContainText('Deltagere til følgegruppen');
	await expect(choices.nth(0)).toContainText('Valgt');
	await expect(choices.nth(1)).toContainText('Deltagere til arbejdsgruppen');
	await expect(form.title).toHaveValue('Deltagere til følgegruppen');
	await expect(form.deadlineDate).toHaveValue('2020-09-01');
	await expect(form.forumName(1)).toHaveValue('Følgegruppen');
	await expect(form.eligibility.getByRole('radio', { name: 'Alle organisationer' })).toBeChecked();
	await expectNoAxeViolations(page);

	// The second request: the municipalities' working group by 15 September.
	await choices.nth(1).getByRole('link', { name: 'Brug dette forslag', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`\\?punkt=${item.id}&forslag=1$`));
	await expect(choices.nth(1)).toContainText('Valgt');
	await expect(choices.nth(0).getByRole('link', { name: 'Brug dette forslag', exact: true })).toBeVisible();
	await expect(form.title).toHaveValue('Deltagere til arbejdsgruppen');
	await expect(form.deadlineDate).toHaveValue('2020-09-15');
	await expect(form.forumName(1)).toHaveValue('Arbejdsgruppen');
	await expect(form.eligibility.getByRole('radio', { name: 'Sektorer' })).toBeChecked();
	await expect(form.sector('Kommuner')).toBeChecked();
	await expect(form.sector('Hospital')).not.toBeChecked();
	await expect(page.getByText(/arbejdsgruppen om rehabilitering/).first()).toBeVisible();
	await expectNoAxeViolations(page);

	// Saved as a draft, the call remembers the item and the sentence it was made from.
	const title = `Rehabilitering ${Date.now()}`;
	await form.title.fill(title);
	await form.deadlineDate.fill(dayFromNow(30));
	await form.draftButton.click();
	await expect(page).toHaveURL(/\/indkaldelser\/[a-z0-9]{15}\/status$/);
	const stored = await pb
		.collection('nomination_calls')
		.getFirstListItem(pb.filter('title = {:title}', { title }), { expand: 'nomination_fora_via_call' });
	expect(stored.item).toBe(item.id);
	expect(stored.meeting).toBe(stack.pastMeeting.id);
	expect(stored.eligibility).toBe('sectors');
	expect(stored.eligible_sectors).toEqual(['kommune']);
	expect(stored.source_text).toContain('senest den 15/9');
	expect(stored.expand?.nomination_fora_via_call.map((f: { name: string }) => f.name)).toEqual(['Arbejdsgruppen']);
});
