import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeetingText } from '$lib/agenda/import';
import { importMessages as m } from '$lib/messages/da-import';
import { buildDocx } from '../../../tests/support/docx';
import { MAX_UPLOAD_BYTES, checkProposal, proposalFrom, readDocx, readProposal, type GroupMember } from './import';

const seed = readFileSync(new URL('../deadlines/fixtures/004_c119477d974f0948.txt', import.meta.url), 'utf8');
const members: GroupMember[] = [
	{ id: 'aaaaaaaaaaaaaa1', name: 'Lars Harder', title: 'Direktør', organization: 'Skive Kommune' },
	{ id: 'aaaaaaaaaaaaaa2', name: 'Katrine  Gimm', title: 'Konsulent', organization: 'Hospitalsenhed Midt' },
	{ id: 'aaaaaaaaaaaaaa3', name: 'Trine Brøcker', title: 'Sundhedschef', organization: 'Skive Kommune' }
];

function seedProposal() {
	const parsed = parseMeetingText(seed);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return { parsed, proposal: proposalFrom(parsed.meeting, parsed.leftovers, members, 'ggggggggggggggg') };
}

describe('proposalFrom', () => {
	it('makes members named in the text their attendance, and keeps everyone else as guests or text', () => {
		const { parsed, proposal } = seedProposal();
		expect(proposal.chair).toBe('aaaaaaaaaaaaaa1');
		expect(proposal.minute_takers).toEqual(['aaaaaaaaaaaaaa2']);
		expect(proposal.notes).toContain(`${m.minuteTakers}: Helena Rahbek Pedersen`);
		const attending = proposal.attendance.filter((a) => a.status === 'attending').map((a) => a.name);
		expect(attending.sort()).toEqual(['Katrine  Gimm', 'Lars Harder', 'Trine Brøcker']);
		const people = parsed.meeting.participants.flatMap((o) => o.people).length + parsed.meeting.guests.length;
		expect(proposal.guests.length + attending.length).toBe(people);
		expect(proposal.guests.map((g) => g.name)).toContain('Thomas Balle Kristensen');
		for (const a of parsed.meeting.apologies) expect(proposal.notes).toContain(a.name);
	});

	it('gives every item its slot in Danish style, its presenter and its decisions', () => {
		const { proposal } = seedProposal();
		expect(proposal).toMatchObject({ date: '2020-06-12', start: '08:00', end: '10:40' });
		expect(proposal.items).toHaveLength(11);
		expect(proposal.items[2]).toMatchObject({ number: 3, slot: '08.20-08.50' });
		expect(proposal.items[10].slot).toBe('');
	});
});

describe('checkProposal', () => {
	it('turns the seed’s contiguous slots into durations without errors or notices', () => {
		const { errors, notices, payload } = checkProposal(seedProposal().proposal);
		expect(errors).toEqual({});
		expect(notices).toEqual({});
		expect(payload.starts).toBe('2020-06-12T06:00:00.000Z');
		expect(payload.items.map((i) => i.duration_minutes)).toEqual([10, 10, 30, 15, 15, 15, 20, 30, 10, 5, null]);
		expect(payload.items[10].background).toContain(`## ${m.notesHeading}`);
	});

	it('refuses an overlapping slot beside it and notes a gap', () => {
		const { proposal } = seedProposal();
		proposal.items[3].slot = '08.45-09.05';
		proposal.items[5].slot = '09.30-09.35';
		const { errors, notices } = checkProposal(proposal);
		expect(errors).toEqual({ 'items.3.slot': m.errors.overlap(3, '08.20-08.50') });
		expect(notices).toEqual({ 'items.5.slot': m.gap(10) });
	});

	it('refuses unreadable times and a follow-up on an item that is not there', () => {
		const { proposal } = seedProposal();
		proposal.start = 'otte';
		proposal.items[0].slot = 'kl. 8';
		proposal.follow_ups[0].item = '42';
		const { errors } = checkProposal(proposal);
		expect(errors).toMatchObject({
			start: m.errors.time,
			'items.0.slot': m.errors.slot,
			'follow_ups.0.item': m.errors.followUpItem
		});
	});
});

describe('readProposal', () => {
	it('reads indexed rows back in order', () => {
		const form = new FormData();
		form.set('title', 'Møde');
		form.set('items.1.title', 'Andet');
		form.set('items.0.title', 'Første');
		form.set('items.0.slot', '08.00-08.10');
		form.append('minute_takers', 'aaaaaaaaaaaaaa2');
		const p = readProposal(form);
		expect(p.items.map((i) => [i.title, i.slot])).toEqual([
			['Første', '08.00-08.10'],
			['Andet', '']
		]);
		expect(p.minute_takers).toEqual(['aaaaaaaaaaaaaa2']);
	});
});

describe('readDocx', () => {
	const file = (bytes: Uint8Array | string, name: string) =>
		new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name);

	it('reads a Word file to the same text the parser gets from a paste', async () => {
		const read = await readDocx(file(await buildDocx('Dagsorden\n\n1. Velkomst\n\n2. Budget'), 'dagsorden.docx'));
		expect(read).toEqual({ text: 'Dagsorden\n\n1. Velkomst\n\n2. Budget' });
	});

	it('refuses a file that is not .docx by name or by content, and a broken one', async () => {
		expect(await readDocx(file('Dagsorden', 'dagsorden.txt'))).toEqual({ error: m.notDocx });
		expect(await readDocx(file('Dagsorden', 'dagsorden.docx'))).toEqual({ error: m.notDocx });
		const broken = (await buildDocx('Dagsorden')).subarray(0, 200);
		expect(await readDocx(file(broken, 'dagsorden.docx'))).toEqual({ error: m.brokenDocx });
	});

	it('refuses a small file that would unpack to more than 50 MB', async () => {
		// A small Word file whose central directory declares a 60 MB document, as a zip bomb's does.
		const bomb = Buffer.from(await buildDocx('Dagsorden\n\n1. Velkomst\n\n2. Budget'));
		const entry = bomb.indexOf('word/document.xml', bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))) - 46;
		expect(bomb.readUInt32LE(entry)).toBe(0x02014b50);
		bomb.writeUInt32LE(60 * 1024 * 1024, entry + 24);
		expect(bomb.length).toBeLessThan(MAX_UPLOAD_BYTES);
		expect(await readDocx(file(bomb, 'bombe.docx'))).toEqual({ error: m.fileTooLarge });
	});

	it('refuses a file over 5 MB', async () => {
		const big = new Uint8Array(5 * 1024 * 1024 + 1);
		big.set([0x50, 0x4b, 0x03, 0x04]);
		expect(await readDocx(file(big, 'stor.docx'))).toEqual({ error: m.fileTooLarge });
	});
});
