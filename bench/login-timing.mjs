// Asking for a login code must take as long for an address that has an account as for one that has
// none (issue 6.7): the figures compare p50/p95 of both over many tries, interleaved, and their ratio.
import { performance } from 'node:perf_hooks';
import { quantile } from './measure.mjs';

/**
 * @param {{ url: string, logins: { email: string }[] }} stack
 * @param {{ tries?: number }} opts
 */
export async function measureLoginTiming(stack, { tries = 200 } = {}) {
	const known = [...new Set(stack.logins.map((l) => l.email))];
	/** @param {string} email */
	const ask = async (email) => {
		const t0 = performance.now();
		const res = await fetch(`${stack.url}/login?/requestCode`, {
			method: 'POST',
			headers: { origin: stack.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email })
		});
		const body = await res.text();
		const ms = performance.now() - t0;
		return { ms, ok: res.status === 200 && body.includes('har vi sendt en kode') };
	};
	// Warm up both paths.
	for (let i = 0; i < 10; i++) {
		await ask(known[i % known.length]);
		await ask(`ingen-${i}@opvarmning.example`);
	}
	/** @type {number[]} */
	const knownTimes = [];
	/** @type {number[]} */
	const unknownTimes = [];
	let errors = 0;
	for (let i = 0; i < tries; i++) {
		// Alternate which goes first, so neither always follows the other's background work.
		const order = i % 2 ? ['unknown', 'known'] : ['known', 'unknown'];
		for (const which of order) {
			const r = await ask(which === 'known' ? known[i % known.length] : `ukendt-${i}@ingen-konto.example`);
			if (!r.ok) errors++;
			(which === 'known' ? knownTimes : unknownTimes).push(r.ms);
		}
	}
	knownTimes.sort((a, b) => a - b);
	unknownTimes.sort((a, b) => a - b);
	const figures = (/** @type {number[]} */ t) => ({ p50: quantile(t, 0.5), p95: quantile(t, 0.95) });
	const k = figures(knownTimes);
	const u = figures(unknownTimes);
	return { tries, errors, known: k, unknown: u, ratioP50: k.p50 / u.p50, ratioP95: k.p95 / u.p95 };
}

/** `node bench/login-timing.mjs`: the measurement alone, on a stack of its own. */
if (import.meta.url === `file://${process.argv[1]}`) {
	const { buildIfStale } = await import('../scripts/lib/build.mjs');
	const { tempDataDir } = await import('../scripts/lib/pocketbase.mjs');
	const { startStack } = await import('../scripts/lib/stack.mjs');
	buildIfStale();
	const data = tempDataDir('klyngeportal-bench-login-');
	const stack = await startStack({
		dataDir: data.dir,
		appPort: Number(process.env.BENCH_APP_PORT ?? 4273),
		pbPort: Number(process.env.BENCH_PB_PORT ?? 8491),
		smtpPort: Number(process.env.BENCH_SMTP_PORT ?? 2825),
		inboxPort: Number(process.env.BENCH_INBOX_PORT ?? 8425),
		rateLimits: false,
		log: () => {}
	});
	try {
		console.log(formatLoginTiming(await measureLoginTiming(stack, { tries: Number(process.env.BENCH_TRIES ?? 200) })));
	} finally {
		await stack.stop();
		data.remove();
	}
}

/** @param {Awaited<ReturnType<typeof measureLoginTiming>>} r */
export function formatLoginTiming(r) {
	return (
		`Login code request, ${r.tries} tries each: known address p50 ${r.known.p50.toFixed(1)} ms, p95 ${r.known.p95.toFixed(1)} ms; ` +
		`unknown p50 ${r.unknown.p50.toFixed(1)} ms, p95 ${r.unknown.p95.toFixed(1)} ms; ` +
		`ratio known/unknown p50 ${r.ratioP50.toFixed(2)}, p95 ${r.ratioP95.toFixed(2)}, ${r.errors} errors`
	);
}
