// The test function of the e2e suite: page objects, the stack's addresses and the mail inbox.
import { test as base, type Page } from '@playwright/test';
import { AgendaItemPage } from '../pages/agenda-item-page';
import { AnswerPage } from '../pages/answer-page';
import { ErrorPage } from '../pages/error-page';
import { HomePage } from '../pages/home-page';
import { LoginPage } from '../pages/login-page';
import { MeetingPage } from '../pages/meeting-page';
import { MeetingsPage } from '../pages/meetings-page';
import { OverviewPage } from '../pages/overview-page';
import { Inbox } from './inbox';
import { stackInfo, type StackInfo } from './stack-info';

type Pages = {
	loginPage: LoginPage;
	homePage: HomePage;
	meetingsPage: MeetingsPage;
	meetingPage: MeetingPage;
	itemPage: AgendaItemPage;
	errorPage: ErrorPage;
	answerPage: AnswerPage;
	overviewPage: OverviewPage;
	/** Opens a page in a browser context of its own (another person's phone), closed after the test. */
	newPhone: () => Promise<Page>;
};

export const test = base.extend<Pages, { stack: StackInfo; inbox: Inbox }>({
	// Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
	// eslint-disable-next-line no-empty-pattern
	stack: [async ({}, use) => use(stackInfo()), { scope: 'worker' }],
	inbox: [async ({ stack }, use) => use(new Inbox(stack.inboxUrl)), { scope: 'worker' }],
	loginPage: async ({ page }, use) => use(new LoginPage(page)),
	homePage: async ({ page }, use) => use(new HomePage(page)),
	meetingsPage: async ({ page }, use) => use(new MeetingsPage(page)),
	meetingPage: async ({ page }, use) => use(new MeetingPage(page)),
	itemPage: async ({ page }, use) => use(new AgendaItemPage(page)),
	errorPage: async ({ page }, use) => use(new ErrorPage(page)),
	answerPage: async ({ page }, use) => use(new AnswerPage(page)),
	overviewPage: async ({ page }, use) => use(new OverviewPage(page)),
	newPhone: async ({ browser, baseURL, viewport, isMobile, hasTouch, locale, timezoneId }, use) => {
		const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
		await use(async () => {
			// The same phone as the test's own page: the project's options are not applied to new contexts.
			const context = await browser.newContext({ baseURL, viewport, isMobile, hasTouch, locale, timezoneId });
			contexts.push(context);
			return context.newPage();
		});
		for (const context of contexts) await context.close();
	}
});

export { expect } from '@playwright/test';
