// Writes a small, valid one-page PDF with a title and lines of text (Latin-1), for demo attachments.

/** @param {string} s */
const pdfString = (s) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * @param {string} title
 * @param {string[]} lines
 * @returns {Buffer}
 */
export function makeDemoPdf(title, lines) {
	const text = [
		'BT /F1 18 Tf 56 780 Td',
		`${pdfString(title)} Tj`,
		'/F1 11 Tf 0 -28 Td 15 TL',
		...lines.map((line) => `${pdfString(line)} '`),
		'ET'
	].join('\n');
	const content = Buffer.from(text, 'latin1');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		`<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`
	];
	let body = '%PDF-1.4\n';
	/** @type {number[]} */
	const offsets = [];
	objects.forEach((obj, i) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
	});
	const xref = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}
