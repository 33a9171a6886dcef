// HTML from an uploaded Word file (mammoth's output) → the text format the app stores and the
// import parser reads (src/lib/agenda/rich-text.ts): "## " headings, "- " bullets, "1. " numbered
// points, blank lines between paragraphs, table rows as lines. The HTML is cleaned with
// sanitize-html first, keeping only structural tags, so a hostile document (scripts, styles, event
// handlers, javascript: links, images) can contribute nothing but its text.
import sanitizeHtml from 'sanitize-html';

const BLOCKS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr'];
const INLINE = ['td', 'th', 'br', 'strong', 'b', 'em', 'i', 'u', 'a', 'sup', 'sub'];

/** Only structure and text survive; links keep an http(s) or mailto address. */
export function cleanHtml(html: string): string {
	return sanitizeHtml(html, {
		allowedTags: [...BLOCKS, ...INLINE],
		allowedAttributes: { a: ['href'] },
		allowedSchemes: ['http', 'https', 'mailto'],
		allowProtocolRelative: false,
		// The contents of these are code or styling, never text a reader wrote.
		nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template']
	});
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

/** Marks where a list ends, so that two lists in a row stay two lists. */
const END_OF_LIST = '\u0000';

interface List {
	ordered: boolean;
	next: number;
}

/**
 * Converts (cleaned) HTML to stored text. Paragraphs and headings are separated by a blank line, a
 * <br> becomes a line break, list items become "- " or "1. " lines (nested lists indented by two
 * spaces), and a table row becomes one line with its cells separated by " | ".
 */
export function htmlToText(html: string): string {
	const clean = cleanHtml(html);
	const blocks: string[] = [];
	/** Which blocks are list items, so a paragraph that starts "1. " is not taken for one. */
	const listLines = new Set<number>();
	let isItem = false;
	const lists: List[] = [];
	let line = '';
	let prefix = '';
	let cells: string[] | null = null;
	let inRow = false;

	const flush = () => {
		const text = line
			.split('\n')
			.map((l) => l.replace(/[ \t]+/g, ' ').trim())
			.join('\n')
			.replace(/^\n+|\n+$/g, '');
		if (text !== '') {
			blocks.push(prefix + text);
			listLines.add(blocks.length - 1);
			if (!isItem) listLines.delete(blocks.length - 1);
		}
		line = '';
		prefix = '';
		isItem = false;
	};

	// sanitize-html returns well-formed markup with escaped text, so a tag tokenizer suffices.
	const TOKEN = /<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi;
	for (const match of clean.matchAll(TOKEN)) {
		const [, closing, rawTag, text] = match;
		if (text !== undefined) {
			const value = decode(text).replace(/\s+/g, ' ');
			if (inRow && cells) cells[cells.length - 1] += value;
			else line += value;
			continue;
		}
		const tag = rawTag.toLowerCase();
		if (tag === 'br') {
			if (inRow && cells) cells[cells.length - 1] += ' ';
			else line += '\n';
			continue;
		}
		if (tag === 'tr') {
			if (!closing) {
				flush();
				inRow = true;
				cells = [];
			} else {
				const row = (cells ?? []).map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== '');
				if (row.length) blocks.push(row.join(' | '));
				cells = null;
				inRow = false;
			}
			continue;
		}
		if (tag === 'td' || tag === 'th') {
			if (!closing && cells) cells.push('');
			continue;
		}
		if (tag === 'ul' || tag === 'ol') {
			flush();
			if (!closing) lists.push({ ordered: tag === 'ol', next: 1 });
			else if (lists.pop() && lists.length === 0) blocks.push(END_OF_LIST);
			continue;
		}
		if (tag === 'li') {
			flush();
			if (!closing) {
				const list = lists[lists.length - 1];
				const indent = '  '.repeat(Math.max(0, lists.length - 1));
				prefix = list?.ordered ? `${indent}${list.next++}. ` : `${indent}- `;
				isItem = true;
			}
			continue;
		}
		if (/^h[1-6]$/.test(tag)) {
			flush();
			if (!closing) prefix = '## ';
			continue;
		}
		if (tag === 'p' || tag === 'table' || tag === 'thead' || tag === 'tbody') {
			// A paragraph inside a list item continues that item.
			if (tag === 'p' && prefix !== '' && line === '') continue;
			flush();
		}
	}
	flush();

	// Consecutive list lines stay together; everything else is separated by a blank line.
	const isRow = (b: string) => b.includes(' | ');
	let out = '';
	let prev: number | null = null;
	blocks.forEach((block, i) => {
		if (block === END_OF_LIST) {
			prev = null;
			return;
		}
		if (out !== '') {
			const together =
				prev !== null && ((listLines.has(prev) && listLines.has(i)) || (isRow(blocks[prev]) && isRow(block)));
			out += together ? '\n' : '\n\n';
		}
		out += block;
		prev = i;
	});
	return out;
}
