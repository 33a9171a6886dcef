import type { Locator, Page } from '@playwright/test';

export interface Substitute {
	name: string;
	title: string;
	email: string;
}

/** /moeder/[id]/svar/[[valg]]: the full answer form ("Dit svar", substitute, times, note). */
export class AnswerPage {
	readonly heading: Locator;
	readonly answerGroup: Locator;
	readonly substituteName: Locator;
	readonly substituteTitle: Locator;
	readonly substituteEmail: Locator;
	readonly partlyGroup: Locator;
	readonly timesHint: Locator;
	readonly arrives: Locator;
	readonly leaves: Locator;
	/** The live list of the agenda items the member misses, under "Du går glip af:". */
	readonly missed: Locator;
	readonly missedHeading: Locator;
	readonly note: Locator;
	readonly saveButton: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1 });
		this.answerGroup = page.getByRole('group', { name: 'Dit svar', exact: true });
		this.substituteName = page.getByRole('textbox', { name: 'Suppleantens navn', exact: true });
		this.substituteTitle = page.getByRole('textbox', { name: 'Suppleantens titel', exact: true });
		this.substituteEmail = page.getByRole('textbox', { name: 'Suppleantens e-mail', exact: true });
		this.partlyGroup = page.getByRole('group', { name: 'Deltager delvist', exact: true });
		this.timesHint = this.partlyGroup.getByText(/^Mødet varer kl\./);
		// <input type="time"> has no textbox role; its label names it all the same.
		this.arrives = page.getByLabel('Jeg kommer kl.', { exact: true });
		this.leaves = page.getByLabel('Jeg går kl.', { exact: true });
		this.missedHeading = this.partlyGroup.getByText('Du går glip af:', { exact: true });
		this.missed = this.partlyGroup.getByRole('listitem');
		this.note = page.getByRole('textbox', { name: 'Note til sekretariatet', exact: true });
		this.saveButton = page.getByRole('button', { name: 'Gem svar', exact: true });
	}

	async goto(meetingId: string, choice?: 'suppleant' | 'delvist') {
		return this.page.goto(`/moeder/${meetingId}/svar${choice ? `/${choice}` : ''}`);
	}

	/** A radio button of "Dit svar": "Deltager", "Afbud", "Afbud med suppleant" or "Deltager delvist". */
	choice(label: string): Locator {
		return this.answerGroup.getByRole('radio', { name: label, exact: true });
	}

	/** The Danish message shown right after a field (Field.svelte and the note put it there). */
	errorBeside(field: Locator): Locator {
		return field.locator('xpath=following-sibling::p[contains(concat(" ", @class, " "), " field-error ")][1]');
	}

	async fillSubstitute(substitute: Substitute) {
		await this.substituteName.fill(substitute.name);
		await this.substituteTitle.fill(substitute.title);
		await this.substituteEmail.fill(substitute.email);
	}
}
