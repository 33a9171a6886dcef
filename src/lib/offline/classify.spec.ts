import { describe, expect, it } from 'vitest';
import { classifyRequest, pageKey } from './classify';

const origin = 'https://app.example.dk';
const kind = (path: string, mode = 'navigate', method = 'GET', base = origin) =>
	classifyRequest(new URL(path, base), { origin, method, mode });

describe('classifyRequest', () => {
	it('sees navigations to the app as pages', () => {
		expect(kind('/moeder/abcdefghijklmno')).toBe('page');
		expect(kind('/moeder/abcdefghijklmno/punkter/3')).toBe('page');
		expect(kind('/')).toBe('page');
	});

	it('sees an agenda item file as an attachment, opened or fetched', () => {
		expect(kind('/moeder/abcdefghijklmno/punkter/3/bilag/plan_x1y2.pdf')).toBe('attachment');
		expect(kind('/moeder/abcdefghijklmno/punkter/3/bilag/plan_x1y2.pdf', 'cors')).toBe('attachment');
	});

	it('leaves data that must come fresh to the network', () => {
		expect(kind('/moeder/abcdefghijklmno/__data.json', 'cors')).toBe('data');
		expect(kind('/moeder/abcdefghijklmno/fremmoede/live', 'cors')).toBe('data');
		expect(kind('/moeder/abcdefghijklmno/fremmoede/svar.csv')).toBe('data');
		expect(kind('/offline/liste', 'cors')).toBe('data');
	});

	it('leaves writes, other sites and forged attachment paths alone', () => {
		expect(kind('/moeder/abcdefghijklmno', 'navigate', 'POST')).toBe('other');
		expect(kind('/moeder/abcdefghijklmno', 'navigate', 'GET', 'https://evil.example')).toBe('other');
		expect(kind('/moeder/../../x/punkter/3/bilag/a.pdf', 'cors')).toBe('other');
		expect(kind('/moeder/ABC/punkter/3/bilag/a.pdf', 'cors')).toBe('other');
	});

	it('keys a page by path and query, without the fragment', () => {
		expect(pageKey(new URL('https://app.example.dk/moeder/x?gemt=1#svar'))).toBe('/moeder/x?gemt=1');
	});
});
