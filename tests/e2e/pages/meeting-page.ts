import type { Locator, Page } from '@playwright/test';
import { AttendanceButtons } from './attendance-buttons';

/** /moeder/[id]: the facts of a meeting, its agenda and its participants. */
export class MeetingPage {
	readonly title: Locator;
	readonly facts: Locator;
	readonly mapLink: Locator;
	readonly agenda: Locator;
	readonly participants: Locator;
	readonly organisationHeadings: Locator;
	/** "Dit svar": the member's one-tap answer. */
	readonly answer: AttendanceButtons;
	/** "Se fremmøde", for the group's leaders only. */
	readonly overviewLink: Locator;

	constructor(readonly page: Page) {
		this.title = page.getByRole('heading', { level: 1 });
		this.facts = page.getByRole('region', { name: 'Tidspunkt' });
		this.mapLink = this.facts.getByRole('link', { name: 'Vis på kort' });
		this.agenda = page.getByRole('region', { name: 'Dagsorden' });
		this.participants = page.getByRole('region', { name: 'Mødedeltagere' });
		this.organisationHeadings = this.participants.getByRole('heading', { level: 3 });
		this.answer = new AttendanceButtons(page.getByRole('region', { name: 'Dit svar', exact: true }));
		this.overviewLink = page.getByRole('link', { name: 'Se fremmøde', exact: true });
	}

	async goto(id: string) {
		return this.page.goto(`/moeder/${id}`);
	}

	/** The value (<dd>) shown for a fact (<dt>) such as "Sted". */
	fact(label: string): Locator {
		return this.facts
			.getByRole('term')
			.filter({ hasText: new RegExp(`^${label}$`) })
			.locator('xpath=following-sibling::dd[1]');
	}

	/** The list of people under an organisation's heading (or "Gæster"). */
	peopleOf(organisation: string): Locator {
		return this.participants
			.getByRole('heading', { level: 3, name: organisation, exact: true })
			.locator('xpath=following-sibling::ul[1]')
			.getByRole('listitem');
	}

	agendaItem(title: string): Locator {
		return this.agenda.getByRole('link', { name: title });
	}
}
