import { describe, expect, it } from 'vitest';
import { arrangeDecisions, parseFollowUpForm, parseItemForm } from './minutes';

const stored = [
	{ id: 'a', text: 'Første' },
	{ id: 'b', text: 'Anden' },
	{ id: 'c', text: 'Tredje' }
];
const typed = stored.map((d) => ({ ...d, text: `${d.text} (rettet)` }));

describe('arrangeDecisions', () => {
	it('keeps the order and the typed texts when only saving', () => {
		expect(arrangeDecisions(stored, { decisions: typed, op: 'save' })).toEqual({ decisions: typed, removed: [] });
	});

	it('moves one decision up or down, keeping what was typed in every field', () => {
		expect(arrangeDecisions(stored, { decisions: typed, op: 'up:b' }).decisions.map((d) => d.text)).toEqual([
			'Anden (rettet)',
			'Første (rettet)',
			'Tredje (rettet)'
		]);
		expect(arrangeDecisions(stored, { decisions: typed, op: 'down:b' }).decisions.map((d) => d.id)).toEqual([
			'a',
			'c',
			'b'
		]);
	});

	it('leaves the first decision first when asked to move it up, and the last last when moved down', () => {
		expect(arrangeDecisions(stored, { decisions: typed, op: 'up:a' }).decisions.map((d) => d.id)).toEqual([
			'a',
			'b',
			'c'
		]);
		expect(arrangeDecisions(stored, { decisions: typed, op: 'down:c' }).decisions.map((d) => d.id)).toEqual([
			'a',
			'b',
			'c'
		]);
	});

	it('removes one decision and names it', () => {
		expect(arrangeDecisions(stored, { decisions: typed, op: 'remove:b' })).toEqual({
			decisions: [typed[0], typed[2]],
			removed: ['b']
		});
	});

	it("ignores another item's decision sent with the form, and removes nothing for it", () => {
		const forged = [...typed, { id: 'x', text: 'Fremmed' }];
		expect(arrangeDecisions(stored, { decisions: forged, op: 'remove:x' })).toEqual({ decisions: typed, removed: [] });
	});

	it('keeps a decision the form did not send (added in another tab), last and as stored', () => {
		expect(arrangeDecisions(stored, { decisions: typed.slice(0, 2), op: 'save' }).decisions).toEqual([
			typed[0],
			typed[1],
			stored[2]
		]);
	});
});

describe('reading the forms', () => {
	it('pairs each decision id with its text, in the order sent', () => {
		const form = new FormData();
		form.set('item', 'item1');
		form.set('minutes', 'Referat\n\n- punkt');
		for (const d of typed) {
			form.append('decision_id', d.id);
			form.append('decision_text', d.text);
		}
		form.set('decision_new', 'Ny');
		expect(parseItemForm(form)).toEqual({
			item: 'item1',
			minutes: 'Referat\n\n- punkt',
			decisions: typed,
			newDecision: 'Ny',
			op: 'save'
		});
	});

	it('reads a follow-up with its owner choice, trimmed free text and date, and the done box', () => {
		const form = new FormData();
		form.set('text', 'Send tal');
		form.set('owner', 'text');
		form.set('owner_text', '  Sekretariatet ');
		form.set('due', '2027-01-08 ');
		form.set('done', 'on');
		expect(parseFollowUpForm(form)).toEqual({
			id: '',
			item: '',
			text: 'Send tal',
			owner: 'text',
			ownerText: 'Sekretariatet',
			due: '2027-01-08',
			done: true
		});
	});
});
