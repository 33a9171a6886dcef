// A minimal Word file (.docx) built at test time, so no binary lives in git: one paragraph per
// block of the given text (blocks separated by blank lines), its lines joined by line breaks, as a
// document copied from a PDF into Word looks.
import JSZip from 'jszip';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function paragraph(block: string): string {
	const runs = block
		.split('\n')
		.map(
			(line, i) => `${i > 0 ? '<w:r><w:br/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`
		)
		.join('');
	return `<w:p>${runs}</w:p>`;
}

/** The bytes of a .docx whose body holds the text. */
export async function buildDocx(text: string): Promise<Buffer> {
	const blocks = text
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.filter((b) => b.trim() !== '');
	const zip = new JSZip();
	zip.file(
		'[Content_Types].xml',
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
			'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
			'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
			'<Default Extension="xml" ContentType="application/xml"/>' +
			'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
			'</Types>'
	);
	zip.file(
		'_rels/.rels',
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
			'</Relationships>'
	);
	zip.file(
		'word/document.xml',
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
			'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
			blocks.map(paragraph).join('') +
			'</w:body></w:document>'
	);
	return zip.generateAsync({ type: 'nodebuffer' });
}
