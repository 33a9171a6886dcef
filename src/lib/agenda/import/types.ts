// The structured meeting proposed from a pasted agenda or minutes, for the secretariat to review.
import type { CallProposal } from '$lib/deadlines/proposal';

export type ItemKind = 'decision' | 'discussion' | 'orientation' | 'written';

export interface ImportedPerson {
	name: string;
	title: string;
	/** "Medicinsk Afdeling" after a comma. */
	department: string;
	/** "(medformand)", "(suppleant for …)", "(indtil kl. 9.45)" without the brackets. */
	note: string;
}

export interface ImportedOrganisation {
	organisation: string;
	people: ImportedPerson[];
}

export interface ImportedApology {
	name: string;
	title: string;
	organisation: string;
}

export interface ImportedFollowUp {
	/** The item number it was listed under ("Punkt 2"). */
	item: number;
	text: string;
	owner: string;
	/** yyyy-mm-dd, or null when the text sets no deadline. */
	due: string | null;
}

export interface ImportedItem {
	number: number;
	title: string;
	starts: string | null;
	ends: string | null;
	presenter: string;
	kind: ItemKind | null;
	recommendation: string;
	background: string;
	minutes: string;
	decisions: string[];
	proposedCalls: CallProposal[];
}

export interface ImportedMeeting {
	kind: 'agenda' | 'minutes';
	title: string;
	starts: string | null;
	ends: string | null;
	locationRoom: string;
	locationAddress: string;
	locationNote: string;
	catering: string;
	chair: string;
	minuteTakers: string[];
	participants: ImportedOrganisation[];
	guests: ImportedPerson[];
	apologies: ImportedApology[];
	/** yyyy-mm-dd */
	minutesDate: string | null;
	items: ImportedItem[];
	followUps: ImportedFollowUp[];
}

export type ImportResult =
	| { ok: true; meeting: ImportedMeeting; leftovers: string[] }
	| { ok: false; error: { field: 'text'; message: string } };
