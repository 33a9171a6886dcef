// Small helpers the benchmarks share.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** CPU seconds a process has used so far (Linux /proc; null elsewhere). @param {number | undefined} pid */
export function cpuSeconds(pid) {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return null;
	}
}

/** The q-quantile of ascending figures. @param {number[]} sorted @param {number} q */
export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const CHUNK = 20;

/**
 * Runs `fn` for every index below `count`, `CHUNK` at a time.
 * @template T
 * @param {number} count @param {(i: number) => Promise<T>} fn
 * @returns {Promise<T[]>}
 */
export async function inChunks(count, fn) {
	/** @type {T[]} */
	const out = [];
	for (let start = 0; start < count; start += CHUNK) {
		const batch = [];
		for (let i = start; i < Math.min(count, start + CHUNK); i++) batch.push(fn(i));
		out.push(...(await Promise.all(batch)));
	}
	return out;
}

export const pbDate = (/** @type {number} */ ms) => new Date(ms).toISOString().replace('T', ' ');

/**
 * All clients fire one request each — at the same moment, or at random moments spread over
 * `spreadMs` — and the latency figures of the round come back.
 * @param {number | undefined} pid PocketBase's process id, for its CPU time during the round
 * @param {(() => Promise<unknown>)[]} requests
 * @param {number} [spreadMs]
 */
export async function round(pid, requests, spreadMs = 0) {
	/** @type {number[]} */
	const times = [];
	let errors = 0;
	/** @type {string[]} */
	const messages = [];
	const cpuBefore = cpuSeconds(pid);
	const started = performance.now();
	await Promise.all(
		requests.map(async (request) => {
			if (spreadMs) await new Promise((r) => setTimeout(r, Math.random() * spreadMs));
			const t0 = performance.now();
			try {
				await request();
			} catch (err) {
				errors++;
				if (messages.length < 3) messages.push(String(/** @type {Error} */ (err).message ?? err));
			}
			times.push(performance.now() - t0);
		})
	);
	const wallMs = performance.now() - started;
	const cpuAfter = cpuSeconds(pid);
	times.sort((a, b) => a - b);
	return {
		p50: quantile(times, 0.5),
		p95: quantile(times, 0.95),
		max: times[times.length - 1],
		errors,
		/** Wall time of the whole round: the last answer is stored this long after the first was sent. */
		wallMs,
		/** PocketBase CPU time per request in this round, or null when /proc is not available. */
		cpuMsPerRequest: cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / requests.length,
		messages
	};
}
