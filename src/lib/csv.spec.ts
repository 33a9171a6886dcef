import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV cells a spreadsheet opens as text', () => {
	it.each([
		['=HYPERLINK("https://evil.example","Klik")', `"'=HYPERLINK(""https://evil.example"",""Klik"")"`],
		['+45 12 34 56 78', `"'+45 12 34 56 78"`],
		['-2+3', `"'-2+3"`],
		['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
		['\t=1+1', `"'\t=1+1"`],
		['\r=1+1', `"'\r=1+1"`],
		['  =1+1', `"'  =1+1"`],
		['\uff1d1+1', `"'\uff1d1+1"`]
	])('neutralises %j, which could start a formula', (value, cell) => {
		expect(csvCell(value)).toBe(cell);
	});

	it('leaves ordinary text as it is, quoted', () => {
		expect(csvCell('Susanne Jensen')).toBe('"Susanne Jensen"');
		expect(csvCell('Afbud, sygdom')).toBe('"Afbud, sygdom"');
		expect(csvCell('a=b')).toBe('"a=b"');
	});

	it('keeps separators, quotes and line breaks inside their cell', () => {
		expect(csvCell('Kommer; "måske"\nsent')).toBe('"Kommer; ""måske""\nsent"');
	});

	it('writes empty cells for missing values', () => {
		expect(csvCell(null)).toBe('""');
		expect(csvCell(undefined)).toBe('""');
	});

	it('starts with a byte-order mark and ends every row with CRLF', () => {
		expect(
			toCsv([
				['Navn', 'Note'],
				['Jens', '=1+1']
			])
		).toBe('\uFEFF"Navn";"Note"\r\n"Jens";"\'=1+1"\r\n');
	});
});
