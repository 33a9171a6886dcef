import type { Locator, Page } from '@playwright/test';

/** /indkaldelser/[id]: one nomination call as a member sees it, with the quick form per forum. */
export class CallPage {
	readonly title: Locator;
	readonly deadline: Locator;
	readonly noneButton: Locator;
	readonly answeredNone: Locator;
	readonly closed: Locator;
	readonly notEligible: Locator;
	readonly others: Locator;
	readonly saved: Locator;

	constructor(readonly page: Page) {
		this.title = page.getByRole('heading', { level: 1 });
		this.deadline = page.locator('p.deadline');
		this.noneButton = page.getByRole('button', { name: 'Vi melder ingen ind' });
		this.answeredNone = page.getByText('Din organisation har svaret: vi melder ingen ind.');
		this.closed = page.getByText('Indkaldelsen er lukket for ændringer.');
		this.notEligible = page.getByText('Din organisation er ikke blandt dem, der kan melde ind.');
		this.others = page.getByText(/^Andre organisationer:/);
		this.saved = page.getByRole('status');
	}

	async goto(callId: string) {
		return this.page.goto(`/indkaldelser/${callId}`);
	}

	/**
	 * A forum's block. With one forum its heading asks "Hvem melder I ind?"; with several it is the
	 * forum's name.
	 */
	forum(name = 'Hvem melder I ind?'): Forum {
		return new Forum(this.page.getByRole('region', { name }));
	}
}

/** One forum of a call: the organisation's nominees and the quick form. */
export class Forum {
	readonly seats: Locator;
	readonly nominees: Locator;
	readonly nominateButton: Locator;
	readonly someoneElse: Locator;

	constructor(readonly root: Locator) {
		this.seats = root.locator('p.seats');
		this.nominees = root.locator('ul.nominees > li');
		this.nominateButton = root.getByRole('button', { name: 'Meld ind' });
		this.someoneElse = root.getByRole('radio', { name: 'En anden person' });
	}

	/** The radio button of a person in the quick form ("Mig selv (…)", a colleague's name). */
	choice(name: string | RegExp): Locator {
		return this.root.getByRole('radio', { name });
	}

	field(label: string): Locator {
		return this.root.getByRole('group', { name: 'En anden person' }).getByLabel(label, { exact: true });
	}

	nominee(name: string): Locator {
		return this.nominees.filter({ hasText: name });
	}

	changeOf(name: string): Locator {
		return this.nominee(name).locator('summary');
	}

	withdrawOf(name: string): Locator {
		return this.root.getByRole('button', { name: `Træk ${name} tilbage` });
	}
}
