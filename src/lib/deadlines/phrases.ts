// Deadline phrases: a marker ("senest", "inden", "svarfrist", "frist for tilmelding:") followed
// directly by a date ("1. juli 2020", "fredag den 14. august", "15/9", "15.09.2023", "udgangen af
// juni", "næste møde", "uge 34"), optionally with a clock time and an urgency cue before it
// ("hurtigst muligt og senest den …"). A date without such a marker is never a deadline: "indtil
// 1. september", "møde d. 20. februar" and "afholdt den 3. maj" have none.
import type { DeadlineContext, DetectedDeadline } from './types';

const MONTH_NUMBERS: Record<string, number> = {
	jan: 1,
	feb: 2,
	mar: 3,
	apr: 4,
	maj: 5,
	jun: 6,
	jul: 7,
	aug: 8,
	sep: 9,
	okt: 10,
	nov: 11,
	dec: 12
};
const MONTH =
	'(?:(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?!\\p{L})|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)(?!\\p{L})\\.?)';
const WEEKDAY = '(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:en)?';
const TIME = '(?:kl\\.?|klokken)\\s*(\\d{1,2})(?:[.:](\\d{2}))?(?!\\d)';
/** Words between "frist for" and the date; a past-tense verb there ("fristen var …") stops it. */
const FRIST_OBJECT = '(?:\\s+(?!(?:var|blev|udløb|udløbet|er|den)(?!\\p{L}))\\p{L}+){1,3}';

/** Where a deadline may start. The date must follow the marker directly. */
const MARKER = new RegExp(
	[
		'(?<!\\p{L})(?:',
		`\\p{L}*frist(?:en)?(?:\\s+for${FRIST_OBJECT})?(?:\\s+(?:er|udløber))?\\s*[:–-]?`,
		`|deadline(?:\\s+for${FRIST_OBJECT})?(?:\\s+er)?\\s*:?`,
		'|senest|inden|før|ikke\\s+senere\\s+end',
		')(?!\\p{L})\\s*'
	].join(''),
	'giu'
);

/** The date (and clock time) right after a marker; named groups say which form matched. */
const DATE_AFTER_MARKER = new RegExp(
	[
		'(?:(?:forlænget|rykket|udskudt|ændret)\\s+til\\s+)?',
		'(?:senest\\s+)?',
		`(?:${TIME}\\s*,?\\s+)?`,
		'(?:(?:på\\s+)?\\p{L}*mødet\\s+)?',
		`(?:(?:på\\s+)?${WEEKDAY}\\s+)?`,
		'(?:den\\s+|d\\.\\s*)?',
		'(?:',
		`(?<day>\\d{1,2})\\.?\\s*(?<month>${MONTH})(?:\\s+(?<year>\\d{4}))?`,
		'|(?<nday>\\d{1,2})[./-](?<nmonth>\\d{1,2})(?:[./-](?<nyear>\\d{4}|\\d{2}))?(?![\\d/-]|\\.\\d)',
		`|(?:(?:ved|med)\\s+)?udgangen\\s+af\\s+(?<eomonth>${MONTH})(?:\\s+(?<eoyear>\\d{4}))?`,
		`|ultimo\\s+(?<ulmonth>${MONTH})(?:\\s+(?<ulyear>\\d{4}))?`,
		'|(?:i\\s+)?uge\\s+(?<week>\\d{1,2})(?:\\s+(?<wyear>\\d{4}))?(?!\\d)',
		'|(?:(?:på|til)\\s+)?(?:det\\s+)?(?<next>næste\\s+\\p{L}*møde)(?!\\p{L})',
		')',
		`(?:,?\\s*${TIME})?`
	].join(''),
	'iuy'
);

const URGENT =
	/(?<!\p{L})(?:hurtigst\s+muligt|hurtigst\s+belejligt|så\s+hurtigt\s+som\s+muligt|så\s+snart\s+som\s+muligt|snarest(?:\s+muligt)?|straks|omgående|hurtigst)(?!\p{L})/giu;

export interface DeadlinePhrase {
	deadline: DetectedDeadline;
	/** Offsets of the phrase in the sentence it was found in. */
	start: number;
	end: number;
	/** The marker as written, e.g. "svarfrist", "Frist for tilmelding:", "senest". */
	marker: string;
}

/** True when the sentence asks for speed: "hurtigst muligt", "snarest", "straks" … */
export function isUrgent(sentence: string): boolean {
	URGENT.lastIndex = 0;
	return URGENT.test(sentence);
}

/**
 * Every dated deadline in one sentence. Dates before the meeting are dropped (they describe the
 * past), and so is "næste møde" when the next meeting's date is unknown. Urgency without a date
 * ("snarest muligt") yields nothing: we do not invent a date the text does not give.
 */
export function findDeadlinePhrases(sentence: string, context: DeadlineContext): DeadlinePhrase[] {
	const phrases: DeadlinePhrase[] = [];
	for (const marker of sentence.matchAll(MARKER)) {
		DATE_AFTER_MARKER.lastIndex = marker.index + marker[0].length;
		const match = DATE_AFTER_MARKER.exec(sentence);
		if (!match) continue;
		const resolved = resolveDate(match, marker[0], context);
		if (!resolved || resolved.date < context.meetingDate) continue;
		if (phrases.some((phrase) => marker.index < phrase.end)) continue;
		const urgency = urgencyBefore(sentence, marker.index);
		const start = urgency ?? marker.index;
		const end = match.index + match[0].length;
		const hours = match[1] ?? match[match.length - 2];
		const minutes = match[2] ?? match[match.length - 1];
		const time = hours === undefined ? undefined : clock(hours, minutes);
		phrases.push({
			deadline: {
				date: resolved.date,
				...(time ? { time } : {}),
				urgent: urgency !== null || isUrgent(sentence),
				text: sentence.slice(start, end).replace(/\s+/gu, ' ').trim()
			},
			start,
			end,
			marker: marker[0].trim()
		});
	}
	return phrases;
}

/** Start of "hurtigst muligt og " right before a marker, or null. */
function urgencyBefore(sentence: string, markerStart: number): number | null {
	for (const urgent of sentence.matchAll(URGENT)) {
		const gap = sentence.slice(urgent.index + urgent[0].length, markerStart);
		if (/^\s*(?:,\s*)?(?:(?:og|eller|dog|men)\s+)?(?:allersenest\s+)?$/iu.test(gap)) return urgent.index;
	}
	return null;
}

function clock(hours: string, minutes: string | undefined): string | undefined {
	const h = Number(hours);
	const m = Number(minutes ?? '0');
	if (h > 23 || m > 59) return undefined;
	return `${pad(h)}:${pad(m)}`;
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

/** 1–12 for a Danish month name or its abbreviation ("juni", "jun"). */
export function monthNumber(name: string): number {
	return MONTH_NUMBERS[name.toLowerCase().slice(0, 3)];
}

function resolveDate(match: RegExpExecArray, marker: string, context: DeadlineContext): { date: string } | null {
	const g = match.groups ?? {};
	if (g.next) return context.nextMeetingDate ? { date: context.nextMeetingDate } : null;
	if (g.day && g.month) return dayMonth(Number(g.day), monthNumber(g.month), g.year, context);
	if (g.nday && g.nmonth) return dayMonth(Number(g.nday), Number(g.nmonth), g.nyear, context);
	const endMonth = g.eomonth ?? g.ulmonth;
	if (endMonth) {
		const month = monthNumber(endMonth);
		return dayMonth(lastDayOf(2001, month), month, g.eoyear ?? g.ulyear, context, true);
	}
	if (g.week) return isoWeek(Number(g.week), g.wyear, /^(inden|før)/iu.test(marker), context);
	return null;
}

function isoDate(year: number, month: number, day: number): string {
	return `${year}-${pad(month)}-${pad(day)}`;
}

function lastDayOf(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A day and month, with the year as written or else the first such date on or after the meeting.
 * `endOfMonth` takes the last day of the month in whichever year is chosen.
 */
function dayMonth(
	day: number,
	month: number,
	yearText: string | undefined,
	context: DeadlineContext,
	endOfMonth = false
): { date: string } | null {
	if (!(month >= 1 && month <= 12)) return null;
	const valid = (year: number) => {
		const d = endOfMonth ? lastDayOf(year, month) : day;
		return d >= 1 && d <= lastDayOf(year, month) ? isoDate(year, month, d) : null;
	};
	if (yearText) {
		const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
		const date = valid(year);
		return date ? { date } : null;
	}
	const meetingYear = Number(context.meetingDate.slice(0, 4));
	for (let year = meetingYear; year <= meetingYear + 8; year++) {
		const date = valid(year);
		if (date && date >= context.meetingDate) return { date };
	}
	return null;
}

/** "senest (i) uge 34" → Friday of ISO week 34; "inden uge 34" → the Sunday before it starts. */
function isoWeek(
	week: number,
	yearText: string | undefined,
	before: boolean,
	context: DeadlineContext
): { date: string } | null {
	if (week < 1 || week > 53) return null;
	const day = (year: number) => {
		const jan4 = new Date(Date.UTC(year, 0, 4));
		const monday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
		return new Date(monday + (before ? -1 : 4) * 86_400_000).toISOString().slice(0, 10);
	};
	if (yearText) return { date: day(Number(yearText)) };
	const meetingYear = Number(context.meetingDate.slice(0, 4));
	const date = day(meetingYear);
	return { date: date >= context.meetingDate ? date : day(meetingYear + 1) };
}
