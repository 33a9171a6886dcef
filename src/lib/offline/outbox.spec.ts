import { describe, expect, it } from 'vitest';
import { stringify } from 'devalue';
import {
	DEFAULT_REFUSAL,
	ID_PATTERN,
	flushOutbox,
	memoryStore,
	newRecordId,
	sendEntry,
	type OutboxEntry
} from './outbox-flush.js';

function entry(id: string, queuedAt: string, extra: Partial<OutboxEntry> = {}): OutboxEntry {
	return {
		id,
		key: `attendance:${id}`,
		action: `/moeder/${id}/svar?/quick`,
		fields: [
			['status', 'attending'],
			['til', '/']
		],
		queuedAt,
		userId: 'user00000000001',
		label: 'Deltager',
		status: 'queued',
		...extra
	};
}

const json = (body: unknown, status = 200) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A server that answers each action by the entry's status field, recording what it received. */
function server(answer: (body: URLSearchParams, url: string) => Response | Promise<Response>) {
	const calls: { url: string; body: URLSearchParams; headers: Headers }[] = [];
	const fetchFn = (async (url: string, init: RequestInit) => {
		const body = new URLSearchParams(String(init.body));
		calls.push({ url, body, headers: new Headers(init.headers) });
		return answer(body, url);
	}) as unknown as typeof fetch;
	return { calls, fetchFn };
}

describe('newRecordId', () => {
	it('makes 15-character ids of PocketBase’s alphabet, different every time', () => {
		const ids = Array.from({ length: 2000 }, newRecordId);
		for (const id of ids) expect(id).toMatch(ID_PATTERN);
		expect(new Set(ids).size).toBe(ids.length);
		// Every character of the alphabet turns up, including digits and the last letter.
		const seen = new Set(ids.join(''));
		expect(seen.size).toBe(36);
	});
});

describe('sendEntry', () => {
	it('posts the form as use:enhance does, with the client id, queue time and user', async () => {
		const { calls, fetchFn } = server(() => json({ type: 'redirect', status: 303, location: '/?gemt=x' }));
		const e = entry('abcdefghijklmn1', '2026-12-01T10:00:00.000Z');
		expect(await sendEntry(e, fetchFn, 'http://app.test')).toEqual({ outcome: 'sent' });
		expect(calls[0].url).toBe('http://app.test/moeder/abcdefghijklmn1/svar?/quick');
		expect(calls[0].headers.get('x-sveltekit-action')).toBe('true');
		expect(calls[0].headers.get('content-type')).toBe('application/x-www-form-urlencoded');
		expect(Object.fromEntries(calls[0].body)).toEqual({
			status: 'attending',
			til: '/',
			client_id: 'abcdefghijklmn1',
			queued_at: '2026-12-01T10:00:00.000Z',
			outbox_user: 'user00000000001'
		});
	});

	it('keeps an answer for later when the session has expired (the guard redirects to login)', async () => {
		const { fetchFn } = server(() => json({ type: 'redirect', status: 303, location: '/login?til=%2F' }));
		expect(await sendEntry(entry('a', '1'), fetchFn)).toEqual({ outcome: 'retry', why: 'login' });
	});

	it('reads the reason of a refusal from the devalue’d action data', async () => {
		const { fetchFn } = server(() =>
			json({
				type: 'failure',
				status: 400,
				data: stringify({ quick: { meeting: 'm', error: 'Svarfristen er overskredet.' } })
			})
		);
		expect(await sendEntry(entry('a', '1'), fetchFn)).toEqual({
			outcome: 'refused',
			reason: 'Svarfristen er overskredet.'
		});
		const form = server(() =>
			json({
				type: 'failure',
				status: 400,
				data: stringify({ values: {}, errors: { note: 'Noten må højst være 1.000 tegn.' } })
			})
		);
		expect(await sendEntry(entry('a', '1'), form.fetchFn)).toEqual({
			outcome: 'refused',
			reason: 'Noten må højst være 1.000 tegn.'
		});
	});

	it('retries on a server error or an unreachable proxy, and refuses on a 4xx error page', async () => {
		const down = server(() => new Response('<html>Bad gateway</html>', { status: 502 }));
		expect(await sendEntry(entry('a', '1'), down.fetchFn)).toEqual({ outcome: 'retry', why: 'server' });
		const crashed = server(() => json({ type: 'error', error: { message: 'Der skete en fejl' } }, 500));
		expect(await sendEntry(entry('a', '1'), crashed.fetchFn)).toEqual({ outcome: 'retry', why: 'server' });
		const gone = server(() => json({ type: 'error', error: { message: 'Mødet findes ikke.' } }, 404));
		expect(await sendEntry(entry('a', '1'), gone.fetchFn)).toEqual({
			outcome: 'refused',
			reason: 'Mødet findes ikke.'
		});
		const forbidden = server(() => new Response('Cross-site POST form submissions are forbidden', { status: 403 }));
		expect(await sendEntry(entry('a', '1'), forbidden.fetchFn)).toEqual({
			outcome: 'refused',
			reason: DEFAULT_REFUSAL
		});
	});
});

describe('flushOutbox', () => {
	it('sends the oldest answer first and empties the outbox', async () => {
		const store = memoryStore([
			entry('third', '2026-12-01T10:02:00.000Z'),
			entry('first', '2026-12-01T10:00:00.000Z'),
			entry('second', '2026-12-01T10:01:00.000Z')
		]);
		const { calls, fetchFn } = server(() => json({ type: 'success', status: 200 }));
		const report = await flushOutbox(store, fetchFn);
		expect(calls.map((c) => c.body.get('client_id'))).toEqual(['first', 'second', 'third']);
		expect(report.sent.map((e) => e.id)).toEqual(['first', 'second', 'third']);
		expect(await store.list()).toEqual([]);
	});

	it('stops at a network error and keeps that answer and the rest, in order, for the next try', async () => {
		const store = memoryStore([entry('a', '1'), entry('b', '2'), entry('c', '3')]);
		let n = 0;
		const { calls, fetchFn } = server(() => {
			if (++n === 2) throw new TypeError('Failed to fetch');
			return json({ type: 'success', status: 200 });
		});
		const report = await flushOutbox(store, fetchFn);
		expect(report.sent.map((e) => e.id)).toEqual(['a']);
		expect(report.waiting.map((e) => e.id)).toEqual(['b', 'c']);
		expect(report.stoppedBy).toBe('network');
		expect(calls).toHaveLength(2);
		expect((await store.list()).map((e) => e.id).sort()).toEqual(['b', 'c']);

		// The next flush, with the network back, sends both in order.
		const again = await flushOutbox(store, server(() => json({ type: 'success', status: 200 })).fetchFn);
		expect(again.sent.map((e) => e.id)).toEqual(['b', 'c']);
		expect(await store.list()).toEqual([]);
	});

	it('drops a refused answer from the queue but keeps it with the server’s reason', async () => {
		const store = memoryStore([entry('late', '1'), entry('fine', '2')]);
		const { fetchFn } = server((body) =>
			body.get('client_id') === 'late'
				? json({ type: 'failure', status: 400, data: stringify({ quick: { error: 'Svarfristen er overskredet.' } }) })
				: json({ type: 'success', status: 200 })
		);
		const report = await flushOutbox(store, fetchFn);
		expect(report.refused).toEqual([
			expect.objectContaining({ id: 'late', status: 'refused', reason: 'Svarfristen er overskredet.' })
		]);
		expect(report.sent.map((e) => e.id)).toEqual(['fine']);
		expect(await store.list()).toEqual([expect.objectContaining({ id: 'late', status: 'refused' })]);
		// A refused answer is never sent again.
		const { calls, fetchFn: second } = server(() => json({ type: 'success', status: 200 }));
		await flushOutbox(store, second);
		expect(calls).toHaveLength(0);
	});

	it('sends only the signed-in user’s answers when it knows the user', async () => {
		const store = memoryStore([entry('mine', '1'), entry('theirs', '2', { userId: 'someoneelse0001' })]);
		const { calls, fetchFn } = server(() => json({ type: 'success', status: 200 }));
		await flushOutbox(store, fetchFn, { userId: 'user00000000001' });
		expect(calls.map((c) => c.body.get('client_id'))).toEqual(['mine']);
		expect((await store.list()).map((e) => e.id)).toEqual(['theirs']);
	});
});
