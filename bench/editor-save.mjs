// The agenda editor's save with 20 items (issue 10): the secretariat moves an item, and the editor's
// route (pb_hooks/lib/editor.js) stores the whole order, the slots of all 20 items, the change
// marks and the audit entry in one transaction, through the real rules and hooks of a PocketBase
// of its own. Side by side: bare PocketBase writing the same 20 positions as 20 updates of a
// collection with no rules and no hooks, one after another, as a client without the route would.
import PocketBase from 'pocketbase';
import { pbDate, quantile } from './measure.mjs';
import { withOwnPocketBase } from './own-pocketbase.mjs';

const PASSWORD = 'bench-secretariat-password';

/** Milliseconds `fn` takes. @param {() => Promise<unknown>} fn */
async function timed(fn) {
	const start = performance.now();
	await fn();
	return performance.now() - start;
}

/** p50 and p95 of a list of milliseconds. @param {number[]} ms */
function summary(ms) {
	const sorted = [...ms].sort((a, b) => a - b);
	return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), n: ms.length };
}

/**
 * @param {{ items?: number, saves?: number }} [opts]
 */
export async function measureEditorSave({ items = 20, saves = 100 } = {}) {
	return withOwnPocketBase('klyngeportal-bench-editor-', {}, async ({ url, admin }) => {
		const org = await admin.collection('organizations').create({ name: 'Benchregion', sector: 'region' });
		const group = await admin.collection('groups').create({ name: 'Styregruppen (benchmark)', kind: 'styregruppe' });
		const user = await admin.collection('users').create({
			email: 'sekretariat@bench.klyngeportal.local',
			password: PASSWORD,
			passwordConfirm: PASSWORD,
			verified: true,
			name: 'Sekretær',
			organization: org.id
		});
		await admin.collection('memberships').create({ user: user.id, group: group.id, role: 'secretariat' });
		for (let i = 0; i < 10; i++) {
			const member = await admin.collection('users').create({
				email: `medlem${i}@bench.klyngeportal.local`,
				password: PASSWORD,
				passwordConfirm: PASSWORD,
				name: `Medlem ${i}`,
				organization: org.id
			});
			await admin.collection('memberships').create({ user: member.id, group: group.id, role: 'member' });
		}
		const starts = Date.now() + 14 * 86_400_000;
		const meeting = await admin.collection('meetings').create({
			group: group.id,
			title: 'Styregruppemøde (benchmark)',
			starts: pbDate(starts),
			ends: pbDate(starts + 8 * 3_600_000),
			status: 'published'
		});
		const pb = new PocketBase(url);
		pb.autoCancellation(false);
		await pb.collection('users').authWithPassword('sekretariat@bench.klyngeportal.local', PASSWORD);
		/** @type {string[]} */
		let order = [];
		for (let i = 0; i < items; i++) {
			const item = await pb
				.collection('agenda_items')
				.create({ meeting: meeting.id, position: i + 1, title: `Punkt ${i + 1}`, duration_minutes: 10 + (i % 3) * 5 });
			order.push(item.id);
		}

		// Each save moves the last item to the top: every position and every slot changes.
		const editor = [];
		for (let s = 0; s < saves; s++) {
			order = [order[order.length - 1], ...order.slice(0, -1)];
			const body = { order, remove: [] };
			editor.push(await timed(() => pb.send(`/api/klynge/meetings/${meeting.id}/agenda`, { method: 'POST', body })));
		}

		const name = `bench_plain_items_${Date.now()}`;
		await admin.collections.create({
			name,
			type: 'base',
			createRule: '',
			updateRule: '',
			fields: [
				{ name: 'position', type: 'number' },
				{ name: 'title', type: 'text', max: 300 }
			]
		});
		const plain = [];
		for (let i = 0; i < items; i++)
			plain.push((await pb.collection(name).create({ position: i + 1, title: `Punkt ${i + 1}` })).id);
		const bare = [];
		for (let s = 0; s < saves; s++) {
			bare.push(
				await timed(() =>
					Promise.all(plain.map((id, i) => pb.collection(name).update(id, { position: ((i + s + 1) % items) + 1 })))
				)
			);
		}
		const stored = await admin.collection('agenda_items').getFullList({
			filter: admin.filter('meeting = {:m}', { m: meeting.id }),
			sort: 'position'
		});
		return {
			items,
			editor: summary(editor),
			bare: summary(bare),
			/** Whether the stored order is the last one sent and every item has its slot. */
			consistent: stored.map((i) => i.id).join() === order.join() && stored.every((i) => i.starts && i.ends)
		};
	});
}

/** One line for the report. @param {Awaited<ReturnType<typeof measureEditorSave>>} r */
export function formatEditorSave(r) {
	return (
		`Agenda editor save, ${r.items} items (order, slots, marks, audit in one transaction): ` +
		`p50 ${r.editor.p50.toFixed(1)} ms, p95 ${r.editor.p95.toFixed(1)} ms (n=${r.editor.n}); ` +
		`bare PocketBase, ${r.items} updates at once without rules or hooks: p50 ${r.bare.p50.toFixed(1)} ms, ` +
		`p95 ${r.bare.p95.toFixed(1)} ms; stored consistently: ${r.consistent ? 'yes' : 'NO'}`
	);
}

// Run on its own: node bench/editor-save.mjs
if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(formatEditorSave(await measureEditorSave()));
}
