// Splitting minutes and agendas (often copied from PDFs) into bullets and sentences, keeping the
// offsets of each piece in the original text. PDF text breaks lines mid-phrase, sometimes with
// blank lines in between ("senest den \n\n1. juli 2020"), and marks bullets with "•", "o", "-".

/** Letters, including æøå, for boundaries: JavaScript's \b treats "ø" as a non-word character. */
export const L = '\\p{L}';

/** A bullet or list item at the start of a line: the glyph and the text after it. */
const BULLET = /^(?:([•●▪■◦○·*o]|[-–—])[ \t\u00a0]+(?=\S)|(\d{1,2}[.)]|[a-h]\))[ \t\u00a0]+(?=\p{Lu}))/u;
/** "1. juli", "15/9", "2020": a line that starts like the rest of a date, not a new thought. */
const DATE_START =
	/^(?:\d{1,2}\.?\s*(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)|\d{1,2}[./-]\d{1,2}|\d{4}(?!\p{L}))/iu;
/** Page numbers and footers a PDF leaves between two halves of a sentence. */
const PAGE_FOOTER = /^(?:side\s+)?\d{1,3}(?:\s*(?:af|\/)\s*\d{1,3})?$/i;
/** Words a line can end with only when the sentence goes on. */
const DANGLING = /(?:[,;:(–-]|\s(?:og|eller|den|d\.|senest|inden|til|på|af|for|med|fra|kl\.|frist))$/iu;

export interface Segment {
	start: number;
	end: number;
	/** The bullet glyph ("•", "o", "-", "1.") or null for a plain paragraph. */
	glyph: string | null;
	/** Columns of indentation before the glyph (a tab counts 4): sub-bullets are indented more. */
	indent: number;
}

export interface Sentence {
	start: number;
	end: number;
	text: string;
	/** Index of the segment it belongs to. */
	segment: number;
}

/**
 * The text with page numbers and footers blanked out (same length, so offsets still hold): a PDF
 * puts them in the middle of sentences that run over a page break.
 */
export function blankPageFooters(text: string): string {
	return text.replace(/^[ \t]*(?:side\s+)?\d{1,3}(?:\s*(?:af|\/)\s*\d{1,3})?[ \t]*$/gimu, (line) =>
		' '.repeat(line.length)
	);
}

export function normaliseSpace(text: string): string {
	return text.replace(/\s+/gu, ' ').trim();
}

/** Bullets and paragraphs, with line breaks (even blank lines) inside a phrase joined up. */
export function splitSegments(text: string): Segment[] {
	const segments: Segment[] = [];
	let current: Segment | null = null;
	let sawBlank = false;
	const line = /[^\n\r\f]*(?:\r\n|[\n\r\f])?/gu;
	for (let match = line.exec(text); match && match[0] !== ''; match = line.exec(text)) {
		const raw = match[0];
		const leading = raw.length - raw.trimStart().length;
		const content = raw.trim();
		if (content === '' || PAGE_FOOTER.test(content)) {
			sawBlank = true;
			continue;
		}
		const lineStart = match.index + leading;
		const lineEnd = lineStart + content.length;
		const bullet = BULLET.exec(content);
		const indent = raw
			.slice(0, leading)
			.replace(/\t/g, '    ')
			.replace(/[\r\n\f]/g, '').length;
		if (bullet) {
			current = { start: lineStart + bullet[0].length, end: lineEnd, glyph: bullet[1] ?? bullet[2], indent };
			segments.push(current);
		} else if (current && (!sawBlank || continues(text.slice(current.start, current.end), content))) {
			current.end = lineEnd;
		} else {
			current = { start: lineStart, end: lineEnd, glyph: null, indent };
			segments.push(current);
		}
		sawBlank = false;
	}
	return segments;
}

function continues(before: string, line: string): boolean {
	return /^[\p{Ll}(]/u.test(line) || DATE_START.test(line) || DANGLING.test(before.trimEnd());
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
	'bl.a jf kl d ca evt fx f.eks mv m.v pga vedr ift iht mht inkl ekskl nr pr hhv dvs ang tlf att st mio mia kr v obs bla ds jan feb mar apr jun jul aug sep sept okt nov dec'.split(
		' '
	)
);

/** Sentences inside each segment: a full stop, "!" or "?" followed by a capital letter. */
export function splitSentences(text: string, segments: Segment[]): Sentence[] {
	const sentences: Sentence[] = [];
	const boundary = /[.!?](?=\s+["“”(]?\p{Lu})/gu;
	segments.forEach((segment, index) => {
		const body = text.slice(segment.start, segment.end);
		let from = 0;
		const push = (to: number) => {
			const slice = body.slice(from, to);
			const trimmedStart = from + (slice.length - slice.trimStart().length);
			const trimmedEnd = to - (slice.length - slice.trimEnd().length);
			if (trimmedEnd > trimmedStart) {
				sentences.push({
					start: segment.start + trimmedStart,
					end: segment.start + trimmedEnd,
					text: normaliseSpace(body.slice(trimmedStart, trimmedEnd)),
					segment: index
				});
			}
		};
		for (const match of body.matchAll(boundary)) {
			const word = /([\p{L}.]+)$/u.exec(body.slice(Math.max(0, match.index - 12), match.index))?.[1] ?? '';
			const bare = word.replace(/^\.+/, '').toLowerCase();
			if (ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(word)) continue;
			push(match.index + 1);
			from = match.index + 1;
		}
		push(body.length);
	});
	return sentences;
}
