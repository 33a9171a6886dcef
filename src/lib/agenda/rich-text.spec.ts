import { describe, expect, it } from 'vitest';
import { isBlank, parseInline, parseRichText } from './rich-text';

describe('agenda rich text', () => {
	it('splits paragraphs on blank lines and joins wrapped lines', () => {
		const blocks = parseRichText('Første linje\nfortsætter her.\n\nAndet afsnit.');
		expect(blocks).toEqual([
			{ kind: 'paragraph', content: [{ kind: 'text', text: 'Første linje fortsætter her.' }] },
			{ kind: 'paragraph', content: [{ kind: 'text', text: 'Andet afsnit.' }] }
		]);
	});

	it('reads bullets with nested bullets as one list', () => {
		const blocks = parseRichText(
			'Det blev besluttet at:\n- Der skal nedsættes 3 fora\n  - Administrativ/økonomi\n  - Faglig gruppe\n- kommuner melder deltagere ind'
		);
		expect(blocks[0]).toEqual({ kind: 'paragraph', content: [{ kind: 'text', text: 'Det blev besluttet at:' }] });
		expect(blocks[1].kind).toBe('list');
		const list = blocks[1] as Extract<(typeof blocks)[number], { kind: 'list' }>;
		expect(list.ordered).toBe(false);
		expect(list.items).toHaveLength(2);
		expect(list.items[0].children.map((c) => c.content[0])).toEqual([
			{ kind: 'text', text: 'Administrativ/økonomi' },
			{ kind: 'text', text: 'Faglig gruppe' }
		]);
	});

	it('keeps numbered lists ordered and headings separate', () => {
		const blocks = parseRichText('## De 7 indsatsområder\n1. Samtalen om livets afslutning.\n2. Behandlingsniveau.');
		expect(blocks.map((b) => b.kind)).toEqual(['heading', 'list']);
		expect(blocks[1]).toMatchObject({ kind: 'list', ordered: true });
	});

	it('turns only http(s) addresses into links, without trailing punctuation', () => {
		expect(parseInline('Se https://www.sundhedsaftalen.rm.dk/vejledning/. Tak')).toEqual([
			{ kind: 'text', text: 'Se ' },
			{
				kind: 'link',
				text: 'https://www.sundhedsaftalen.rm.dk/vejledning/',
				href: 'https://www.sundhedsaftalen.rm.dk/vejledning/'
			},
			{ kind: 'text', text: '. Tak' }
		]);
		expect(parseInline('javascript:alert(1) <script>')).toEqual([
			{ kind: 'text', text: 'javascript:alert(1) <script>' }
		]);
	});

	it('treats an empty or dash-only text as blank', () => {
		expect(isBlank('-')).toBe(true);
		expect(isBlank(' \n')).toBe(true);
		expect(isBlank('Tekst')).toBe(false);
	});
});

describe('agenda rich text: bold and written links', () => {
	it('reads **bold** runs inside a line', () => {
		expect(parseInline('Vi **anbefaler** at **godkende planen**.')).toEqual([
			{ kind: 'text', text: 'Vi ' },
			{ kind: 'bold', text: 'anbefaler' },
			{ kind: 'text', text: ' at ' },
			{ kind: 'bold', text: 'godkende planen' },
			{ kind: 'text', text: '.' }
		]);
	});

	it('leaves lone or empty asterisks as text', () => {
		expect(parseInline('5 * 3 = 15 og **')).toEqual([{ kind: 'text', text: '5 * 3 = 15 og **' }]);
		expect(parseInline('** ikke fed **')).toEqual([{ kind: 'text', text: '** ikke fed **' }]);
	});

	it('turns [tekst](https://…) and mailto links into links with the written text', () => {
		expect(
			parseInline('Læs [vejledningen](https://rm.dk/vejledning) eller skriv til [os](mailto:klynge@rm.dk).')
		).toEqual([
			{ kind: 'text', text: 'Læs ' },
			{ kind: 'link', text: 'vejledningen', href: 'https://rm.dk/vejledning' },
			{ kind: 'text', text: ' eller skriv til ' },
			{ kind: 'link', text: 'os', href: 'mailto:klynge@rm.dk' },
			{ kind: 'text', text: '.' }
		]);
	});

	it.each([
		'[klik](javascript:alert(1))',
		'[klik](data:text/html;base64,PHNjcmlwdD4=)',
		'[klik](vbscript:msgbox)',
		'[klik](//evil.example/x)',
		'[klik](JAVASCRIPT:alert(1))'
	])('keeps a link with an unsafe address as plain text: %s', (source) => {
		const parts = parseInline(source);
		expect(parts.filter((p) => p.kind === 'link')).toEqual([]);
		expect(parts.map((p) => p.text).join('')).toBe(source);
	});

	it('reads bold and links inside list items and headings', () => {
		const blocks = parseRichText('## **Vigtigt**\n- Se [planen](https://rm.dk/plan)\n1. **Godkend**');
		expect(blocks).toEqual([
			{ kind: 'heading', content: [{ kind: 'bold', text: 'Vigtigt' }] },
			{
				kind: 'list',
				ordered: false,
				items: [
					{
						content: [
							{ kind: 'text', text: 'Se ' },
							{ kind: 'link', text: 'planen', href: 'https://rm.dk/plan' }
						],
						children: []
					}
				]
			},
			{ kind: 'list', ordered: true, items: [{ content: [{ kind: 'bold', text: 'Godkend' }], children: [] }] }
		]);
	});
});
