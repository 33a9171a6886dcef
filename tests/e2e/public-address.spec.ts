// The browser talks only to the app: nothing under /api/ or /_/ reaches PocketBase through the public
// address, PocketBase listens on the loopback interface only, and no demo person is a superuser.
import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { PORTS } from './support/stack-info';

/** The local addresses on which something listens on TCP `port` (from the kernel's socket tables). */
function listeners(port: number): string[] {
	const found: string[] = [];
	for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let table = '';
		try {
			table = readFileSync(file, 'utf8');
		} catch {
			continue;
		}
		for (const line of table.trim().split('\n').slice(1)) {
			const [, local, , state] = line.trim().split(/\s+/);
			const [address, hexPort] = local.split(':');
			if (state === '0A' && parseInt(hexPort, 16) === port) found.push(address);
		}
	}
	return found;
}

test("PocketBase's API, realtime and dashboard are not served on the app's address, even to a member", async ({
	page,
	loginPage,
	stack
}) => {
	await loginPage.goto();
	await loginPage.logInWithPassword(stack.member.email, stack.password);
	await expect(page).not.toHaveURL(/\/login/);
	const attack =
		'/api/collections/groups/records?filter=' +
		encodeURIComponent('meetings_via_group.agenda_items_via_meeting.item_minutes_via_item.text !~ "p%"');
	for (const path of [attack, '/api/health', '/api/realtime', '/api/collections/users/records?sort=email', '/_/']) {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(404);
		expect(await response.text(), path).not.toMatch(/"items"|"totalItems"|<title>PocketBase<\/title>/);
	}
});

test('PocketBase listens on the loopback interface only', () => {
	const addresses = listeners(PORTS.pbPort);
	expect(addresses.length).toBeGreaterThan(0);
	// 127.0.0.1 in the kernel's little-endian hex; nothing on 0.0.0.0, :: or another interface.
	expect(addresses.every((a) => a === '0100007F')).toBe(true);
});

test('no demo person can log in to the dashboard as a superuser', async ({ stack, request }) => {
	for (const email of [stack.secretariat.email, stack.member.email]) {
		const response = await request.post(
			`http://127.0.0.1:${PORTS.pbPort}/api/collections/_superusers/auth-with-password`,
			{
				data: { identity: email, password: stack.password }
			}
		);
		expect(response.status(), email).toBe(400);
	}
});
