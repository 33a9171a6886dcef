// How attachments are named and described: a readable title for PocketBase's stored file name, the
// kind of file and its size in Danish ("PDF, 245 kB"), and which files a browser may show inline.
import { attachmentLabel } from '$lib/meetings';

const KINDS: Record<string, string> = {
	pdf: 'PDF',
	doc: 'Word',
	docx: 'Word',
	odt: 'Word',
	xls: 'Excel',
	xlsx: 'Excel',
	ods: 'Excel',
	csv: 'CSV',
	ppt: 'PowerPoint',
	pptx: 'PowerPoint',
	odp: 'PowerPoint',
	png: 'billede',
	jpg: 'billede',
	jpeg: 'billede',
	gif: 'billede',
	webp: 'billede',
	txt: 'tekst',
	zip: 'ZIP'
};

function extensionOf(name: string): string {
	return /\.([a-z0-9]{1,10})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/**
 * A readable title for a stored file: without PocketBase's random suffix, with the spaces that
 * PocketBase turned into underscores, starting with a capital ("strategi_2023_x1y2z3a4b5.pdf" →
 * "Strategi 2023.pdf").
 */
export function attachmentTitle(storedName: string): string {
	const label = attachmentLabel(storedName);
	const ext = extensionOf(label);
	const base = (ext ? label.slice(0, -(ext.length + 1)) : label).replace(/_+/g, ' ').trim() || 'Bilag';
	const title = base.charAt(0).toLocaleUpperCase('da') + base.slice(1);
	return ext ? `${title}.${ext}` : title;
}

/** "PDF", "Word", "Excel", or the extension in capitals for other files. */
export function attachmentKind(storedName: string): string {
	const ext = extensionOf(storedName);
	return KINDS[ext] ?? (ext ? ext.toUpperCase() : 'fil');
}

/** "245 kB", "1,2 MB", "10,7 GB", "512 byte" — Danish decimal comma, 1 kB = 1000 bytes. */
export function formatFileSize(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return '';
	if (bytes < 1000) return `${bytes} byte`;
	const [value, unit] =
		bytes < 1_000_000
			? [bytes / 1000, 'kB']
			: bytes < 1_000_000_000
				? [bytes / 1_000_000, 'MB']
				: [bytes / 1_000_000_000, 'GB'];
	const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
	return `${String(rounded).replace('.', ',')} ${unit}`;
}

/** Types a browser could run as a page or script: served as plain bytes, whatever the upload said. */
const ACTIVE_TYPES = /html|svg|xml|javascript|ecmascript/i;

/** The content type to serve a stored file with: as stored, except for types a browser would run. */
export function servedType(upstreamType: string | null): string {
	const type = upstreamType || 'application/octet-stream';
	return ACTIVE_TYPES.test(type) ? 'application/octet-stream' : type;
}

/** Only PDFs open in the browser; everything else downloads (never HTML or SVG, which could run script). */
export function opensInline(storedName: string, contentType: string): boolean {
	return extensionOf(storedName) === 'pdf' && contentType.split(';')[0].trim().toLowerCase() === 'application/pdf';
}
