// Text of an agenda or minutes (pasted from Word or a PDF) → a proposed meeting. Pure: runs in the
// browser and on the server. Text that fits no field stays on its item (background) or in
// `leftovers`; nothing is dropped.
import { proposeCalls } from '$lib/deadlines/proposal';
import { importMessages } from '$lib/messages/da-import';
import {
	HEADING,
	readApologies,
	readHeaderFields,
	readLocation,
	readNames,
	readParticipants,
	readPeople,
	readTime
} from './header';
import { readDecisions, readFollowUps, readItem, readKind, splitItems } from './items';
import { instantOf, normaliseLines, toParagraphs } from './text';
import type { ImportedItem, ImportResult } from './types';

/** 1 MB of UTF-8. */
export const MAX_BYTES = 1_000_000;

export function parseMeetingText(text: string, opts: { year?: number } = {}): ImportResult {
	if (text.trim() === '') return refuse(importMessages.empty);
	if (text.length > MAX_BYTES || new TextEncoder().encode(text).length > MAX_BYTES)
		return refuse(importMessages.tooLong);

	const lines = normaliseLines(text);
	const { before, items: rawItems, after } = splitItems(lines);
	const header = readHeaderFields(before);
	const hasHeading = header.kind !== null || lines.some((l) => HEADING.test(l));
	if (!hasHeading && rawItems.length < 2) return refuse(importMessages.notAgenda);
	if (header.fields.size === 0 && rawItems.length === 0) return refuse(importMessages.notAgenda);

	const { date, slot } = readTime(header.fields.get('time'), opts.year);
	const minutesDate = readTime(
		header.fields.get('minutesDate'),
		opts.year ?? (date ? Number(date.slice(0, 4)) : undefined)
	).date;
	const location = readLocation(header.fields.get('location'));

	const items: ImportedItem[] = rawItems.map((raw) => {
		const parts = readItem(raw);
		const recommendation = toParagraphs(parts.sections.recommendation);
		const minutes = toParagraphs(parts.sections.minutes);
		const background = toParagraphs(parts.sections.background);
		const decisions = readDecisions(minutes);
		const item: ImportedItem = {
			number: raw.number,
			title: parts.title,
			starts: date && parts.slot ? instantOf(date, parts.slot.start) : null,
			ends: date && parts.slot ? instantOf(date, parts.slot.end) : null,
			presenter: parts.presenter,
			kind: readKind(parts.title, recommendation),
			recommendation,
			background: background === '-' ? '' : background,
			minutes,
			decisions,
			proposedCalls: []
		};
		if (date) item.proposedCalls = proposeCalls(item, { meetingDate: date });
		return item;
	});

	const { followUps, leftovers: afterLeftovers } = readFollowUps(after, date);
	const hasMinutes = items.some((i) => i.minutes !== '');
	return {
		ok: true,
		meeting: {
			kind: header.kind ?? (hasMinutes ? 'minutes' : 'agenda'),
			title: header.title,
			starts: date && slot ? instantOf(date, slot.start) : null,
			ends: date && slot ? instantOf(date, slot.end) : null,
			locationRoom: location.room,
			locationAddress: location.address,
			locationNote: location.note,
			catering: (header.fields.get('catering') ?? []).join(' ').replace(/\s+/g, ' ').trim(),
			chair: readNames(header.fields.get('chair')).join(' og '),
			minuteTakers: readNames(header.fields.get('minuteTakers')),
			participants: readParticipants(header.fields.get('participants')),
			guests: readPeople(header.fields.get('guests')),
			apologies: readApologies(header.fields.get('apologies')),
			minutesDate,
			items,
			followUps
		},
		leftovers: [...header.leftovers, ...afterLeftovers]
	};
}

function refuse(message: string): ImportResult {
	return { ok: false, error: { field: 'text', message } };
}
