import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { parseMeetingText } from '$lib/agenda/import';
import { buildDocx } from '../../../tests/support/docx';
import { cleanHtml, htmlToText } from './html-to-text';

const seed = readFileSync(new URL('../deadlines/fixtures/004_c119477d974f0948.txt', import.meta.url), 'utf8');

describe('htmlToText', () => {
	it('separates paragraphs by a blank line and keeps line breaks inside them', () => {
		expect(htmlToText('<p>Første afsnit<br/>fortsat</p><p>Andet   afsnit</p>')).toBe(
			'Første afsnit\nfortsat\n\nAndet afsnit'
		);
	});

	it('writes headings with "## " and lists as "- " and "1. " lines, nested ones indented', () => {
		const html =
			'<h2>Indstilling</h2><ul><li>Et</li><li>To<ul><li>Under</li></ul></li></ul><ol><li><p>Først</p></li><li>Så</li></ol>';
		expect(htmlToText(html)).toBe('## Indstilling\n\n- Et\n- To\n  - Under\n\n1. Først\n2. Så');
	});

	it('writes a table row as one line with its cells separated', () => {
		const html =
			'<table><tr><th>Initiativ</th><th>Status</th></tr><tr><td>Demens</td><td><p>I gang</p></td></tr></table>';
		expect(htmlToText(html)).toBe('Initiativ | Status\nDemens | I gang');
	});

	it('decodes entities and keeps the Danish letters', () => {
		expect(htmlToText('<p>Sundheds- &amp; omsorgschef &lt;Æ&gt; &#229;&#x00f8;&nbsp;x</p>')).toBe(
			'Sundheds- & omsorgschef <Æ> åø x'
		);
	});

	it('drops scripts, styles, images and event handlers, keeping only the text a reader wrote', () => {
		const hostile =
			'<p onclick="steal()">Hej<script>alert(1)</script><style>p{display:none}</style>' +
			'<img src="x" onerror="steal()"> verden</p><iframe src="https://evil.example"></iframe>';
		const text = htmlToText(hostile);
		expect(text).toBe('Hej verden');
		expect(cleanHtml(hostile)).not.toMatch(/script|style|img|onclick|onerror|iframe|alert/i);
	});

	it('removes javascript: links and keeps http ones', () => {
		const clean = cleanHtml('<a href="javascript:alert(1)">ond</a> <a href="https://klynge.example/a">god</a>');
		expect(clean).not.toContain('javascript');
		expect(clean).toContain('href="https://klynge.example/a"');
		expect(htmlToText('<p><a href="javascript:alert(1)">Læs mere</a></p>')).toBe('Læs mere');
	});

	it('keeps nothing of svg, iframes, data: links, forms or nested script tricks', () => {
		const hostile =
			'<svg onload="steal()"><text>x</text></svg><iframe srcdoc="<script>steal()</script>"></iframe>' +
			'<a href="data:text/html,<script>steal()</script>">data</a> <a href=" JaVaScRiPt:steal()">mixed</a>' +
			'<form action="https://evil.example"><input value="pw"><button>Send</button></form>' +
			'<scr<script>ipt>steal()</scr</script>ipt><p style="background:url(javascript:steal())">Tekst</p>';
		const clean = cleanHtml(hostile);
		expect(clean).not.toMatch(/<(svg|iframe|form|input|button|script)|onload|srcdoc|data:|javascript:|style=/i);
		expect(htmlToText(hostile)).not.toMatch(/<script|javascript:/i);
		expect(htmlToText(hostile)).toContain('Tekst');
	});

	it('does not let markup hidden in text become tags', () => {
		expect(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('<script>alert(1)</script>');
	});
});

describe('a .docx of the seed minutes', () => {
	it('gives the same proposal as the pasted text', async () => {
		const { value } = await mammoth.convertToHtml({ buffer: await buildDocx(seed) });
		const fromDocx = parseMeetingText(htmlToText(value));
		const fromPaste = parseMeetingText(seed);
		expect(fromDocx.ok && fromPaste.ok).toBe(true);
		if (!fromDocx.ok || !fromPaste.ok) return;
		expect(fromDocx.meeting).toEqual(fromPaste.meeting);
	});
});
