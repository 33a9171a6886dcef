import { fail, redirect } from '@sveltejs/kit';
import { ClientResponseError } from 'pocketbase';
import { safeRedirect } from '$lib/server/auth';
import { isRecordId } from '$lib/server/errors';
import {
	listDevices,
	listRecent,
	openReminder,
	publicKey,
	queueTest,
	readPrefs,
	removeDevice,
	savePrefs
} from '$lib/server/my-reminders';
import { kickReminders } from '$lib/server/reminders/engine';
import { CHANNELS, PREF_KINDS, type ChannelChoice, type ReminderPrefs } from '$lib/reminders/prefs';
import { t } from '$lib/messages';
import { remindersPage } from '$lib/messages/da-reminders-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const now = new Date();
	const [devices, prefs, recent] = await Promise.all([
		listDevices(locals.pb, now),
		readPrefs(locals.pb, locals.user!.id),
		listRecent(locals.pb, now)
	]);
	return {
		/** The member's push devices, the most recently seen first. */
		devices,
		/** The preferences in force (defaults for what was never set). */
		prefs,
		/** The newest sent reminders, with unread marks. */
		recent,
		/** The VAPID public key this device subscribes with ('' when push is not set up). */
		publicKey: publicKey()
	};
};

/** The form's field for a kind's channel. */
const channelField = (kind: string) => `channel_${kind}`;

/** PocketBase's error code (pb_hooks/lib/notification-prefs.js) → the form field it is about. */
function fieldOfCode(code: string): string {
	if (code === 'prefs_quiet_from') return 'quiet_from';
	if (code === 'prefs_quiet_to') return 'quiet_to';
	if (code.startsWith('prefs_channel_')) return channelField(code.slice('prefs_channel_'.length));
	return 'form';
}

/** A device action's outcome, shown beside that device. */
const deviceMessage = (id: string, message: string, ok: boolean) => ({ device: { id, message, ok } });

export const actions: Actions = {
	prefs: async ({ locals, request }) => {
		const form = await request.formData();
		const values: Record<string, string> = {};
		const errors: Record<string, string> = {};
		const channels = {} as Record<(typeof PREF_KINDS)[number], ChannelChoice>;
		for (const kind of PREF_KINDS) {
			const value = String(form.get(channelField(kind)) ?? '');
			values[channelField(kind)] = value;
			if ((CHANNELS as readonly string[]).includes(value)) channels[kind] = value as ChannelChoice;
			else errors[channelField(kind)] = remindersPage.prefs.errors.channel;
		}
		const quiet = { from: String(form.get('quiet_from') ?? '').trim(), to: String(form.get('quiet_to') ?? '').trim() };
		values.quiet_from = quiet.from;
		values.quiet_to = quiet.to;
		// A required field needs no server; the shape of a clock time is PocketBase's to judge.
		if (!quiet.from) errors.quiet_from = remindersPage.prefs.errors.clock;
		if (!quiet.to) errors.quiet_to = remindersPage.prefs.errors.clock;
		if (Object.keys(errors).length) return fail(400, { prefs: { values, errors } });
		const prefs: ReminderPrefs = { channels, quiet };
		try {
			await savePrefs(locals.pb, locals.user!.id, prefs);
		} catch (err) {
			if (err instanceof ClientResponseError && err.status === 400) {
				const found = (err.response.data as Record<string, { code?: string; message?: string }> | undefined)
					?.notification_prefs;
				const field = fieldOfCode(found?.code ?? '');
				return fail(400, {
					prefs: { values, errors: { [field]: found?.message ?? remindersPage.prefs.errors.form } }
				});
			}
			throw err;
		}
		return { prefs: { saved: true } };
	},

	test: async ({ locals, request }) => {
		const id = String((await request.formData()).get('id') ?? '');
		if (!isRecordId(id)) return fail(404, deviceMessage(id, remindersPage.devices.gone, false));
		try {
			await queueTest(locals.pb, id);
		} catch (err) {
			if (err instanceof ClientResponseError && err.status === 404) {
				return fail(404, deviceMessage(id, remindersPage.devices.gone, false));
			}
			if (err instanceof ClientResponseError && err.status === 429) {
				return fail(429, deviceMessage(id, err.response.message || remindersPage.devices.failed, false));
			}
			throw err;
		}
		// The engine sends it now rather than at its next round.
		kickReminders();
		return deviceMessage(id, remindersPage.devices.testSent, true);
	},

	remove: async ({ locals, request }) => {
		const id = String((await request.formData()).get('id') ?? '');
		const removed = isRecordId(id) && (await removeDevice(locals.pb, id));
		return removed
			? { removed: remindersPage.devices.removed }
			: fail(404, deviceMessage(id, remindersPage.devices.gone, false));
	},

	/** Opens one of the reminders in the list: marks it read and goes to its page. */
	open: async ({ locals, request }) => {
		const id = String((await request.formData()).get('id') ?? '');
		const target = isRecordId(id) ? await openReminder(locals.pb, id) : null;
		if (!target) return fail(404, { open: t.errors.notFound });
		redirect(303, safeRedirect(target));
	}
};
