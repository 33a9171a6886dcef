import { describe, expect, it } from 'vitest';
import { attachmentKind, attachmentTitle, formatFileSize, opensInline, servedType } from './attachments';

describe('attachments as the agenda lists them', () => {
	it('gives a stored file a readable title', () => {
		expect(attachmentTitle('strategi_2023_x1y2z3a4b5.pdf')).toBe('Strategi 2023.pdf');
		expect(attachmentTitle('oplaeg_fleksible_indlaeggelser_3fq4clo0jr.pdf')).toBe('Oplaeg fleksible indlaeggelser.pdf');
		expect(attachmentTitle('bilag_ab12cd34ef')).toBe('Bilag');
	});

	it('names the kind of file', () => {
		expect(attachmentKind('strategi_2023_x1y2z3a4b5.pdf')).toBe('PDF');
		expect(attachmentKind('budget_x1y2z3a4b5.XLSX')).toBe('Excel');
		expect(attachmentKind('side_x1y2z3a4b5.html')).toBe('HTML');
	});

	it('writes sizes the Danish way', () => {
		expect(formatFileSize(245_123)).toBe('245 kB');
		expect(formatFileSize(1_234_567)).toBe('1,2 MB');
		expect(formatFileSize(10_738_000_000)).toBe('11 GB');
		expect(formatFileSize(2_500_000_000)).toBe('2,5 GB');
		expect(formatFileSize(2_500)).toBe('2,5 kB');
		expect(formatFileSize(512)).toBe('512 byte');
	});

	it('opens only real PDFs in the browser, never HTML or SVG', () => {
		expect(opensInline('a_x1y2z3a4b5.pdf', 'application/pdf')).toBe(true);
		expect(opensInline('a_x1y2z3a4b5.pdf', 'text/html; charset=utf-8')).toBe(false);
		expect(opensInline('a_x1y2z3a4b5.svg', 'image/svg+xml')).toBe(false);
		expect(opensInline('a_x1y2z3a4b5.html', 'application/pdf')).toBe(false);
	});

	it('serves HTML, SVG and scripts as plain bytes that no browser runs', () => {
		expect(servedType('text/html; charset=utf-8')).toBe('application/octet-stream');
		expect(servedType('image/svg+xml')).toBe('application/octet-stream');
		expect(servedType('application/javascript')).toBe('application/octet-stream');
		expect(servedType('application/pdf')).toBe('application/pdf');
		expect(servedType(null)).toBe('application/octet-stream');
	});
});
