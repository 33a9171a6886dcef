// Lines and paragraphs of text pasted from Word or a PDF: line endings, non-breaking spaces,
// trailing spaces and lines wrapped mid-phrase, reusing the deadline detection's segmenter.
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from '$lib/dates';
import { normaliseSpace, splitSegments } from '$lib/deadlines/text';
import { monthNumber } from '$lib/deadlines/phrases';

/** One line ending, no non-breaking spaces, no trailing spaces. */
export function normaliseLines(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/\u00a0/g, ' ')
		.split('\n')
		.map((line) => line.replace(/\s+$/u, ''));
}

/**
 * A PDF loses the space between paragraphs: a line that ends a sentence well short of the full
 * width, followed by a capital, ends its paragraph ("… sektorer.\nFlere oplever …").
 */
function breakParagraphs(lines: string[]): string[] {
	const width = Math.max(0, ...lines.map((l) => l.trim().length));
	const out: string[] = [];
	lines.forEach((line, i) => {
		if (isSubheading(lines, i, width)) {
			out.push(`## ${line.trim()}`, '');
			return;
		}
		out.push(line);
		const next = lines[i + 1]?.trim() ?? '';
		const short = line.trim().length < width * 0.8;
		if (
			short &&
			/[.!?]$/u.test(line.trim()) &&
			/^\p{Lu}/u.test(next) &&
			!/^\s*(?:[-•●▪■◦○·*o]|\d{1,2}[.)])\s/u.test(line)
		)
			out.push('');
	});
	return out;
}

/**
 * A short line on its own after a blank line, without closing punctuation, before a paragraph that
 * starts with a capital: a sub-heading of a written orientation ("Status på projekt livets afslutning").
 */
function isSubheading(lines: string[], i: number, width: number): boolean {
	const line = lines[i].trim();
	if (line === '' || (i > 0 && lines[i - 1].trim() !== '' && !isSubheading(lines, i - 1, width))) return false;
	// A long line is a heading only when it stands alone between blank lines (a PDF keeps a wrapped
	// paragraph's lines together): "Vejledning til afklaring af ansvarsfordeling for hjælpemidler …".
	const alone = (lines[i + 1] ?? '').trim() === '';
	if ((line.length > width * 0.8 && !alone) || /[.:;,!?–-]$/u.test(line) || !/^['"“”‘’]?\p{Lu}/u.test(line))
		return false;
	if (/^(?:[-•●▪■◦○·*o]|\d{1,2}[.)])\s/u.test(line)) return false;
	const next =
		lines
			.slice(i + 1)
			.find((l) => l.trim() !== '')
			?.trim() ?? '';
	return /^\p{Lu}/u.test(next);
}

/** Rejoins a word split over two lines ("Midt-\nklyngen"). */
function joinSplitWords(text: string): string {
	return text
		.replace(/(\S*\/\S*-)[ \t]*\n[ \t\n]*(?=\p{Ll})/gu, '$1') // a URL keeps its hyphen
		.replace(/(\p{Ll})-[ \t]*\n[ \t\n]*(\p{Ll})/gu, '$1$2');
}

/**
 * Lines as the app stores text: paragraphs separated by a blank line, bullets as "- …" on lines of
 * their own (sub-bullets "  - …"), numbered points kept as "1. …"; wrapped lines joined up.
 */
export function toParagraphs(lines: string[]): string {
	const text = joinSplitWords(breakParagraphs(lines).join('\n'));
	const segments = splitSegments(text);
	const out: string[] = [];
	let baseIndent: number | null = null;
	let previousBullet = false;
	for (const segment of segments) {
		const body = normaliseSpace(text.slice(segment.start, segment.end));
		if (body === '') continue;
		let line: string;
		const glyph = segment.glyph;
		if (glyph === null) {
			line = body;
			baseIndent = null;
		} else if (/^\d/.test(glyph)) {
			line = `${glyph} ${body}`;
		} else {
			const nested =
				glyph === 'o' || glyph === '◦' || glyph === '○' || (baseIndent !== null && segment.indent > baseIndent + 1);
			if (baseIndent === null || !previousBullet) baseIndent = segment.indent;
			line = `${nested ? '  ' : ''}- ${body}`;
		}
		const bullet = glyph !== null;
		if (out.length > 0) out.push(bullet && previousBullet ? '\n' : '\n\n');
		out.push(line);
		previousBullet = bullet;
	}
	return out.join('');
}

/** "12. juni 2020" (or without the year, with a fallback year) → "2020-06-12". */
export function findDanishDate(text: string, year?: number): string | null {
	const match =
		/(\d{1,2})\.\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?:\s+(\d{4}))?/iu.exec(
			text
		);
	if (!match) return findNumericDate(text, year);
	const y = match[3] ? Number(match[3]) : year;
	if (!y) return null;
	const month = monthNumber(match[2]);
	return `${y}-${String(month).padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

/** "12.06.2020", "12/6-2020" or "12.6." (with a fallback year) → "2020-06-12"; null for no real day. */
function findNumericDate(text: string, year?: number): string | null {
	// Not a clock time ("kl. 08.00-10.40"): a day and month are followed by a year or a full stop.
	const match = /(?<![\d.:]|kl\.\s{0,2})(\d{1,2})[./](\d{1,2})(?:[.\-/](\d{4})|\.(?!\d))/u.exec(text);
	if (!match) return null;
	const y = match[3] ? Number(match[3]) : year;
	const [d, mo] = [Number(match[1]), Number(match[2])];
	if (!y || mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
	return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A slot "(kl. 08.20-08.50)", "(9.55-10.25)" or "kl. 08.00-10.40": the two times as "08:20". */
export const SLOT = /\(?(?:kl\.\s*)?(\d{1,2})[.:](\d{2})\s*[-–]\s*(\d{1,2})[.:](\d{2})\)?/u;

export function readSlot(text: string): { start: string; end: string; match: string } | null {
	const m = SLOT.exec(text);
	if (!m) return null;
	return { start: `${m[1].padStart(2, '0')}:${m[2]}`, end: `${m[3].padStart(2, '0')}:${m[4]}`, match: m[0] };
}

/** The ISO instant of a Copenhagen wall-clock time on a day. */
export function instantOf(date: string, time: string): string {
	const [y, m, d] = date.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	return new Date(new TZDate(y, m - 1, d, hh, mm, 0, 0, TIME_ZONE).getTime()).toISOString();
}
