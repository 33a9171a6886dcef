import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.2 A+AA, as §7 of the PWA notes asks for. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails with each violation's rule id and elements. */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const violations = results.violations.map(
		(v) =>
			`${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n` +
			v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n')
	);
	expect(violations, `axe found WCAG violations on ${page.url()}:\n${violations.join('\n')}`).toEqual([]);
}
