import type { Locator } from '@playwright/test';

/** The one-tap answer (src/lib/components/AttendanceButtons.svelte) inside a section of home or a meeting. */
export class AttendanceButtons {
	/**
	 * The answer in full: "Dit svar: Afbud med suppleant: Jens Hansen" on home, just "Afbud med suppleant:
	 * Jens Hansen" under the meeting page's "Dit svar" heading; or "Du har ikke svaret endnu."
	 */
	readonly status: Locator;
	/** "Dit svar er gemt.", shown where the member lands after saving. */
	readonly saved: Locator;
	/** "Venter på netværk: …", while the answer waits in the phone's outbox. */
	readonly waiting: Locator;
	readonly attend: Locator;
	readonly decline: Locator;
	readonly withSubstitute: Locator;
	readonly partly: Locator;
	readonly moreOptions: Locator;

	constructor(readonly scope: Locator) {
		this.status = scope.getByTestId('answer-status');
		this.saved = scope.getByRole('status').filter({ hasText: 'Dit svar er gemt.' });
		this.waiting = scope.getByTestId('answer-waiting');
		this.attend = scope.getByRole('button', { name: 'Deltager', exact: true });
		this.decline = scope.getByRole('button', { name: 'Afbud', exact: true });
		this.withSubstitute = scope.getByRole('link', { name: 'Afbud med suppleant', exact: true });
		this.partly = scope.getByRole('link', { name: 'Deltager delvist', exact: true });
		this.moreOptions = scope.getByRole('link', { name: 'Flere muligheder og note', exact: true });
	}
}
