// Nominations when a call opens and every member taps at once: `orgs` organisations of
// `perOrg` members each, all nominating in the same second into a call of three fora with one seat
// per organisation in each. Each member names a different person, so per organisation five people
// compete for three seats: three are stored, the rest are refused with the quota message. Every
// write goes through the real rules and hooks (validation, quota in a transaction, audit entry, the
// nominee's mail to a local SMTP catcher) of a PocketBase of its own.
import PocketBase from 'pocketbase';
import { startMailCatcher } from '../scripts/lib/mail-catcher.mjs';
import { freePort } from '../scripts/lib/pocketbase.mjs';
import { inChunks, pbDate, round } from './measure.mjs';
import { plainBurst, withOwnPocketBase } from './own-pocketbase.mjs';

const PASSWORD = 'bench-member-password';
const FORA = ['Administrativ/økonomi', 'Faglig gruppe', 'Strategisk (aftale niveau)'];

/**
 * @param {{ orgs?: number, perOrg?: number }} [opts]
 */
export async function measureNominationWrites({ orgs = 20, perOrg = 5 } = {}) {
	const smtpPort = await freePort();
	const mail = await startMailCatcher({ smtpPort, httpPort: await freePort() });
	try {
		const env = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort) };
		return await withOwnPocketBase('klyngeportal-bench-nominations-', env, async ({ url, admin, pid }) => {
			const group = await admin.collection('groups').create({ name: 'Styregruppen (benchmark)', kind: 'styregruppe' });
			const organizations = await inChunks(orgs, (o) =>
				admin.collection('organizations').create({ name: `Benchkommune ${o + 1}`, sector: 'kommune' })
			);
			const members = await inChunks(orgs * perOrg, async (i) => {
				const email = `medlem${i + 1}@bench.klyngeportal.local`;
				const user = await admin.collection('users').create({
					email,
					password: PASSWORD,
					passwordConfirm: PASSWORD,
					verified: true,
					name: `Medlem ${i + 1}`,
					organization: organizations[i % orgs].id
				});
				await admin.collection('memberships').create({ user: user.id, group: group.id, role: 'member' });
				return { email, organization: organizations[i % orgs].id, turn: Math.floor(i / orgs) };
			});
			const call = await admin.collection('nomination_calls').create({
				group: group.id,
				title: 'Deltagere til 3 fora (benchmark)',
				eligibility: 'all',
				required: true,
				deadline: pbDate(Date.now() + 14 * 86_400_000),
				status: 'draft'
			});
			const fora = await inChunks(FORA.length, (f) =>
				admin.collection('nomination_fora').create({ call: call.id, name: FORA[f], position: f, quota: 1 })
			);
			await admin.collection('nomination_calls').update(call.id, { status: 'open' });
			const clients = await inChunks(members.length, async (i) => {
				const pb = new PocketBase(url);
				pb.autoCancellation(false);
				await pb.collection('users').authWithPassword(members[i].email, PASSWORD);
				return pb;
			});

			let refused = 0;
			const burst = await round(
				pid,
				clients.map((pb, i) => async () => {
					try {
						await pb.collection('nominations').create({
							call: call.id,
							forum: fora[members[i].turn % FORA.length].id,
							organization: members[i].organization,
							kind: 'nominee',
							nominee_name: `Kandidat ${i + 1}`,
							nominee_title: 'Konsulent',
							nominee_email: `kandidat${i + 1}@bench.klyngeportal.local`
						});
					} catch (err) {
						// A full quota is an answer, not an error: count it and go on.
						const e = /** @type {{ status?: number, response?: { data?: Record<string, unknown> } }} */ (err);
						if (e.status === 400 && e.response?.data?.forum) refused++;
						else throw err;
					}
				})
			);

			// The same clients, the same instant, a collection with no rules or hooks.
			const bare = await plainBurst(admin, clients, pid);

			const stored = await admin.collection('nominations').getFullList({ filter: `call = "${call.id}"` });
			/** @type {Map<string, number>} */
			const perSeat = new Map();
			for (const n of stored)
				perSeat.set(`${n.organization}/${n.forum}`, (perSeat.get(`${n.organization}/${n.forum}`) ?? 0) + 1);
			const overQuota = [...perSeat.values()].filter((n) => n > 1).length;
			const audit = (await admin.collection('audit_log').getList(1, 1, { filter: `call = "${call.id}"` })).totalItems;
			// The nominees' mails arrive asynchronously: give the catcher a moment.
			await new Promise((r) => setTimeout(r, 500));
			return {
				burst,
				bare,
				requests: clients.length,
				stored: stored.length,
				expected: orgs * Math.min(perOrg, FORA.length),
				refused,
				overQuota,
				audit,
				mails: mail.messages.filter((m) => m.to.some((to) => to.startsWith('kandidat'))).length
			};
		});
	} finally {
		await mail.close();
	}
}
