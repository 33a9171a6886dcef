import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, slug } from './content-disposition';

describe('file names in Content-Disposition', () => {
	it('gives an ASCII fallback and the UTF-8 name (RFC 6266)', () => {
		expect(contentDisposition('inline', 'Strategi for ældre 2023.pdf')).toBe(
			`inline; filename="Strategi for aeldre 2023.pdf"; filename*=UTF-8''Strategi%20for%20%C3%A6ldre%202023.pdf`
		);
	});

	it('cannot be broken out of by quotes, semicolons, slashes or line breaks', () => {
		const header = contentDisposition('attachment', '../"x";\r\nSet-Cookie: a=b.pdf');
		expect(header).not.toMatch(/[\r\n]/);
		expect(header).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
		expect(header).not.toContain('/');
	});

	it('spells Danish letters out in the ASCII name', () => {
		expect(asciiFileName('fremmøde-Århus-æble.csv')).toBe('fremmoede-Aarhus-aeble.csv');
	});

	it('makes a lower-case slug of a group name', () => {
		expect(slug('Klyngestyregruppen for Midtklyngen')).toBe('klyngestyregruppen-for-midtklyngen');
		expect(slug('Temagruppen for den ældre patient (2027)')).toBe('temagruppen-for-den-ældre-patient-2027');
	});
});
