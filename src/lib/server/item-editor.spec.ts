import { describe, expect, it } from 'vitest';
import {
	MAX_ATTACHMENT_BYTES,
	bodyTooLarge,
	checkAttachment,
	cleanText,
	readItemForm,
	signatureProblem
} from './item-editor';

const bytes = (...b: number[]) => new Uint8Array(b);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00);
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

describe('attachment signatures', () => {
	it.each([
		['rapport.pdf', PDF],
		['RAPPORT.PDF', PDF],
		['notat.docx', ZIP],
		['ark.xlsx', ZIP],
		['slides.pptx', ZIP],
		['notat.odt', ZIP],
		['ark.ods', ZIP],
		['slides.odp', ZIP],
		['notat.doc', OLE],
		['ark.xls', OLE],
		['slides.ppt', OLE]
	])('accepts %s with its own signature', (name, head) => {
		expect(signatureProblem(name, head)).toBeNull();
	});

	it.each(['noter.txt', 'side.html', 'billede.svg', 'arkiv.zip', 'program.exe', 'uden-endelse', 'pdf'])(
		'refuses %s as a type that may not be attached',
		(name) => {
			expect(signatureProblem(name, PDF)).toBe('type');
		}
	);

	it.each([
		['falsk.pdf', ZIP],
		['falsk.docx', PDF],
		['falsk.doc', ZIP],
		['falsk.xlsx', OLE],
		['kort.pdf', bytes(0x25, 0x50)],
		['tom.pdf', bytes()]
	])('refuses %s whose content is not what its extension says', (name, head) => {
		expect(signatureProblem(name, head)).toBe('forged');
	});

	it('answers a checked file in Danish: type first, then size, then a forged content', async () => {
		expect(await checkAttachment(new File(['tekst'], 'noter.txt'))).toMatch(/^Kun PDF- og Office-filer/);
		expect(await checkAttachment(new File([ZIP], 'falsk.pdf'))).toBe(
			'Filen ‘falsk.pdf’ er ikke den slags fil, som endelsen siger.'
		);
		const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
		big.set(PDF);
		expect(await checkAttachment(new File([big], 'stor.pdf'))).toBe(
			'Filen ‘stor.pdf’ fylder mere end 20 MB, som er det største, et bilag må fylde.'
		);
		expect(await checkAttachment(new File([big.subarray(0, MAX_ATTACHMENT_BYTES)], 'netop.pdf'))).toBeNull();
	});

	it('refuses a body announced as larger than one attachment before it is read', () => {
		expect(bodyTooLarge(new Headers({ 'content-length': String(25_000_000) }))).toBe(true);
		expect(bodyTooLarge(new Headers({ 'content-length': String(MAX_ATTACHMENT_BYTES) }))).toBe(false);
		expect(bodyTooLarge(new Headers())).toBe(false);
	});
});

describe('agenda text cleaning', () => {
	it('removes control and invisible characters but keeps line breaks and tabs', () => {
		expect(cleanText('Før\u0000 efter\u200b\r\n- punkt\u202e\tto\u0007')).toBe('Før efter\n- punkt\tto');
	});

	it('reduces a written link to its text unless it is http, https or mailto', () => {
		expect(cleanText('[klik](javascript:alert(1)) og [mail](mailto:a@b.dk) og [web](https://rm.dk)')).toBe(
			'klik og [mail](mailto:a@b.dk) og [web](https://rm.dk)'
		);
		expect(cleanText('[data](data:text/html,x) [rel](/login)')).toBe('data rel');
	});

	it('keeps bold and lists as they are, trims trailing spaces and collapses runs of blank lines', () => {
		expect(cleanText('  **Fed**   \n\n\n\n- a  \n1. b\n')).toBe('**Fed**\n\n- a\n1. b');
	});
});

describe('the item form', () => {
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries(fields)) data.set(k, v);
		return data;
	};

	it('builds the record from a valid form', () => {
		const { errors, record } = readItemForm(
			form({
				title: ' Demensvenlig  klynge ',
				kind: 'decision',
				duration_minutes: '30',
				presenter: 'Sofie Lindholm',
				recommendation: 'Det **indstilles**, at planen godkendes.',
				background: ''
			})
		);
		expect(errors).toEqual({});
		expect(record).toEqual({
			title: 'Demensvenlig klynge',
			kind: 'decision',
			duration_minutes: 30,
			presenter: 'Sofie Lindholm',
			recommendation: 'Det **indstilles**, at planen godkendes.',
			background: ''
		});
	});

	it('puts a Danish message beside each field that is wrong', () => {
		const { errors } = readItemForm(
			form({
				title: '',
				kind: 'ukendt',
				duration_minutes: '0',
				presenter: 'x'.repeat(201),
				recommendation: 'y'.repeat(20001),
				background: ''
			})
		);
		expect(errors).toEqual({
			title: 'Skriv en titel på punktet.',
			kind: 'Vælg en af typerne.',
			duration_minutes: 'Skriv varigheden som et helt antal minutter mellem 1 og 1.440, eller lad feltet stå tomt.',
			presenter: 'Oplægsholder må højst være 200 tegn (nu 201).',
			recommendation: 'Indstilling må højst være 20.000 tegn (nu 20.001).'
		});
	});

	it.each(['600.5', '1441', '-5', 'en time'])('refuses the duration %s', (duration) => {
		expect(readItemForm(form({ title: 'Punkt', duration_minutes: duration })).errors.duration_minutes).toBeTruthy();
	});

	it('leaves the duration empty (no slot) when none is given', () => {
		const { errors, record } = readItemForm(form({ title: 'Skriftlig orientering', kind: 'written' }));
		expect(errors).toEqual({});
		expect(record.duration_minutes).toBe(0);
	});
});
