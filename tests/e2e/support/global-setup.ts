// Builds the app when its sources are newer than build/, then starts the whole stack (mail catcher,
// PocketBase on a fresh data directory with the demo data, the built app) for the test run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { buildIfStale } from '../../../scripts/lib/build.mjs';
import { makeDemoPdf } from '../../../scripts/lib/demo-pdf.mjs';
import { startStack } from '../../../scripts/lib/stack.mjs';
import { ACTIVE_MEMBERSHIP } from '../../../src/lib/server/memberships';
import { startPushService, type PushService } from '../../support/push-service';
import { PORTS, STACK_ENV, type MeetingRef, type Person, type StackInfo } from './stack-info';

type Stack = Awaited<ReturnType<typeof startStack>>;

const WHEN = { past: 'ends < @now', upcoming: 'ends >= @now' } as const;

/** The first past or upcoming meeting of a group, found by the group's name as the superuser. */
async function meetingOf(pb: PocketBase, groupName: string, when: keyof typeof WHEN): Promise<MeetingRef> {
	const meeting = await pb
		.collection('meetings')
		.getFirstListItem<MeetingRef>(pb.filter(`group.name = {:groupName} && ${WHEN[when]}`, { groupName }), {
			fields: 'id,starts,ends',
			sort: 'starts'
		});
	return { id: meeting.id, starts: meeting.starts, ends: meeting.ends };
}

/** Attaches a small PDF to an agenda item (the demo gives the theme group's items none); returns its stored name. */
async function attachToItem(pb: PocketBase, meetingId: string, position: number, name: string): Promise<string> {
	const item = await pb
		.collection('agenda_items')
		.getFirstListItem(pb.filter('meeting = {:meetingId} && position = {:position}', { meetingId, position }), {
			fields: 'id'
		});
	const form = new FormData();
	form.append(
		'attachments+',
		new Blob([new Uint8Array(makeDemoPdf('Bilag til temagruppen', ['Kun for temagruppen.']))], {
			type: 'application/pdf'
		}),
		name
	);
	const updated = await pb.collection('agenda_items').update<{ attachments: string[] }>(item.id, form);
	return updated.attachments[updated.attachments.length - 1];
}

/** The active members of a group with a role, in the minutes' order, as the superuser. */
async function membersOf(pb: PocketBase, groupName: string, role: string): Promise<Person[]> {
	const memberships = await pb.collection('memberships').getFullList<{ expand?: { user?: Person } }>({
		filter: pb.filter(`group.name = {:groupName} && role = {:role} && meeting = "" && ${ACTIVE_MEMBERSHIP}`, {
			groupName,
			role
		}),
		expand: 'user',
		fields: 'expand.user.id,expand.user.email,expand.user.name',
		sort: 'position,created'
	});
	return memberships.flatMap(({ expand }) =>
		expand?.user ? [{ id: expand.user.id, email: expand.user.email, name: expand.user.name }] : []
	);
}

/**
 * Waits until the reminder engine has sent what was due at start (the demo's open deadlines), so
 * that no burst of reminder mails lands in the inbox while the tests count mails.
 */
async function settleReminders(pb: PocketBase) {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const now = new Date().toISOString().replace('T', ' ');
		const due = await pb.collection('notifications').getList(1, 1, {
			filter: pb.filter('status = "pending" && due <= {:now} && retry_at = ""', { now }),
			fields: 'id'
		});
		if (due.totalItems === 0) return;
		if (Date.now() > deadline) throw new Error(`${due.totalItems} reminders still due a minute after the start`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

async function describeStack(stack: Stack, push: PushService): Promise<StackInfo> {
	if (!stack.inboxUrl) throw new Error('The e2e tests need the mail catcher (unset SMTP_HOST).');
	const pb = new PocketBase(stack.pbUrl);
	pb.autoCancellation(false);
	await pb.collection('_superusers').authWithPassword(stack.admin.email, stack.admin.password);
	await settleReminders(pb);
	const login = (role: string, index: number) => {
		const found = stack.logins.filter((l) => l.role === role)[index];
		if (!found) throw new Error(`no demo login with role ${role}`);
		// "Medlem, Midtklyngen (Susanne Krogh Jensen)" → "Susanne Krogh Jensen"
		return { email: found.email, name: /\(([^)]+)\)$/.exec(found.who)?.[1] ?? '' };
	};
	const member = login('member', 0);
	const pastMeeting = await meetingOf(pb, 'Klyngestyregruppen for Midtklyngen', 'past');
	const nextMeeting = await meetingOf(pb, 'Klyngestyregruppen for Midtklyngen', 'upcoming');
	const item3 = await pb
		.collection('agenda_items')
		.getFirstListItem<{ attachments: string[] }>(pb.filter('meeting = {:id} && position = 3', { id: pastMeeting.id }), {
			fields: 'attachments'
		});
	const themeMeeting = await meetingOf(pb, 'Temagruppen for den voksne patient', 'upcoming');
	const themeItem2Attachment = await attachToItem(pb, themeMeeting.id, 2, 'tema-bilag.pdf');
	return {
		url: stack.url,
		pbUrl: stack.pbUrl,
		inboxUrl: stack.inboxUrl,
		admin: { email: stack.admin.email, password: stack.admin.password },
		password: stack.demoPassword,
		member,
		secretariat: login('secretariat', 0),
		steeringMembers: (await membersOf(pb, 'Klyngestyregruppen for Midtklyngen', 'member')).filter(
			(p) => p.email !== member.email
		),
		themeMember: login('member', 1),
		pastMeeting,
		item3Attachment: item3.attachments[0] ?? '',
		nextMeeting,
		themeMeeting,
		themeItem2Attachment,
		push: { origin: push.origin, controlUrl: push.controlUrl, vapidPublicKey: stack.vapidPublicKey }
	};
}

export default async function globalSetup() {
	buildIfStale();
	// The tests read codes from the local mail catcher and open the app on its own port.
	delete process.env.SMTP_HOST;
	delete process.env.APP_URL;
	const dataDir = mkdtempSync(join(tmpdir(), 'klyngeportal-e2e-'));
	// The local push service stands in for FCM/autopush/Apple: the app's reminder engine pushes to it
	// (trusting its certificate) and the tests read what it decrypted through its control API.
	const push = await startPushService({
		log: (line: string) => {
			if (process.env.E2E_VERBOSE) console.log(line);
		}
	});
	let stack: Stack;
	try {
		stack = await startStack({
			dataDir,
			...PORTS,
			quiet: true,
			extraCaFile: push.certFile,
			pushOrigins: [push.origin],
			// Reminders go out within a second of being due, so tests need not wait for the 30 s default.
			reminderIntervalMs: 1000,
			// Tests log in from 127.0.0.1 far more often than the per-address limits allow a person;
			// the limits themselves are tested from other addresses (login-security.spec.ts).
			exemptLoopback: true,
			log: (line: string) => {
				if (process.env.E2E_VERBOSE) console.log(line);
			}
		});
	} catch (err) {
		await push.close();
		rmSync(dataDir, { recursive: true, force: true });
		throw err;
	}
	globalThis.__klyngeportalE2E = {
		stop: async () => {
			await stack.stop();
			await push.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
	try {
		process.env[STACK_ENV] = JSON.stringify(await describeStack(stack, push));
	} catch (err) {
		await globalThis.__klyngeportalE2E.stop();
		throw err;
	}
}

declare global {
	var __klyngeportalE2E: { stop: () => Promise<void> } | undefined;
}
