import type { Locator } from '@playwright/test';

/** The one-tap answer (src/lib/components/AttendanceButtons.svelte) inside a section of home or a meeting. */
export class AttendanceButtons {
	/** "Dit svar: Deltager", or "Du har ikke svaret endnu." */
	readonly status: Locator;
	readonly attend: Locator;
	readonly decline: Locator;
	readonly withSubstitute: Locator;
	readonly partly: Locator;
	readonly moreOptions: Locator;

	constructor(readonly scope: Locator) {
		this.status = scope.getByText(/^(Dit svar: .+|Du har ikke svaret endnu\.)$/);
		this.attend = scope.getByRole('button', { name: 'Deltager', exact: true });
		this.decline = scope.getByRole('button', { name: 'Afbud', exact: true });
		this.withSubstitute = scope.getByRole('link', { name: 'Afbud med suppleant', exact: true });
		this.partly = scope.getByRole('link', { name: 'Deltager delvist', exact: true });
		this.moreOptions = scope.getByRole('link', { name: 'Flere muligheder og note', exact: true });
	}
}
