// Fora listed with a request: a bullet that announces several groups ("Der skal nedsættes 3 fora")
// followed by sub-bullets naming them, or the same list inline after a colon. Sub-bullets under a
// single group ("en arbejdsgruppe, som skal kigge på …") are its topics, not fora, and questions
// are never fora.
import { normaliseSpace, type Segment } from './text';

const GROUPS =
	'(?:fora|forummer|grupper|arbejdsgrupper|undergrupper|delgrupper|udvalg|teams|følgegrupper|styregrupper|netværk|temagrupper|spor)';
const ANNOUNCEMENT = new RegExp(
	`(?<!\\p{L})(\\d{1,2}|to|tre|fire|fem|seks|flere|følgende|nedenstående)\\s+(?:\\p{L}+\\s+)?${GROUPS}(?!\\p{L})`,
	'iu'
);
const NUMBER_WORDS: Record<string, number> = { to: 2, tre: 3, fire: 4, fem: 5, seks: 6 };
const QUESTION = /^(?:kan|hvordan|hvad|hvem|hvilke|hvilken|hvor|hvornår|er|skal|bør|vil)(?!\p{L})/iu;

export interface ForaList {
	/** The segment that announces the fora. */
	announcement: number;
	/** The last segment belonging to the list (the announcement itself when inline). */
	last: number;
	fora: string[];
}

function cleanForum(text: string): string {
	return normaliseSpace(text)
		.replace(/[.;,:]+$/u, '')
		.trim();
}

function isForumName(text: string): boolean {
	return text !== '' && !text.endsWith('?') && !QUESTION.test(text) && text.split(' ').length <= 8;
}

export function findForaLists(text: string, segments: Segment[]): ForaList[] {
	const lists: ForaList[] = [];
	segments.forEach((segment, index) => {
		const body = normaliseSpace(text.slice(segment.start, segment.end));
		const announced = ANNOUNCEMENT.exec(body);
		if (!announced) return;
		const count = NUMBER_WORDS[announced[1].toLowerCase()] ?? (Number(announced[1]) || null);
		const children: string[] = [];
		let last = index;
		for (let next = index + 1; next < segments.length; next++) {
			const child = segments[next];
			const sameLevel = child.glyph === segment.glyph && child.indent <= segment.indent;
			if (child.glyph === null || sameLevel) break;
			children.push(cleanForum(text.slice(child.start, child.end)));
			last = next;
		}
		let fora = children;
		if (fora.length === 0) {
			const colon = body.indexOf(':', announced.index);
			if (colon === -1) return;
			const inline = body.slice(colon + 1).split(/[.;](?:\s|$)/u)[0];
			fora = inline.split(/,\s*|\s+og\s+/u).map(cleanForum);
		}
		if (!fora.every(isForumName) || fora.length < 2) return;
		lists.push({ announcement: index, last, fora: count && fora.length > count ? fora.slice(0, count) : fora });
	});
	return lists;
}
