// CSV files for spreadsheets: semicolons and a byte-order mark, as Danish Excel expects, and no cell
// that a spreadsheet would run as a formula.

/**
 * What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection"): =, +, -, @, tab and
 * carriage return, and the full-width forms some spreadsheets also accept. Leading spaces and line
 * breaks do not hide them: some programs trim cells before they parse them.
 */
const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * One cell, safe to open in Excel, LibreOffice or Google Sheets: a value that could start a formula
 * gets a leading apostrophe (shown as text, never run), and every cell is quoted so that separators,
 * quotes and line breaks inside it stay inside it.
 */
export function csvCell(value: string | number | null | undefined): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (FORMULA_START.test(text)) text = `'${text}`;
	return `"${text.replace(/"/g, '""')}"`;
}

/** A whole CSV file: a byte-order mark, `;` between cells, CRLF after every row. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';') + '\r\n').join('');
}
