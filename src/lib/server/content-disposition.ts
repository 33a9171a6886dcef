// Content-Disposition headers with a file name every browser shows right (RFC 6266, RFC 8187): an
// ASCII fallback in `filename` and the real UTF-8 name in `filename*`.

const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa' };

/**
 * An ASCII stand-in for a file name: Danish letters spelt out, accents dropped, anything else that
 * could break the header or a file system (quotes, slashes, control characters) turned into "-".
 */
export function asciiFileName(name: string): string {
	const ascii = name
		.replace(/[æøåÆØÅ]/g, (c) => DANISH[c])
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._ ()-]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^[-.\s]+|[-\s]+$/g, '');
	return ascii || 'fil';
}

/** Percent-encodes a UTF-8 value for `filename*` (RFC 8187's attr-char set). */
function encodeExtValue(name: string): string {
	return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="…"; filename*=UTF-8''…` (or `inline; …`) for a file called `name`. */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
	const clean = name.replace(/[\u0000-\u001f\u007f/\\]+/g, '-').trim() || 'fil';
	return `${type}; filename="${asciiFileName(clean)}"; filename*=UTF-8''${encodeExtValue(clean)}`;
}

/** "temagruppen-for-den-ældre-patient": lower-case words joined by "-", for file names. */
export function slug(text: string): string {
	return text
		.toLocaleLowerCase('da')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
}
