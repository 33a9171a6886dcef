import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importMessages } from '$lib/messages/da-import';
import { parseMeetingText, type ImportedMeeting, type ImportResult } from './index';
import { findDanishDate } from './text';

const seed = readFileSync(new URL('../../deadlines/fixtures/004_c119477d974f0948.txt', import.meta.url), 'utf8');

function meetingOf(result: ImportResult): ImportedMeeting {
	if (!result.ok) throw new Error(result.error.message);
	return result.meeting;
}

const AGENDA = `DAGSORDEN

Tidspunkt: Torsdag den 11. september 2020 kl. 13.00-15.00
Sted: Mødelokale 3, Skivehus, Torvegade 10, 7800 Skive
Mødeleder: Lars Harder

1. Velkomst og godkendelse af dagsorden (kl. 13.00-13.10) v/formandskabet
Indstilling:
At styregruppen godkender dagsordenen.

2. Temadrøftelse om samarbejdsform (kl. 13.10-14.00) v/ Mette Andreassen
Indstilling:
At styregruppen drøfter samarbejdsformen.
Sagsfremstilling:
Sekretariatet har samlet erfaringerne fra de seneste to år.
Kommunerne bedes melde en repræsentant til arbejdsgruppen ind til sekretariatet senest 1. oktober 2020.

3. Eventuelt (kl. 14.00-14.10)
`;

const PUNKT = `Dagsorden for møde i Temagruppen for den ældre patient

Tidspunkt: 3. november 2021 kl. 9.00-11.00

Punkt 1: Velkomst
v/ formanden

Punkt 2: Status på projekt Tele-KOL
Indstilling: At temagruppen tager orienteringen til efterretning.

Punkt 3: Udskrivelser fra Medicinsk Afdeling
Indstilling: At temagruppen beslutter næste skridt.
Referat
Der var enighed om næste skridt.
`;

describe('variants of the layout', () => {
	it('reads "DAGSORDEN" as an agenda, with slots, presenters and the call in item 2', () => {
		const meeting = meetingOf(parseMeetingText(AGENDA));
		expect(meeting.kind).toBe('agenda');
		expect(meeting.starts).toBe('2020-09-11T11:00:00.000Z');
		expect(meeting.locationAddress).toBe('Torvegade 10, 7800 Skive');
		expect(meeting.items.map((i) => [i.number, i.title, i.presenter, i.kind])).toEqual([
			[1, 'Velkomst og godkendelse af dagsorden', 'formandskabet', 'decision'],
			[2, 'Temadrøftelse om samarbejdsform', 'Mette Andreassen', 'discussion'],
			[3, 'Eventuelt', '', null]
		]);
		expect(meeting.items.every((i) => i.minutes === '' && i.decisions.length === 0)).toBe(true);
		expect(meeting.items[2].ends).toBe('2020-09-11T12:10:00.000Z');
		expect(meeting.items[1].proposedCalls.map((c) => c.deadline.date)).toEqual(['2020-10-01']);
	});

	it('reads "Dagsorden for …" and "Punkt 3:" numbering, without slots', () => {
		const meeting = meetingOf(parseMeetingText(PUNKT));
		expect(meeting.kind).toBe('agenda');
		expect(meeting.title).toBe('møde i Temagruppen for den ældre patient');
		expect(meeting.starts).toBe('2021-11-03T08:00:00.000Z');
		expect(meeting.items.map((i) => [i.number, i.title, i.starts, i.presenter])).toEqual([
			[1, 'Velkomst', null, 'formanden'],
			[2, 'Status på projekt Tele-KOL', null, ''],
			[3, 'Udskrivelser fra Medicinsk Afdeling', null, '']
		]);
		expect(meeting.items[1].recommendation).toBe('At temagruppen tager orienteringen til efterretning.');
		expect(meeting.items[2].minutes).toBe('Der var enighed om næste skridt.');
	});

	it('reads items without a header or a date, taking the year from the options', () => {
		const text =
			'1. Velkomst\n\n2. Orientering om budget\nIndstilling:\nAt gruppen tager orienteringen til efterretning.\n';
		const meeting = meetingOf(parseMeetingText(text, { year: 2022 }));
		expect(meeting.items.map((i) => i.title)).toEqual(['Velkomst', 'Orientering om budget']);
		expect(meeting.starts).toBeNull();
	});

	it('reads a bare list of headings and "Pkt." numbering', () => {
		const list = 'Dagsorden\n\n1. Velkomst\n2. Budget 2021 (kl. 10.00-10.30)\n3. Eventuelt\n';
		expect(meetingOf(parseMeetingText(list)).items.map((i) => [i.number, i.title])).toEqual([
			[1, 'Velkomst'],
			[2, 'Budget 2021'],
			[3, 'Eventuelt']
		]);
		const pkt = 'Referat\n\nPkt. 1 Velkomst\nReferat: Godkendt.\nPkt. 2 Økonomi\nReferat: Taget til efterretning.\n';
		const meeting = meetingOf(parseMeetingText(pkt));
		expect(meeting.kind).toBe('minutes');
		expect(meeting.items.map((i) => [i.number, i.title, i.minutes])).toEqual([
			[1, 'Velkomst', 'Godkendt.'],
			[2, 'Økonomi', 'Taget til efterretning.']
		]);
	});

	it('reads text with Windows line endings as the same meeting', () => {
		const unix = meetingOf(parseMeetingText(seed));
		const windows = meetingOf(parseMeetingText(seed.replace(/\r?\n/g, '\r\n')));
		expect(windows).toEqual(unix);
	});

	it('keeps text it cannot place: before the first item in leftovers, inside an item in its background', () => {
		const text = `Til styregruppens medlemmer\n\n${AGENDA}`;
		const result = parseMeetingText(text);
		if (!result.ok) throw new Error(result.error.message);
		expect(result.leftovers).toEqual(['Til styregruppens medlemmer']);
		const odd = AGENDA.replace(
			'Indstilling:\nAt styregruppen drøfter',
			'Noter fra formanden.\nIndstilling:\nAt styregruppen drøfter'
		);
		expect(meetingOf(parseMeetingText(odd)).items[1].background).toContain('Noter fra formanden.');
	});
});

describe('refusals, each with its Danish message', () => {
	const refused = (text: string) => {
		const result = parseMeetingText(text);
		if (result.ok) throw new Error('accepted');
		expect(result.error.field).toBe('text');
		return result.error.message;
	};

	it('refuses empty text', () => {
		expect(refused('')).toBe(importMessages.empty);
		expect(refused(' \r\n\t\n')).toBe(importMessages.empty);
	});

	it('refuses more than 1 MB, including a 5 MB paste', () => {
		expect(refused(seed.repeat(Math.ceil(1_000_001 / seed.length)))).toBe(importMessages.tooLong);
		expect(refused('x'.repeat(5_000_000))).toBe(importMessages.tooLong);
		expect(refused('æ'.repeat(600_000))).toBe(importMessages.tooLong);
		expect(importMessages.tooLong).toMatch(/^Teksten er for lang/);
	});

	it('refuses a recipe and an e-mail', () => {
		const recipe =
			'Æblekage\n\nIngredienser:\n500 g æbler\n100 g sukker\n\nSådan gør du:\nSkræl æblerne og kog dem til mos. Læg i lag med makronerne.\n';
		const mail =
			'Hej alle\n\nTak for et godt møde i går. Jeg sender materialet i næste uge.\n\nVenlig hilsen\nHelena\nSekretariatet\n';
		expect(refused(recipe)).toBe(importMessages.notAgenda);
		expect(refused(mail)).toBe(importMessages.notAgenda);
		expect(importMessages.notAgenda).toMatch(/^Teksten ligner ikke en dagsorden eller et referat/);
	});
});

describe('nothing is dropped', () => {
	// Words that become structure rather than text: labels, headings, and dates and times, which
	// become instants ("Fredag den 12. juni 2020 kl. 08.00" → starts).
	const STRUCTURE =
		/^(?:\d+|tidspunkt|dato|sted|forplejning|mødeleder|referenter|referent|mødedeltagere|deltagere|gæster|afbud|referat|dagsorden|for|indstilling|sagsfremstilling|punkt|opfølgningspunkter|kl|v|den|mandag|tirsdag|onsdag|torsdag|fredag|januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)$/iu;
	const inputs = {
		seed,
		agenda: AGENDA,
		punkt: PUNKT,
		windows: seed.replace(/\n/g, '\r\n'),
		leftovers: `Til styregruppens medlemmer\n\n${AGENDA}`
	};
	const missingWords = (text: string) => {
		const everything = JSON.stringify(parseMeetingText(text)).toLowerCase();
		return text
			.split(/\r?\n/)
			.flatMap((line) => line.match(/[\p{L}\p{N}]+/gu) ?? [])
			.filter((word) => !STRUCTURE.test(word) && !everything.includes(word.toLowerCase()));
	};

	it('never throws and keeps every word on pieces of the seed cut anywhere', () => {
		let state = 42;
		const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		for (let n = 0; n < 40; n++) {
			const from = Math.floor(random() * seed.length);
			const to = from + Math.floor(random() * (seed.length - from));
			const piece = seed.slice(from, to);
			const result = parseMeetingText(piece);
			if (result.ok) expect(missingWords(piece), `${from}-${to}`).toEqual([]);
		}
	});

	for (const [name, text] of Object.entries(inputs)) {
		it(`keeps every word of every non-blank line of the ${name} text`, () => {
			const result = parseMeetingText(text);
			const everything = JSON.stringify(result).toLowerCase();
			const missing = text
				.split(/\r?\n/)
				.flatMap((line) => line.match(/[\p{L}\p{N}]+/gu) ?? [])
				.filter((word) => !STRUCTURE.test(word) && !everything.includes(word.toLowerCase()));
			expect(missing).toEqual([]);
		});
	}
});

describe('numeric dates', () => {
	const agenda = (time: string) =>
		`Dagsorden\n\nTidspunkt: ${time}\n\n1. Velkomst (kl. 9.00-9.10)\n\n2. Eventuelt (kl. 9.10-9.20)\n`;

	it.each([
		['12.06.2020 kl. 9.00-11.00', '2020-06-12T07:00:00.000Z'],
		['fredag 12/6-2020 kl. 9.00-11.00', '2020-06-12T07:00:00.000Z'],
		['Fredag den 3.11.2021, kl. 9.00-11.00', '2021-11-03T08:00:00.000Z']
	])('reads "%s" as the meeting day', (time, starts) => {
		expect(meetingOf(parseMeetingText(agenda(time))).starts).toBe(starts);
	});

	it('does not take a clock time or an impossible day for a date', () => {
		expect(findDanishDate('kl. 9.00-11.00', 2020)).toBeNull();
		expect(findDanishDate('Vi mødes kl. 9.12.', 2020)).toBeNull();
		expect(findDanishDate('31.02.2021 kl. 9.00-11.00')).toBeNull();
		expect(findDanishDate('senest 1.7.', 2020)).toBe('2020-07-01');
	});
});
