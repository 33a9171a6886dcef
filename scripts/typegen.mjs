#!/usr/bin/env node
// `npm run typegen` writes src/lib/pocketbase-types.ts from the collections pb_migrations/ creates;
// `npm run typegen -- --check` (npm run typegen:check) only compares and exits 1 when the file is stale.
// `--out <file>` writes or checks another file instead.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT } from './lib/pocketbase.mjs';
import { compareTypes, formatTypes, readCollections, renderTypes } from './lib/typegen.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
const unknown = args.filter((a, i) => a !== '--check' && !(a === '--out' || (outIndex >= 0 && i === outIndex + 1)));
if (unknown.length || (outIndex >= 0 && !args[outIndex + 1])) {
	console.error('Usage: node scripts/typegen.mjs [--check] [--out <file>]');
	process.exit(2);
}
const file = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(ROOT, 'src', 'lib', 'pocketbase-types.ts');
const shown = relative(process.cwd(), file) || file;

try {
	// Formatted as the file would be at its real path, so `prettier --check .` agrees with it.
	const expected = await formatTypes(renderTypes(await readCollections()), join(ROOT, 'src/lib/pocketbase-types.ts'));
	if (check) {
		const problem = compareTypes(expected, existsSync(file) ? readFileSync(file, 'utf8') : null, shown);
		if (problem) {
			console.error(problem);
			process.exit(1);
		}
		console.log(`${shown} is up to date.`);
	} else {
		writeFileSync(file, expected);
		console.log(`Wrote ${shown}.`);
	}
} catch (err) {
	console.error(`typegen failed: ${/** @type {Error} */ (err).message}`);
	process.exit(1);
}
