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
