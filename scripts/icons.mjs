// Renders the app's icons from their SVG sources in static/icons/ to the PNGs the manifest, iOS and
// older browsers ask for, with the system Chromium. The PNGs are committed: run `npm run icons` after
// editing an SVG. Each PNG is drawn at its exact pixel size (no scaling afterwards).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/chromium.mjs';
import { ROOT } from './lib/pocketbase.mjs';

const DIR = join(ROOT, 'static', 'icons');

/**
 * What to draw. `opaque` icons must have no transparent pixel (iOS paints a transparent
 * apple-touch-icon's corners black; a maskable icon is cut by the system's own mask).
 * @type {{ source: string, out: string, size: number, opaque: boolean }[]}
 */
export const RENDERS = [
	{ source: 'icon.svg', out: 'icon-192.png', size: 192, opaque: false },
	{ source: 'icon.svg', out: 'icon-512.png', size: 512, opaque: false },
	{ source: 'maskable.svg', out: 'maskable-512.png', size: 512, opaque: true },
	{ source: 'maskable.svg', out: 'apple-touch-icon-180.png', size: 180, opaque: true },
	{ source: 'monochrome.svg', out: 'monochrome-512.png', size: 512, opaque: false },
	{ source: 'icon.svg', out: 'favicon-48.png', size: 48, opaque: false },
	{ source: 'shortcut-meeting.svg', out: 'shortcut-meeting-96.png', size: 96, opaque: false },
	{ source: 'shortcut-deadlines.svg', out: 'shortcut-deadlines-96.png', size: 96, opaque: false }
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage({ deviceScaleFactor: 1 });
	for (const { source, out, size, opaque } of RENDERS) {
		const svg = readFileSync(join(DIR, source)).toString('base64');
		await page.setViewportSize({ width: size, height: size });
		await page.setContent(
			`<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
				`<img src="data:image/svg+xml;base64,${svg}" width="${size}" height="${size}" alt="">`
		);
		await page.locator('img').evaluate((img) => /** @type {HTMLImageElement} */ (img).decode());
		await page.screenshot({
			path: join(DIR, out),
			omitBackground: !opaque,
			clip: { x: 0, y: 0, width: size, height: size }
		});
		console.log(`static/icons/${out} (${size}×${size})`);
	}
} finally {
	await browser.close();
}
