// The generated record types (src/lib/pocketbase-types.ts) match a PocketBase built from
// pb_migrations/, and `npm run typegen -- --check` refuses a file that does not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/pocketbase.mjs';
import { compareTypes, HEADER, renderTypes } from '../../scripts/lib/typegen.mjs';

const COMMITTED = join(ROOT, 'src', 'lib', 'pocketbase-types.ts');
const scratch = mkdtempSync(join(tmpdir(), 'klyngeportal-typegen-test-'));

function typegen(...args: string[]) {
	const res = spawnSync(process.execPath, [join(ROOT, 'scripts', 'typegen.mjs'), ...args], {
		cwd: ROOT,
		encoding: 'utf8'
	});
	return { status: res.status, output: res.stdout + res.stderr };
}

// Each run starts its own PocketBase: allow for a busy machine.
describe('npm run typegen', { timeout: 60_000 }, () => {
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));

	it('writes exactly the committed file, so the committed types are not stale', () => {
		const out = join(scratch, 'fresh.ts');
		const run = typegen('--out', out);
		expect(run.status, run.output).toBe(0);
		expect(readFileSync(out, 'utf8')).toBe(readFileSync(COMMITTED, 'utf8'));
	});

	it('accepts an up-to-date file with --check', () => {
		const run = typegen('--check');
		expect(run.status, run.output).toBe(0);
		expect(run.output).toContain('is up to date');
	});

	it('fails --check on a stale file and names the line that differs', () => {
		const stale = join(scratch, 'stale.ts');
		const committed = readFileSync(COMMITTED, 'utf8');
		// As if a migration had added a meeting status the file does not know yet.
		const edited = committed.replace("'draft' | 'published'", "'draft' | 'published' | 'cancelled'");
		expect(edited).not.toBe(committed);
		writeFileSync(stale, edited);
		const run = typegen('--check', '--out', stale);
		expect(run.status).toBe(1);
		expect(run.output).toContain('stale.ts is stale');
		expect(run.output).toContain("'cancelled'");
		expect(run.output).toContain('npm run typegen');
	});

	it('fails --check when the file is missing', () => {
		const run = typegen('--check', '--out', join(scratch, 'missing.ts'));
		expect(run.status).toBe(1);
		expect(run.output).toContain('missing.ts is missing');
	});
});

describe('the type generator', () => {
	const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, type, ...extra });
	const source = renderTypes([
		{
			id: 'c2',
			name: 'things',
			type: 'base',
			fields: [
				field('id', 'text'),
				field('title', 'text'),
				field('body', 'editor'),
				field('home', 'url'),
				field('contact', 'email'),
				field('count', 'number'),
				field('done', 'bool'),
				field('due', 'date'),
				field('created', 'autodate'),
				field('state', 'select', { required: true, maxSelect: 1, values: ['new', 'old'] }),
				field('mood', 'select', { maxSelect: 1, values: ['glad'] }),
				field('tags', 'select', { maxSelect: 3, values: ['a', 'b'] }),
				field('owner', 'relation', { maxSelect: 1, collectionId: 'c1' }),
				field('readers', 'relation', { maxSelect: 5, collectionId: 'c1' }),
				field('logo', 'file', { maxSelect: 1 }),
				field('files', 'file', { maxSelect: 9 }),
				field('data', 'json'),
				field('where', 'geoPoint'),
				field('secret', 'text', { hidden: true }),
				field('future', 'someNewType')
			]
		},
		{
			id: 'c1',
			name: 'users',
			type: 'auth',
			system: false,
			fields: [
				field('id', 'text'),
				field('password', 'password', { hidden: true }),
				field('tokenKey', 'text', { hidden: true }),
				field('email', 'email'),
				field('verified', 'bool')
			]
		},
		{ id: 's1', name: '_superusers', type: 'auth', system: true, fields: [field('id', 'text')] },
		{ id: 's2', name: '_otps', type: 'base', system: true, fields: [field('id', 'text')] }
	]);
	/** The field lines of one generated type (renderTypes writes one per line), without comments. */
	const typeOf = (type: string) => {
		const lines = source.split('\n');
		const start = lines.indexOf(`export type ${type} = {`);
		if (start < 0) throw new Error(`no type ${type} in:\n${source}`);
		const end = lines.indexOf('};', start);
		return lines
			.slice(start + 1, end)
			.filter((line) => !line.startsWith('/**'))
			.map((line) => line.replace(/;$/, ''));
	};

	it('types every kind of field as the API returns it, with id first and the rest sorted', () => {
		expect(typeOf('ThingsRecord')).toEqual([
			'id: string',
			'body: string',
			'contact: string',
			'count: number',
			'created: IsoDateString',
			'data: unknown',
			'done: boolean',
			'due: IsoDateString',
			'files: string[]',
			'future: unknown',
			'home: string',
			'logo: string',
			"mood: ThingsMoodOptions | ''",
			'owner: RecordIdString',
			'readers: RecordIdString[]',
			'secret?: string',
			'state: ThingsStateOptions',
			'tags: ThingsTagsOptions[]',
			'title: string',
			'where: { lon: number; lat: number }'
		]);
		expect(source).toContain("export type ThingsStateOptions = 'new' | 'old';");
		expect(source).toContain('/** → users */');
	});

	it('keeps the auth fields of users but never password or tokenKey', () => {
		expect(typeOf('UsersRecord')).toEqual(['id: string', 'email: string', 'verified: boolean']);
	});

	it("leaves out PocketBase's own collections and lists the rest, sorted, in Collections and TypedPocketBase", () => {
		expect(source.startsWith(HEADER)).toBe(true);
		expect(source).not.toMatch(/_superusers|_otps/);
		expect(source).toContain("Things: 'things',\nUsers: 'users',");
		expect(source).toContain(
			"collection(idOrName: 'things'): RecordService<ThingsResponse>;\n" +
				"collection(idOrName: 'users'): RecordService<UsersResponse>;"
		);
		expect(source).toContain(
			'export type ThingsResponse<Texpand = unknown> = ThingsRecord & BaseSystemFields<Texpand>;'
		);
	});

	it('gives the same output whatever order PocketBase lists collections and fields in', () => {
		const a = {
			id: 'a',
			name: 'alpha',
			type: 'base',
			fields: [field('id', 'text'), field('z', 'text'), field('b', 'bool')]
		};
		const b = { id: 'b', name: 'beta', type: 'base', fields: [field('n', 'number'), field('id', 'text')] };
		const reversed = { ...a, fields: [...a.fields].reverse() };
		expect(renderTypes([b, reversed])).toBe(renderTypes([a, b]));
	});

	it('compares a file with the expected types and explains the first difference', () => {
		expect(compareTypes('a\nb\n', 'a\nb\n', 'x.ts')).toBeNull();
		const problem = compareTypes('a\nb\n', 'a\nc\n', 'x.ts');
		expect(problem).toContain('x.ts is stale');
		expect(problem).toContain('from line 2');
		expect(problem).toMatch(/in the file: +c/);
		expect(problem).toMatch(/from migrations: +b/);
	});

	it('names the record types a stale file lacks or still has', () => {
		const expected = 'export type NewRecord = {\n};\nexport type KeptRecord = {\n};\n';
		const actual = 'export type KeptRecord = {\n};\nexport type GoneRecord = {\n};\n';
		const problem = compareTypes(expected, actual, 'x.ts');
		expect(problem).toContain('missing from the file: NewRecord');
		expect(problem).toContain('no longer in the migrations: GoneRecord');
	});
});
