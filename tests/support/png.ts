// Reads a PNG's header (RFC 2083 / PNG spec §11.2.2): the pixel size and colour type, without a
// decoder. Enough to check that an icon or screenshot has the size a manifest declares.
import { readFileSync } from 'node:fs';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Colour types with an alpha channel (4: grey + alpha, 6: RGB + alpha). */
const WITH_ALPHA = new Set([4, 6]);

export type PngHeader = { width: number; height: number; colourType: number; hasAlphaChannel: boolean };

/** The IHDR of a PNG file; throws when the file is not a PNG. */
export function readPngHeader(path: string): PngHeader {
	const bytes = readFileSync(path);
	// Signature (8 bytes), then the first chunk, which must be IHDR: length (4), type (4), data (13).
	if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${path} is not a PNG`);
	if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${path} does not start with IHDR`);
	const colourType = bytes.readUInt8(25);
	return {
		width: bytes.readUInt32BE(16),
		height: bytes.readUInt32BE(20),
		colourType,
		hasAlphaChannel: WITH_ALPHA.has(colourType)
	};
}
