// Agenda texts are stored as plain text with light conventions ("- " bullets, "1. " numbered,
// "## " sub-headings, blank lines between paragraphs, **bold**, [tekst](https://…) links). They are
// parsed into blocks and rendered by Svelte, never injected as HTML, so a pasted tag stays text.

export type Inline = { kind: 'text' | 'bold'; text: string } | { kind: 'link'; text: string; href: string };
export type ListItem = { content: Inline[]; children: ListItem[] };
export type Block =
	| { kind: 'heading'; content: Inline[] }
	| { kind: 'paragraph'; content: Inline[] }
	| { kind: 'list'; ordered: boolean; items: ListItem[] };

// One pass over three forms: **bold**, [tekst](address) and a bare http(s) address. A written link
// is a link only with http, https or mailto: `[x](javascript:…)` does not match and stays text.
const INLINE_PATTERN =
	/\*\*(\S(?:[^*]*?\S)?)\*\*|\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:)[^\s()<>"]+)\)|https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/** Splits text into plain runs, bold runs and links; only http(s) and mailto addresses become links. */
export function parseInline(text: string): Inline[] {
	const parts: Inline[] = [];
	let last = 0;
	for (const match of text.matchAll(INLINE_PATTERN)) {
		if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
		const [all, bold, label, href] = match;
		parts.push(bold ? { kind: 'bold', text: bold } : { kind: 'link', text: label ?? all, href: href ?? all });
		last = match.index + all.length;
	}
	if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
	return parts;
}

const BULLET = /^(\s*)[-•◦o]\s+(.*)$/;
const NUMBERED = /^(\s*)\d+\.\s+(.*)$/;

/** Parses stored agenda text into blocks. */
export function parseRichText(source: string | null | undefined): Block[] {
	const blocks: Block[] = [];
	let paragraph: string[] = [];
	let list: Extract<Block, { kind: 'list' }> | null = null;

	const flushParagraph = () => {
		if (paragraph.length) blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
		paragraph = [];
	};
	const flushList = () => {
		if (list) blocks.push(list);
		list = null;
	};

	for (const raw of (source ?? '').replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trimEnd();
		if (!line.trim()) {
			flushParagraph();
			flushList();
			continue;
		}
		if (line.startsWith('## ')) {
			flushParagraph();
			flushList();
			blocks.push({ kind: 'heading', content: parseInline(line.slice(3).trim()) });
			continue;
		}
		const bullet = BULLET.exec(line);
		const item = bullet ?? NUMBERED.exec(line);
		if (item) {
			flushParagraph();
			const ordered = !bullet;
			const entry: ListItem = { content: parseInline(item[2]), children: [] };
			const parent = item[1].length >= 2 ? list?.items.at(-1) : undefined;
			if (parent) {
				parent.children.push(entry);
				continue;
			}
			if (!list || list.ordered !== ordered) {
				flushList();
				list = { kind: 'list', ordered, items: [] };
			}
			list.items.push(entry);
			continue;
		}
		const last = list?.items.at(-1);
		if (last && /^\s/.test(raw)) {
			// An indented continuation line belongs to the list item above.
			last.content.push(...parseInline(` ${line.trim()}`));
			continue;
		}
		flushList();
		paragraph.push(line.trim());
	}
	flushParagraph();
	flushList();
	return blocks;
}

/** True when the text holds nothing worth showing (empty, or a lone "-"). */
export function isBlank(source: string | null | undefined): boolean {
	return !source || /^[\s-]*$/.test(source);
}
