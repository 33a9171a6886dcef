// WCAG 1.4.4 and 1.4.10: at 200 % text size on a 360 px phone every screen still fits its width —
// nothing is cut off and nothing needs sideways scrolling.
import type { Page } from '@playwright/test';
import PocketBase from 'pocketbase';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';

async function expectNoSidewaysScrolling(page: Page) {
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	const overflow = await elementsWiderThanScreen(page);
	expect(overflow, `elements wider than the screen on ${page.url()}`).toEqual([]);
}

test('every screen fits a 360 px phone at 200 % text size', async ({ page, stack }) => {
	await page.goto('/login');
	await expectNoSidewaysScrolling(page);

	await logIn(page, stack.secretariat, stack.password);
	for (const path of [
		'/',
		'/moeder',
		'/moeder/tidligere',
		`/moeder/${stack.pastMeeting.id}`,
		`/moeder/${stack.pastMeeting.id}/punkter/3`,
		`/moeder/${stack.nextMeeting.id}`,
		`/moeder/${stack.nextMeeting.id}/svar/delvist`,
		`/moeder/${stack.nextMeeting.id}/fremmoede`
	]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoSidewaysScrolling(page);
	}
});

test("the secretariat's call screens fit a 360 px phone at 200 % text size", async ({ page, stack }) => {
	// A call with two fora and a nominee with a long name and e-mail, made by the superuser.
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	const group = await pb
		.collection('groups')
		.getFirstListItem(pb.filter('name = {:name}', { name: 'Klyngestyregruppen for Midtklyngen' }));
	const org = await pb
		.collection('organizations')
		.getFirstListItem(pb.filter('name = {:name}', { name: 'Hospitalsenhed Midt' }));
	const item7 = await pb
		.collection('agenda_items')
		.getFirstListItem(pb.filter('meeting = {:m} && position = 7', { m: stack.pastMeeting.id }));
	const call = await pb.collection('nomination_calls').create({
		group: group.id,
		title: 'Deltagere til arbejdsgruppen om sammenhængende patientforløb på tværs af sektorerne',
		description: 'Til test af tekststørrelse.',
		eligibility: 'all',
		deadline: new Date(Date.now() + 9 * 86_400_000).toISOString().replace('T', ' '),
		status: 'open'
	});
	const forum = await pb
		.collection('nomination_fora')
		.create({ call: call.id, name: 'Strategisk (aftaleniveau) og administrativ økonomi', quota: 2, position: 0 });
	await pb.collection('nomination_fora').create({ call: call.id, name: 'Faglig gruppe', quota: 1, position: 1 });
	await pb.collection('nominations').create({
		call: call.id,
		forum: forum.id,
		organization: org.id,
		kind: 'nominee',
		nominee_name: 'Anne-Mette Kristiansen-Østergaard',
		nominee_title: 'Ledende overlæge, Medicinsk Afdeling',
		nominee_email: 'anne-mette.kristiansen-oestergaard@hemidt.example'
	});

	await logIn(page, stack.secretariat, stack.password);
	for (const path of [
		'/indkaldelser/ny',
		`/indkaldelser/ny?punkt=${item7.id}`,
		`/indkaldelser/${call.id}/rediger`,
		`/indkaldelser/${call.id}/status`,
		`/indkaldelser/${call.id}/sammensaet`
	]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// Folded parts (the on-behalf form, a nominee's details) count too.
		await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
		await expectNoSidewaysScrolling(page);
	}
});
