import { error, fail, redirect } from '@sveltejs/kit';
import { MAX_BYTES, parseMeetingText } from '$lib/agenda/import';
import { t } from '$lib/messages';
import { importMessages as m } from '$lib/messages/da-import';
import {
	MAX_HIDDEN_BYTES,
	checkProposal,
	groupMembers,
	importErrors,
	proposalFrom,
	readDocx,
	readProposal,
	saveImport,
	type ImportErrors,
	type Proposal
} from '$lib/server/import';
import { groupThatMetLast, secretariatGroups, type SecretariatGroup } from '$lib/server/workspace';
import type { TypedPocketBase } from '$lib/pocketbase-types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const groups = await secretariatGroups(locals.pb, locals.user!.id);
	if (!groups.length) error(404, { message: t.errors.notFound });
	/** The group chosen at first when the user runs several: the one that met most recently. */
	const defaultGroup = groups.length > 1 ? ((await groupThatMetLast(locals.pb, groups))?.id ?? '') : '';
	return { groups, defaultGroup };
};

/** Everything the review step shows, as the form of either action returns it. */
async function review(
	pb: TypedPocketBase,
	group: SecretariatGroup,
	proposal: Proposal,
	source: string,
	errors: ImportErrors = {},
	notices: ImportErrors = {},
	refused = false
) {
	const parsed = parseMeetingText(source);
	return {
		step: 'review' as const,
		group,
		proposal,
		source,
		/** How many nomination calls the text of each item proposes, by item number. */
		calls: parsed.ok ? Object.fromEntries(parsed.meeting.items.map((i) => [i.number, i.proposedCalls.length])) : {},
		members: await groupMembers(pb, group.id),
		errors,
		notices,
		/** Whether a save was refused (the summary above the form says so). */
		refused
	};
}

/** The chosen group when the user runs it (one group needs no choice); null otherwise. */
async function chosenGroup(pb: TypedPocketBase, userId: string, id: string): Promise<SecretariatGroup | null> {
	const groups = await secretariatGroups(pb, userId);
	if (groups.length === 1 && id === '') return groups[0];
	return groups.find((g) => g.id === id) ?? null;
}

export const actions: Actions = {
	/** Reads the pasted text or the Word file and proposes a meeting for review. */
	read: async ({ locals, request }) => {
		const form = await request.formData();
		const pasted = String(form.get('text') ?? '');
		const file = form.get('file');
		const upload = file instanceof File && file.size > 0 ? file : null;
		const groupId = String(form.get('group') ?? '');
		const input = (errors: ImportErrors) =>
			fail(400, { step: 'input' as const, errors, text: pasted.length > MAX_BYTES ? '' : pasted, group: groupId });

		// Every field's problem at once: a missing group and an unreadable text are both shown.
		const group = await chosenGroup(locals.pb, locals.user!.id, groupId);
		const groupError: ImportErrors = group ? {} : { group: m.errors.group };
		if (upload && pasted.trim() !== '') return input({ ...groupError, file: m.bothGiven });
		let text = pasted;
		if (upload) {
			const read = await readDocx(upload);
			if ('error' in read) return input({ ...groupError, file: read.error });
			text = read.text;
		}
		const parsed = parseMeetingText(text);
		if (!parsed.ok) return input({ ...groupError, [upload ? 'file' : 'text']: parsed.error.message });
		if (!group) return input(groupError);
		const members = await groupMembers(locals.pb, group.id);
		const proposal = proposalFrom(parsed.meeting, parsed.leftovers, members, group.id);
		// Overlapping slots in the source are shown at once, beside the item, as is a gap between two.
		const { errors, notices } = checkProposal(proposal);
		const slotErrors = Object.fromEntries(Object.entries(errors).filter(([key]) => key.endsWith('.slot')));
		return review(locals.pb, group, proposal, text, slotErrors, notices);
	},

	/** Saves the reviewed proposal as a draft, whole or not at all. */
	save: async ({ locals, request }) => {
		const form = await request.formData();
		const source = String(form.get('source') ?? '');
		if (new TextEncoder().encode(source).length > MAX_HIDDEN_BYTES) {
			return fail(400, { step: 'input' as const, errors: { text: m.proposalLost }, text: '', group: '' });
		}
		const proposal = readProposal(form);
		const group = await chosenGroup(locals.pb, locals.user!.id, proposal.group);
		if (!group) return fail(400, { step: 'input' as const, errors: { group: m.errors.group }, text: '', group: '' });
		const { errors, notices, payload } = checkProposal(proposal);
		if (Object.keys(errors).length)
			return fail(400, await review(locals.pb, group, proposal, source, errors, notices, true));
		let saved: { meeting: string };
		try {
			saved = await saveImport(locals.pb, payload);
		} catch (err) {
			return fail(400, await review(locals.pb, group, proposal, source, importErrors(err), notices, true));
		}
		redirect(303, `/moeder/importer/${saved.meeting}`);
	}
};
