// Runs one dispatcher in its own process, so that a test can kill it mid-batch (SIGKILL: no
// cleanup, no last write). Config comes as JSON in argv[2]: { pbUrl, email, password, vapid,
// caFile, owner, batchSize, concurrency, leaseMs, timeoutMs }. Prints the report as JSON.
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { fileURLToPath } from 'node:url';
import PocketBase from 'pocketbase';
import { runnerImport } from 'vite';

const config = JSON.parse(process.argv[2] ?? '{}');
const { module } = await runnerImport(
	fileURLToPath(new URL('../../src/lib/server/reminders/dispatcher.ts', import.meta.url)),
	{ configFile: false, logLevel: 'error' }
);
const pb = new PocketBase(config.pbUrl);
pb.autoCancellation(false);
await pb.collection('_superusers').authWithPassword(config.email, config.password);
const dispatcher = module.createDispatcher(pb, {
	vapid: config.vapid,
	owner: config.owner,
	batchSize: config.batchSize,
	concurrency: config.concurrency,
	leaseMs: config.leaseMs,
	timeoutMs: config.timeoutMs,
	agent: new Agent({ ca: readFileSync(config.caFile, 'utf8'), keepAlive: true }),
	log: () => {}
});
console.log('ready');
const report = await dispatcher.run();
console.log(JSON.stringify(report));
process.exit(0);
