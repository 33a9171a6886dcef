// What the browser downloads to paint a page: the stylesheet arrives inside the HTML or under a
// hashed, immutable address (never the old unversioned /app.css), and no date library is shipped.
import type { Page, Response } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';

/** Vite's content-hashed asset names: /_app/immutable/assets/0.MuLx5i5e.css */
const HASHED_CSS = /^\/_app\/immutable\/assets\/[\w.-]+\.[\w-]{8}\.css$/;

/** Strings only date-fns brings: its Danish and English distance phrases, its time-zone offset probe. */
const DATE_FNS_MARKERS = ['mindre end ét sekund', 'less than a second', 'longOffset'];

/** Records every request path, stylesheet response and script body of a page from now on. */
function watch(page: Page) {
	const paths: string[] = [];
	const documents: string[] = [];
	const stylesheets: Response[] = [];
	const scripts: Promise<{ url: string; body: string }>[] = [];
	const cspViolations: string[] = [];
	page.on('request', (request) => {
		paths.push(new URL(request.url()).pathname);
		if (request.resourceType() === 'document') documents.push(new URL(request.url()).pathname);
	});
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (type === 'stylesheet') stylesheets.push(response);
		if (type === 'script') scripts.push(response.text().then((body) => ({ url: response.url(), body })));
	});
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
	});
	return { paths, documents, stylesheets, scripts, cspViolations };
}

/** Where each of the document's style sheets came from: "inline" or the path of its file. */
function styleSheetSources(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.styleSheets].map((sheet) => (sheet.href ? new URL(sheet.href).pathname : 'inline'))
	);
}

/** The app's own look, read from computed styles: the brand bar, the page colour, the column width. */
function look(page: Page) {
	return page.evaluate(() => {
		const topbar = document.querySelector('.topbar');
		const main = document.querySelector('main');
		return {
			topbar: topbar ? getComputedStyle(topbar).backgroundColor : null,
			page: getComputedStyle(document.documentElement).backgroundColor,
			main: main ? getComputedStyle(main).maxWidth : null
		};
	});
}

const APP_LOOK = { topbar: 'rgb(11, 79, 108)', page: 'rgb(245, 247, 249)', main: '736px' };

test('the stylesheet is inlined or hashed and immutable on every page, and /app.css is gone', async ({
	page,
	request,
	stack
}) => {
	const seen = watch(page);
	const pages = [
		['/login', 'login'],
		['/', 'home'],
		[`/moeder/${stack.pastMeeting.id}`, 'meeting'],
		[`/moeder/${stack.pastMeeting.id}/punkter/3`, 'agenda item']
	] as const;

	for (const [path, name] of pages) {
		await test.step(name, async () => {
			if (path === '/') await logIn(page, stack.member, stack.password);
			else await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

			const sources = await styleSheetSources(page);
			expect(sources.length, `${name}: style sheets`).toBeGreaterThan(0);
			for (const source of sources) expect(source, `${name}: style sheet source`).toMatch(/^inline$|^\/_app\//);
			// The root stylesheet is in the HTML itself, so the first paint waits for no request.
			expect(sources[0], `${name}: first style sheet`).toBe('inline');
			expect(await look(page), `${name}: look`).toEqual(APP_LOOK);
			expect(await elementsWiderThanScreen(page), `${name}: wider than the screen`).toEqual([]);
			await expectNoAxeViolations(page);
		});
	}

	for (const response of seen.stylesheets) {
		const path = new URL(response.url()).pathname;
		expect(path).toMatch(HASHED_CSS);
		expect(response.headers()['cache-control']).toContain('immutable');
	}
	expect(seen.paths).not.toContain('/app.css');
	expect(seen.cspViolations).toEqual([]);
	expect((await request.get('/app.css')).status()).toBe(404);
});

test('a stylesheet fetched on a client-side navigation is a hashed, immutable file', async ({ page, stack }) => {
	await logIn(page, stack.member, stack.password);
	const seen = watch(page);
	await page.goto(`/moeder/${stack.pastMeeting.id}`);
	const before = seen.paths.length;
	await page
		.getByRole('region', { name: 'Dagsorden' })
		.getByRole('link', { name: "Resultater og perspektiver fra 'fleksible indlæggelser'" })
		.click();
	await expect(page).toHaveURL(`/moeder/${stack.pastMeeting.id}/punkter/3`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(seen.documents, 'the router navigated, without a new document').toEqual([`/moeder/${stack.pastMeeting.id}`]);
	// The item route's own styles were not in the meeting page's HTML: they come as a file now.
	const css = seen.paths.slice(before).filter((p) => p.endsWith('.css'));
	expect(css.length).toBeGreaterThan(0);
	for (const path of css) expect(path).toMatch(HASHED_CSS);
	expect(await look(page)).toEqual(APP_LOOK);
	expect(seen.cspViolations).toEqual([]);
});

test('no date-fns reaches the browser, and dates rendered there read in Danish', async ({ page, stack }) => {
	await logIn(page, stack.member, stack.password);
	const seen = watch(page);
	await page.goto(`/moeder/${stack.pastMeeting.id}`);
	await expect(page.getByRole('region', { name: 'Tidspunkt' })).toContainText(
		'fredag den 12. juni 2020 kl. 8.00-10.40'
	);
	// The item page is rendered by the browser here, not by the server: its date comes from the client code.
	await page
		.getByRole('region', { name: 'Dagsorden' })
		.getByRole('link', { name: "Resultater og perspektiver fra 'fleksible indlæggelser'" })
		.click();
	await expect(page.getByRole('link', { name: 'Til dagsordenen' }).locator('..')).toContainText('12. juni 2020');
	await page.goto(`/moeder/${stack.nextMeeting.id}/svar`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	const scripts = await Promise.all(seen.scripts);
	expect(scripts.length).toBeGreaterThan(3);
	const withDateFns = scripts
		.filter(({ body }) => DATE_FNS_MARKERS.some((marker) => body.includes(marker)))
		.map(({ url }) => new URL(url).pathname);
	expect(withDateFns).toEqual([]);
	await expectNoAxeViolations(page);
});
