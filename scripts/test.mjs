#!/usr/bin/env node
// `npm test`: generated record types up to date, type check, lint, unit, integration (real PocketBase)
// and end-to-end (real Chromium) tests, in that order, then one summary line that counts every test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib/pocketbase.mjs';

const out = mkdtempSync(join(tmpdir(), 'klyngeportal-test-'));
const bin = (/** @type {string} */ name) => join(ROOT, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let ok = true;

/** @param {string} title @param {string} cmd @param {string[]} args @param {Record<string, string>} [env] */
function step(title, cmd, args, env = {}) {
	console.log(`\n=== ${title} ===`);
	const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
	if (res.status !== 0) {
		ok = false;
		console.error(`${title}: failed (exit ${res.status ?? res.signal})`);
	}
	return res.status === 0;
}

/** @param {string} file */
function countVitest(file) {
	if (!existsSync(file)) return;
	const report = JSON.parse(readFileSync(file, 'utf8'));
	passed += report.numPassedTests;
	failed += report.numFailedTests + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

/** @param {string} file */
function countPlaywright(file) {
	if (!existsSync(file)) return;
	const { stats } = JSON.parse(readFileSync(file, 'utf8'));
	passed += stats.expected + stats.flaky;
	failed += stats.unexpected + stats.skipped;
}

// Stale record types would let svelte-check pass against a schema the migrations no longer give.
step('record types up to date', process.execPath, [join(ROOT, 'scripts', 'typegen.mjs'), '--check']);
if (step('svelte-kit sync', bin('svelte-kit'), ['sync'])) {
	step('svelte-check', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings']);
}
step('lint', 'npm', ['run', '--silent', 'lint']);
for (const project of ['unit', 'integration']) {
	const file = join(out, `${project}.json`);
	step(`${project} tests`, bin('vitest'), [
		'run',
		'--project',
		project,
		'--reporter=default',
		'--reporter=json',
		`--outputFile=${file}`
	]);
	countVitest(file);
}
const e2e = join(out, 'e2e.json');
step('end-to-end tests', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2e });
countPlaywright(e2e);
rmSync(out, { recursive: true, force: true });

console.log(`\n${passed} passed, ${failed} failed`);
if (!ok && failed === 0) console.error('A check failed before or outside the tests (see above).');
process.exit(ok && failed === 0 ? 0 : 1);
