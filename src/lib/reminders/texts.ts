// What a reminder says, in Danish, as the Declarative Web Push payload the outbox row carries. The
// words are in the message catalogue (planner); this module picks the dates and fits the payload
// under its 2 KB limit. Pure: the planner calls it per row.
import { formatLongDate, formatTime, localDateKey } from '$lib/dates';
import { planner } from '$lib/messages/da-planner';
import { DWP_MAGIC, PAYLOAD_LIMIT, type ReminderAction, type ReminderPayload } from './payload';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A PocketBase record id (15 characters a-z0-9), made here so the payload can name its own row. */
export function newRowId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(15));
	let id = '';
	for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
	return id;
}

/** "fredag den 8. januar": a day near enough that the year goes without saying. */
export function dayAndMonth(at: Date): string {
	return formatLongDate(at).replace(/ \d{4}$/, '');
}

/** "torsdag den 7. januar kl. 12.00"; a deadline at the end of a day (23.59) is that day alone. */
export function deadlineText(deadline: Date): string {
	const time = formatTime(deadline);
	return time === '23.59' ? dayAndMonth(deadline) : `${dayAndMonth(deadline)} kl. ${time}`;
}

/** Whole Copenhagen calendar days from the reminder to the deadline (0 on the day itself). */
export function daysBetween(from: Date, to: Date): number {
	const day = (d: Date) => {
		const [y, m, dd] = localDateKey(d).split('-').map(Number);
		return Date.UTC(y, m - 1, dd);
	};
	return Math.round((day(to) - day(from)) / 86_400_000);
}

export interface PayloadInput {
	/** The outbox row's id. */
	id: string;
	kind: string;
	subject: string;
	title: string;
	body: string;
	/** Absolute URL. */
	navigate: string;
	/** When it goes out (the notification's timestamp). */
	at: Date;
	actions?: ReminderAction[];
	/** The member's number of open deadlines. */
	badge?: number;
}

const size = (p: ReminderPayload) => new TextEncoder().encode(JSON.stringify(p)).length;

/** The payload, with the body cut (at a word, with "…") until the JSON fits the limit. */
export function buildPayload(input: PayloadInput): ReminderPayload {
	const payload: ReminderPayload = {
		web_push: DWP_MAGIC,
		...(input.badge !== undefined ? { app_badge: input.badge } : {}),
		notification: {
			title: input.title.slice(0, 200),
			body: input.body,
			navigate: input.navigate,
			lang: 'da',
			dir: 'ltr',
			tag: `${input.kind}:${input.subject}`,
			timestamp: input.at.getTime(),
			...(input.actions ? { actions: input.actions } : {}),
			data: { id: input.id, kind: input.kind, subject: input.subject }
		}
	};
	if (size(payload) <= PAYLOAD_LIMIT) return payload;
	// The longest prefix of the body that fits with " …", then back to a whole line (an agenda
	// item) or word.
	const fits = (n: number) => {
		payload.notification.body = `${input.body.slice(0, n)} …`;
		return size(payload) <= PAYLOAD_LIMIT;
	};
	let lo = 0;
	let hi = input.body.length;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (fits(mid)) lo = mid;
		else hi = mid - 1;
	}
	const cut = input.body.slice(0, lo);
	const line = cut.lastIndexOf('\n');
	const space = cut.lastIndexOf(' ');
	const end = line > 0 ? line : space > 0 ? space : lo;
	payload.notification.body = `${cut.slice(0, end).trimEnd()} …`;
	return payload;
}

const url = (appUrl: string, path: string) => appUrl.replace(/\/$/, '') + path;

/** "Svar senest i morgen: Klyngestyregruppemøde fredag den 8. januar" with Deltager / Afbud. */
export function attendancePayload(
	row: { id: string; at: Date; badge?: number },
	meeting: { id: string; title: string; starts: Date },
	deadline: Date,
	appUrl: string
): ReminderPayload {
	const m = planner;
	const answer = url(appUrl, `/moeder/${meeting.id}#svar`);
	return buildPayload({
		id: row.id,
		kind: 'attendance',
		subject: meeting.id,
		title: m.attendanceTitle(m.when(daysBetween(row.at, deadline)), meeting.title, dayAndMonth(meeting.starts)),
		body: m.attendanceBody(deadlineText(deadline)),
		navigate: answer,
		at: row.at,
		badge: row.badge,
		actions: [
			{ action: 'attending', title: m.attending, navigate: answer },
			{ action: 'absent', title: m.absent, navigate: answer }
		]
	});
}

/** "Ny indkaldelse: …" when it opens, else "Meld deltagere ind senest i morgen: …". */
export function nominationPayload(
	row: { id: string; at: Date; badge?: number; rule: string },
	call: { id: string; title: string; urgent: boolean },
	deadline: Date,
	appUrl: string
): ReminderPayload {
	const m = planner;
	return buildPayload({
		id: row.id,
		kind: 'nomination',
		subject: call.id,
		title:
			row.rule === 'opens'
				? m.nominationOpensTitle(call.title)
				: m.nominationTitle(m.when(daysBetween(row.at, deadline)), call.title),
		body: m.nominationBody(deadlineText(deadline), call.urgent),
		navigate: url(appUrl, `/indkaldelser/${call.id}`),
		at: row.at,
		badge: row.badge
	});
}

/** "I morgen kl. 9.00: Klyngestyregruppemøde", with the place and as many agenda titles as fit. */
export function meetingTomorrowPayload(
	row: { id: string; at: Date; badge?: number },
	meeting: { id: string; title: string; starts: Date; place: string; items: string[] },
	appUrl: string
): ReminderPayload {
	const m = planner;
	const head = m.tomorrowBody(formatLongDate(meeting.starts), meeting.place);
	const agenda = meeting.items.length
		? `\n${m.agenda}\n${meeting.items.map((title, i) => `${i + 1}. ${title}`).join('\n')}`
		: '';
	return buildPayload({
		id: row.id,
		kind: 'meeting_tomorrow',
		subject: meeting.id,
		title: m.tomorrowTitle(meeting.title, formatTime(meeting.starts)),
		body: head + agenda,
		navigate: url(appUrl, `/moeder/${meeting.id}`),
		at: row.at,
		badge: row.badge
	});
}

/** "Opfølgning senest i morgen" with the follow-up's text and due date. */
export function followUpPayload(
	row: { id: string; at: Date; badge?: number },
	followUp: { id: string; text: string; meeting: string },
	due: Date,
	appUrl: string
): ReminderPayload {
	const m = planner;
	return buildPayload({
		id: row.id,
		kind: 'follow_up',
		subject: followUp.id,
		title: m.followUpTitle(m.when(daysBetween(row.at, due))),
		body: m.followUpBody(followUp.text, deadlineText(due)),
		navigate: url(appUrl, `/moeder/${followUp.meeting}#followups-title`),
		at: row.at,
		badge: row.badge
	});
}
