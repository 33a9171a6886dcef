// The text toolbar's edits (Punktliste, Nummereret liste, Fed, Link) as pure functions over the
// textarea's text and selection, so they are tested without a browser. Each returns the new text and
// what to select afterwards.

export interface Edit {
	text: string;
	start: number;
	end: number;
}

const LIST_PREFIX = /^(\s*)(?:[-•]\s+|\d+\.\s+)/;

/** Makes the selected lines (or the caret's line) a bullet or numbered list, replacing any list marks. */
export function makeList(text: string, start: number, end: number, numbered: boolean): Edit {
	const from = text.lastIndexOf('\n', start - 1) + 1;
	const lineEnd = text.indexOf('\n', Math.max(end - (end > start && text[end - 1] === '\n' ? 1 : 0), start));
	const to = lineEnd < 0 ? text.length : lineEnd;
	let n = 0;
	const lines = text
		.slice(from, to)
		.split('\n')
		.map((line) => {
			if (!line.trim()) return line;
			n += 1;
			const rest = line.replace(LIST_PREFIX, '$1');
			return `${numbered ? `${n}.` : '-'} ${rest}`;
		});
	const block = lines.join('\n') || (numbered ? '1. ' : '- ');
	return { text: text.slice(0, from) + block + text.slice(to), start: from, end: from + block.length };
}

/** Wraps the selection in ** (or inserts a placeholder word, selected, to type over). */
export function makeBold(text: string, start: number, end: number, placeholder: string): Edit {
	const inner = text.slice(start, end).trim() ? text.slice(start, end) : placeholder;
	return {
		text: `${text.slice(0, start)}**${inner}**${text.slice(end)}`,
		start: start + 2,
		end: start + 2 + inner.length
	};
}

/** Makes the selection a link's text and selects the address to type: [tekst](https://). */
export function makeLink(text: string, start: number, end: number, placeholder: string): Edit {
	const label = text.slice(start, end).trim() ? text.slice(start, end) : placeholder;
	const address = 'https://';
	const at = start + label.length + 3;
	return {
		text: `${text.slice(0, start)}[${label}](${address})${text.slice(end)}`,
		start: at,
		end: at + address.length
	};
}
