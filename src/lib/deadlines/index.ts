// Danish deadline detection for minutes and agendas.
//
// Approach: split the text into bullets and sentences (tolerating PDF line breaks, bullet glyphs
// and page breaks, see text.ts); in each sentence look for a deadline phrase — a marker such as
// "senest", "inden", "svarfrist" or "frist for tilmelding:" followed directly by a date (phrases.ts);
// keep it only when the sentence also asks someone to do something we recognise — melde ind,
// udpege, svare, melde tilbage, sende kommentarer … — in a present, infinitive, imperative or
// "-es" passive form (request.ts). Then read the actor, sectors, count and optionality from the
// same sentence, and fora from a list announced just before it (fora.ts).
//
// Deliberate limits, for precision: a date without a marker is never a deadline; "indtil" (until)
// is not a marker; dates before the meeting are dropped; urgency without a date ("snarest muligt")
// yields nothing, since we will not invent a date; "inden næste møde" needs context.nextMeetingDate;
// clock times and years alone are not dates. A year-less date is the first such date on or after
// the meeting. Requests spread over more than two sentences are not joined up.
import { TZDate } from '@date-fns/tz';
import { findForaLists, type ForaList } from './fora';
import { findDeadlinePhrases, type DeadlinePhrase } from './phrases';
import {
	actionPhrase,
	actorSectors,
	findAction,
	findActor,
	findCount,
	isEveryone,
	isOptional,
	type FoundAction
} from './request';
import { blankPageFooters, splitSegments, splitSentences, type Sentence } from './text';
import type { DeadlineContext, DetectedRequest } from './types';

export type { DeadlineContext, DetectedDeadline, DetectedRequest, Sector } from './types';

const TIME_ZONE = 'Europe/Copenhagen';

/** "Tilbagemeldingen blev sendt inden …": a past or perfect verb between request and deadline. */
const PAST_BETWEEN = /(?<!\p{L})(?:blev|var|havde|er\s+blevet|har\s+været)(?!\p{L})/iu;

/** Kinds for a sentence that has only a deadline noun: "Svarfrist: 1. juli", "Fristen er …". */
function kindOfMarker(marker: string): DetectedRequest['kind'] | null {
	if (/høring|kommentar|bemærkning|tilbagemelding|input/iu.test(marker)) return 'feedback';
	if (/svar/iu.test(marker)) return 'answer';
	if (/tilmelding|indmelding|deltager|repræsentant/iu.test(marker)) return 'nomination';
	if (/frist|deadline/iu.test(marker)) return 'other';
	return null;
}

/** "Kommunerne bedes udpege to repræsentanter. Frist: 15.09.2023." — the deadline's own sentence asks nothing. */
function joinsPrevious(sentence: Sentence, previous: Sentence | undefined, context: DeadlineContext): boolean {
	if (previous?.segment !== sentence.segment) return false;
	const [phrase] = findDeadlinePhrases(sentence.text, context);
	const own = findAction(blank(sentence.text, phrase));
	return (
		(!own || own.start > phrase.start) &&
		!findAction(sentence.text.slice(phrase.end)) &&
		findAction(previous.text) !== null &&
		findDeadlinePhrases(previous.text, context).length === 0
	);
}

/** The text with the deadline phrase blanked out (same length, so offsets hold). */
function blank(text: string, phrase: DeadlinePhrase): string {
	return text.slice(0, phrase.start) + ' '.repeat(phrase.end - phrase.start) + text.slice(phrase.end);
}

/** The text with everything outside [from, to) and the deadline phrase blanked out. */
function region(text: string, phrase: DeadlinePhrase, from: number, to: number): string {
	return ' '.repeat(from) + blank(text, phrase).slice(from, to) + ' '.repeat(text.length - to);
}

/**
 * The requests a sentence makes, one per deadline; with several deadlines each reads only the
 * stretch between its neighbours ("Kommunerne melder tilbage senest 1. juli, og regionen svarer
 * senest 1. august"). Fora are added by the caller.
 */
function readRequests(unit: Sentence, context: DeadlineContext): Omit<DetectedRequest, 'fora'>[] {
	const phrases = findDeadlinePhrases(unit.text, context);
	return phrases.flatMap((phrase, i) => {
		const from = i === 0 ? 0 : phrases[i - 1].end;
		const to = i === phrases.length - 1 ? unit.text.length : phrases[i + 1].start;
		// With the deadline blanked out, "Medlemmerne bedes senest 2. oktober give besked" reads as subject + verb.
		const masked = region(unit.text, phrase, from, to);
		let action = findAction(masked);
		if (!action) {
			// A deadline noun alone ("Svarfrist: 1. juli", "Fristen er …") must open its clause, in a
			// sentence that does not tell of the past ("Ansøgningen blev indsendt inden fristen den 1. juni").
			const kind = kindOfMarker(phrase.marker);
			const opensClause = /(?:^|[,;:(–-])\s*$/u.test(unit.text.slice(0, phrase.start));
			if (!kind || !opensClause || PAST_BETWEEN.test(unit.text)) return [];
			action = { kind, start: phrase.start, end: phrase.start + phrase.marker.length } satisfies FoundAction;
		}
		if (action.end <= phrase.start && PAST_BETWEEN.test(unit.text.slice(action.end, phrase.start))) return [];
		const actor = findActor(masked, action);
		const everyone = actor !== null && isEveryone(actor);
		return [
			{
				kind: action.kind,
				action: actionPhrase(unit.text, action, phrase),
				actor,
				everyone,
				sectors: actor !== null && !everyone ? actorSectors(actor) : [],
				count: findCount(masked),
				optional: isOptional(masked, action, actor),
				deadline: phrase.deadline,
				sentence: unit.text,
				start: unit.start,
				end: unit.end
			}
		];
	});
}

export function detectDeadlines(original: string, context: DeadlineContext): DetectedRequest[] {
	const text = blankPageFooters(original);
	const segments = splitSegments(text);
	const sentences = splitSentences(text, segments);
	const foraLists = findForaLists(text, segments);
	const usedFora = new Set<ForaList>();
	const requests: DetectedRequest[] = [];

	const add = (request: Omit<DetectedRequest, 'fora'>, segment: number) => {
		// Fora announced in the bullets just before a nomination, used by the first one only.
		const fora =
			request.kind === 'nomination'
				? foraLists.find((list) => !usedFora.has(list) && list.announcement <= segment && segment - list.last <= 3)
				: undefined;
		if (fora) usedFora.add(fora);
		// Follow-up lists at the end of minutes repeat requests word for word: report each once.
		const repeated = requests.find(
			(r) =>
				r.sentence.toLowerCase() === request.sentence.toLowerCase() &&
				r.action.toLowerCase() === request.action.toLowerCase() &&
				r.deadline.date === request.deadline.date
		);
		if (!repeated) requests.push({ ...request, fora: fora?.fora ?? [] });
		else if (repeated.fora.length === 0 && fora) repeated.fora = fora.fora;
	};

	sentences.forEach((sentence, index) => {
		if (findDeadlinePhrases(sentence.text, context).length === 0) return;
		const previous = sentences[index - 1];
		const unit = joinsPrevious(sentence, previous, context)
			? { ...sentence, start: previous.start, text: `${previous.text} ${sentence.text}` }
			: sentence;
		for (const request of readRequests(unit, context)) add(request, sentence.segment);
	});
	return requests;
}

/**
 * The instant a deadline ends: a date alone means the end of that day (23:59:59.999) in
 * Europe/Copenhagen; with a time, the start of that minute. DST-correct.
 */
export function deadlineInstant(date: string, time?: string): Date {
	const [year, month, day] = date.split('-').map(Number);
	if (time) {
		const [hours, minutes] = time.split(':').map(Number);
		return new Date(new TZDate(year, month - 1, day, hours, minutes, 0, 0, TIME_ZONE).getTime());
	}
	return new Date(new TZDate(year, month - 1, day, 23, 59, 59, 999, TIME_ZONE).getTime());
}
