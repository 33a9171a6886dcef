// Agenda items: "2. Title (kl. 08.10-08.20) v/Presenter" or "Punkt 3: Title", then sections
// (Indstilling, Sagsfremstilling, Referat); the OPFØLGNINGSPUNKTER list at the end of minutes.
import { detectDeadlines } from '$lib/deadlines';
import { readSlot, toParagraphs } from './text';
import type { ImportedFollowUp, ItemKind } from './types';

/** An item heading; one or two spaces after the number, since lists inside items are spaced wider. */
const ITEM = /^\s{0,3}(?:(?:punkt|pkt\.?|ad)\s*)?(\d{1,2})\s*[.:)]?[ \t]{1,2}(\S.*)$/iu;
const SECTION = /^\s*(indstilling|sagsfremstilling|referat|beslutning|baggrund)\b\s*:?\s*(.*)$/iu;
export const FOLLOW_UPS = /^\s*opfølgningspunkter\s*:?\s*$/iu;
const PRESENTER = /(?:^|\s)v\/\s*(.+)$/u;

export interface RawItem {
	number: number;
	heading: string;
	body: string[];
}

/** Item headings in order: each number one more than the last, so lists inside items are not items. */
export function splitItems(lines: string[]): { before: string[]; items: RawItem[]; after: string[] } {
	const before: string[] = [];
	const items: RawItem[] = [];
	const end = lines.findIndex((line) => FOLLOW_UPS.test(line));
	const stop = end === -1 ? lines.length : end;
	for (let i = 0; i < stop; i++) {
		const line = lines[i];
		const match = ITEM.exec(line);
		const expected = items.length === 0 ? 1 : items[items.length - 1].number + 1;
		// A list of bare headings ("1. Velkomst\n2. Budget") has no blank lines between the items.
		const last = items[items.length - 1];
		const previousBlank =
			i === 0 || lines[i - 1].trim() === '' || (last !== undefined && last.body.every((l) => l.trim() === ''));
		if (
			match &&
			Number(match[1]) === expected &&
			/^\p{Lu}/u.test(match[2]) &&
			(previousBlank || /^\s*(?:punkt|pkt|ad\s)/iu.test(line))
		) {
			items.push({ number: expected, heading: match[2], body: [] });
		} else if (items.length === 0) before.push(line);
		else items[items.length - 1].body.push(line);
	}
	return { before, items, after: lines.slice(stop) };
}

export interface ItemParts {
	title: string;
	slot: { start: string; end: string } | null;
	presenter: string;
	sections: { recommendation: string[]; background: string[]; minutes: string[] };
}

/** Title, slot and presenter from the heading and the lines before the first section. */
export function readItem(raw: RawItem): ItemParts {
	let heading = raw.heading.trim();
	let presenter = '';
	const p = PRESENTER.exec(heading);
	if (p) {
		presenter = p[1];
		heading = heading.slice(0, p.index);
	}
	const slot = readSlot(heading);
	if (slot) heading = heading.replace(slot.match, ' ');
	const sections = { recommendation: [] as string[], background: [] as string[], minutes: [] as string[] };
	let current: keyof typeof sections | null = null;
	let sawContent = false;
	for (const line of raw.body) {
		const section = SECTION.exec(line);
		if (section) {
			const name = section[1].toLowerCase();
			current =
				name === 'indstilling'
					? 'recommendation'
					: name === 'referat' || name === 'beslutning'
						? 'minutes'
						: 'background';
			if (section[2].trim() !== '') sections[current].push(section[2]);
			continue;
		}
		if (current === null && !sawContent) {
			const v = /^\s*v\/\s*(.+)$/u.exec(line);
			if (v && presenter === '') {
				presenter = v[1];
				continue;
			}
		}
		if (current === null && line.trim() !== '') sawContent = true;
		sections[current ?? 'background'].push(line);
	}
	return {
		title: heading.replace(/\s+/g, ' ').trim(),
		slot: slot ? { start: slot.start, end: slot.end } : null,
		presenter: presenter.replace(/\s+/g, ' ').trim().replace(/\.$/, ''),
		sections
	};
}

/** The strongest kind the Indstilling asks for: decision > discussion > orientation. */
export function readKind(title: string, recommendation: string): ItemKind | null {
	if (/^skriftlig(?:e)?\s+orientering/iu.test(title)) return 'written';
	if (/godkend|beslut|vedtag/iu.test(recommendation)) return 'decision';
	if (/drøft|forslag/iu.test(recommendation)) return 'discussion';
	if (/efterretning|orienter/iu.test(recommendation)) return 'orientation';
	return null;
}

const DECIDED = /(?:blev\s+(?:aftalt|besluttet|vedtaget)|var\s+enighed\s+om|besluttede)/iu;

/** Bullets after "Det blev aftalt at" and the like; a one-paragraph Referat that approves is one decision. */
export function readDecisions(minutes: string): string[] {
	const blocks = minutes.split('\n\n');
	const decisions: string[] = [];
	for (let i = 0; i < blocks.length - 1; i++) {
		if (!DECIDED.test(blocks[i])) continue;
		const bullets = blocks[i + 1].split(/\n(?=- )/u).map((b) => b.replace(/^- /u, '').replace(/\n {2}- /gu, '\n  - '));
		if (blocks[i + 1].startsWith('- ')) decisions.push(...bullets);
	}
	if (decisions.length === 0 && blocks.length === 1 && /godkendt|besluttet|vedtaget/iu.test(blocks[0]))
		decisions.push(blocks[0]);
	return decisions;
}

/** The actor the deadline detection found, or the secretariat when it is the subject ("at sekretariatet efterspørger"). */
function ownerOf(text: string, actor: string | null): string {
	if (actor) return actor.charAt(0).toLocaleUpperCase('da') + actor.slice(1);
	return /^(?:at\s+)?sekretariatet\s/iu.test(text) ? 'Sekretariatet' : '';
}

/** "Punkt 2" then bullets; each top-level bullet is a follow-up with the deadline it sets, if any. */
export function readFollowUps(
	lines: string[],
	meetingDate: string | null
): { followUps: ImportedFollowUp[]; leftovers: string[] } {
	const followUps: ImportedFollowUp[] = [];
	const leftovers: string[] = [];
	let item: number | null = null;
	let block: string[] = [];
	const flush = () => {
		if (item === null) {
			const text = toParagraphs(block);
			if (text) leftovers.push(text);
		} else {
			const text = toParagraphs(block);
			let intro: string | null = null;
			for (const part of text.split('\n\n')) {
				// Bullets follow-up only under "Det blev aftalt/besluttet", not under "forslag til overvejelse".
				if (!part.startsWith('- ') || (intro !== null && !DECIDED.test(intro))) {
					if (part) leftovers.push(`Punkt ${item}: ${part}`);
					if (!part.startsWith('- ')) intro = part;
					continue;
				}
				for (const bullet of part.split(/\n(?=- )/u)) {
					const body = bullet.replace(/^- /u, '');
					const found = meetingDate ? detectDeadlines(body, { meetingDate }) : [];
					followUps.push({
						item,
						text: body,
						owner: ownerOf(body, found[0]?.actor ?? null),
						due: found[0]?.deadline.date ?? null
					});
				}
			}
		}
		block = [];
	};
	for (const line of lines) {
		if (FOLLOW_UPS.test(line)) continue;
		const punkt = /^\s*punkt\s+(\d{1,2})\.?\s*$/iu.exec(line);
		if (punkt) {
			flush();
			item = Number(punkt[1]);
			continue;
		}
		block.push(line);
	}
	flush();
	return { followUps, leftovers };
}
