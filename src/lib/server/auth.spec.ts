import { describe, expect, it } from 'vitest';
import { safeRedirect } from './auth';

const ORIGIN = 'https://klyngeportal.example';

describe('safeRedirect', () => {
	it.each([
		['/moeder', '/moeder'],
		['/moeder/abc123?valg=ja#svar', '/moeder/abc123?valg=ja#svar'],
		['/moeder/../login', '/login'],
		['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
		[`${ORIGIN}/moeder`, '/moeder']
	])('follows the local path %j as %j', (target, expected) => {
		expect(safeRedirect(target, ORIGIN)).toBe(expected);
	});

	it.each([
		['an empty target', ''],
		['no target', null],
		['a tab between the slashes', '/\t/evil.example'],
		['a carriage return', '/moeder\r\nSet-Cookie: x=1'],
		['a line feed', '/\n/evil.example'],
		['a NUL character', '/moeder\u0000'],
		['a DEL character', '/\u007f/evil.example'],
		['a protocol-relative URL', '//evil.example'],
		['a protocol-relative URL with three slashes', '///evil.example'],
		['a slash and a backslash', '/\\evil.example'],
		['two backslashes', '\\\\evil.example'],
		['a backslash after the path', '/moeder\\..\\..\\\\evil.example'],
		['an absolute URL to another site', 'https://evil.example/moeder'],
		['an absolute http URL to the same host', 'http://klyngeportal.example/moeder'],
		['a URL with credentials and another host', 'https://klyngeportal.example@evil.example/'],
		['another scheme without slashes', 'http:evil.example'],
		['a javascript: URL', 'javascript:alert(1)'],
		['a JavaScript: URL with odd case and spaces', ' JaVaScRiPt:alert(1)'],
		['a data: URL', 'data:text/html,<script>alert(1)</script>'],
		['a dot segment that leaves two slashes', '/.//evil.example'],
		['a double dot segment that leaves two slashes', '/x/..//evil.example'],
		['a leading space before two slashes', ' //evil.example']
	])('sends %s to the home page', (_label, target) => {
		expect(safeRedirect(target, ORIGIN)).toBe('/');
	});

	it('never returns a target that a browser would read as another origin', () => {
		const nasty = ['/\t/evil.example', '/.//evil.example', '//evil.example', '/\\evil.example', '%2F%2Fevil.example'];
		for (const target of nasty) {
			expect(new URL(safeRedirect(target, ORIGIN), ORIGIN).origin).toBe(ORIGIN);
		}
	});
});
