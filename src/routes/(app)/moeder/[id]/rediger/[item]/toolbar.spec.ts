import { describe, expect, it } from 'vitest';
import { makeBold, makeLink, makeList } from './toolbar';

describe('the text toolbar', () => {
	it('makes the selected lines a bullet list', () => {
		const text = 'Indledning\nførste\nanden\nSlut';
		const edit = makeList(text, 12, 22, false);
		expect(edit.text).toBe('Indledning\n- første\n- anden\nSlut');
		expect(edit.text.slice(edit.start, edit.end)).toBe('- første\n- anden');
	});

	it('numbers the lines and replaces bullets that were there', () => {
		expect(makeList('- a\n- b', 0, 7, true).text).toBe('1. a\n2. b');
	});

	it('starts an empty list at the caret on an empty line', () => {
		expect(makeList('Tekst\n', 6, 6, false).text).toBe('Tekst\n- ');
	});

	it('wraps the selection in ** and selects the word', () => {
		const edit = makeBold('Vi godkender planen', 3, 12, 'fed tekst');
		expect(edit.text).toBe('Vi **godkender** planen');
		expect(edit.text.slice(edit.start, edit.end)).toBe('godkender');
	});

	it('inserts a placeholder to type over when nothing is selected', () => {
		const edit = makeBold('Vi ', 3, 3, 'fed tekst');
		expect(edit.text).toBe('Vi **fed tekst**');
		expect(edit.text.slice(edit.start, edit.end)).toBe('fed tekst');
	});

	it('makes the selection a link and selects the address to type', () => {
		const edit = makeLink('Se vejledningen her', 3, 15, 'tekst');
		expect(edit.text).toBe('Se [vejledningen](https://) her');
		expect(edit.text.slice(edit.start, edit.end)).toBe('https://');
	});
});
