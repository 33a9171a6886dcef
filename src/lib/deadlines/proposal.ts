// A nomination call proposed from an agenda item's text, for the secretariat to check and edit.
// The strings here are pre-filled form values in Danish, not interface messages.
import { detectDeadlines } from './index';
import type { DeadlineContext, DetectedDeadline, DetectedRequest, Sector } from './types';

export interface ItemText {
	title: string;
	recommendation: string;
	background: string;
	minutes: string;
	decisions: string[];
}

export interface CallProposal {
	title: string;
	description: string;
	everyone: boolean;
	sectors: Sector[];
	/** Per organisation per forum. */
	quota: number;
	/** At least one. */
	fora: string[];
	required: boolean;
	deadline: DetectedDeadline;
	source: string;
}

/** "til arbejdsgruppen", "til den nye styregruppe", "til implementeringsgruppen" → the group named. */
const NAMED_GROUP =
	/(?<!\p{L})til\s+((?:den\s+|det\s+)?(?:nye\s+)?\p{L}*(?:gruppe(?:n)?|udvalg(?:et)?|forum(?:met)?|netværk(?:et)?|team(?:et)?|panel(?:et)?))(?!\p{L})/iu;

/** Item titles in agendas often carry the time slot and presenter: "Demensvenlig klynge (kl. 09.05-09.20) v/…". */
function cleanTitle(title: string): string {
	return title
		.replace(/\s+v\/.*$/u, '')
		.replace(/\s*\((?:kl\.\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\)\s*/u, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A decision becomes a top-level bullet, so fora listed under one decision reach the next. */
function asBullet(decision: string): string {
	return /^\s*[-•o]\s/u.test(decision) ? decision : `- ${decision}`;
}

export function namedGroup(action: string): string | null {
	const match = NAMED_GROUP.exec(action);
	return match ? capitalise(match[1].replace(/\s+/gu, ' ')) : null;
}

function propose(request: DetectedRequest, title: string): CallProposal {
	const group = namedGroup(request.action);
	const fora = request.fora.length > 0 ? request.fora : [group ?? (title || 'Deltagere')];
	const callTitle =
		fora.length > 1
			? `Deltagere til ${fora.length} fora`
			: group
				? `Deltagere til ${group.toLowerCase()}`
				: `Deltagere: ${title || fora[0]}`;
	const everyone = request.everyone || request.sectors.length === 0;
	return {
		title: callTitle,
		description: title
			? `${sentenceCase(request.sentence)}\n\nFra punktet »${title}«.`
			: sentenceCase(request.sentence),
		everyone,
		sectors: everyone ? [] : request.sectors,
		quota: request.count ?? 1,
		fora,
		required: !request.optional,
		deadline: request.deadline,
		source: request.sentence
	};
}

/**
 * Nomination calls the item's text asks for, in text order. Nobody named as actor means every
 * organisation. Requests repeated in the minutes and the decisions are proposed once.
 */
export function proposeCalls(item: ItemText, context: DeadlineContext): CallProposal[] {
	const text = [item.recommendation, item.background, item.minutes, ...item.decisions.map(asBullet)]
		.filter((part) => part && part.trim() !== '')
		.join('\n\n');
	const title = cleanTitle(item.title);
	return detectDeadlines(text, context)
		.filter((request) => request.kind === 'nomination')
		.map((request) => propose(request, title));
}

/** A bullet of the minutes as a sentence of its own: "kommuner melder …" → "Kommuner melder …". */
function sentenceCase(text: string): string {
	return text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
}
