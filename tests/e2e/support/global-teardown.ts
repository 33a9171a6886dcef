// Stops what the global setup started (same process) and removes its data directory.
export default async function globalTeardown() {
	await globalThis.__klyngeportalE2E?.stop();
	globalThis.__klyngeportalE2E = undefined;
}
