// Long Danish words on a 360 px phone: a word that does not fit its line breaks where a hyphen is
// shown ("Klynge-/styregruppemøde"), never mid-word without one ("Klyngestyregruppemød/e"), and
// nothing is wider than the screen. Headless Debian Chromium has no Danish hyphenation dictionary,
// so this checks what the app itself provides (soft hyphens), as the phones without one see it.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { elementsWiderThanScreen, logIn } from './support/shortcuts';

/** The words on screen that a line break cuts without a hyphen, as "Klyngestyregruppemød|e". */
async function wordsBrokenWithoutHyphen(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const broken: string[] = [];
		const isLetter = (c: string) => /\p{L}/u.test(c);
		const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
			// Text that is there for screen readers only is clipped to a pixel, not laid out in lines.
			if (node.parentElement?.closest('.visually-hidden')) continue;
			const text = node.data;
			let last: { index: number; top: number } | null = null;
			for (let i = 0; i < text.length; i++) {
				range.setStart(node, i);
				range.setEnd(node, i + 1);
				// A letter just after a break may also report a box at the end of the line before (where the
				// hyphen is drawn): its own line is the last box.
				const boxes = range.getClientRects();
				const box = boxes[boxes.length - 1] ?? { width: 0, top: 0 };
				if (box.width === 0 || !isLetter(text[i])) {
					if (!isLetter(text[i]) && text[i] !== '\u00ad') last = null;
					continue;
				}
				if (last && box.top > last.top + 2 && !text.slice(last.index + 1, i).includes('\u00ad')) {
					const start = text.slice(0, i).search(/\p{L}+$/u);
					const end = i + (text.slice(i).match(/^\p{L}+/u)?.[0].length ?? 0);
					broken.push(`${text.slice(start, i)}|${text.slice(i, end)}`.replace(/\u00ad/g, ''));
				}
				last = { index: i, top: box.top };
			}
		}
		return broken;
	});
}

test('long Danish words break at a hyphen on a 360 px phone, never mid-word', async ({ page, stack }) => {
	await logIn(page, stack.secretariat, stack.password);
	for (const path of [
		'/',
		'/moeder',
		`/moeder/${stack.pastMeeting.id}`,
		`/moeder/${stack.pastMeeting.id}/punkter/3`,
		`/moeder/${stack.pastMeeting.id}/punkter/7`,
		`/moeder/${stack.nextMeeting.id}`,
		`/moeder/${stack.nextMeeting.id}/svar`
	]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await wordsBrokenWithoutHyphen(page), `words broken without a hyphen on ${path}`).toEqual([]);
		expect(await elementsWiderThanScreen(page), `elements wider than the screen on ${path}`).toEqual([]);
	}
});
