// The reminder engine: inside the app server, every REMINDER_INTERVAL_MS (30 s), it plans
// (planReminders: outbox rows from the deadlines) and then dispatches what is due. It signs in to
// PocketBase as its own superuser. Ticks never overlap; a kick (a "send now" round, a test push)
// runs one soon. Errors are logged (once per distinct message) and never reach the server. With
// several app servers every one runs it: the outbox's leases keep them from sending a row twice.
import PocketBase from 'pocketbase';
import { createDispatcher, type DispatcherOptions, type DispatchReport } from './dispatcher';
import { planReminders, type PlanResult } from './planner';

export interface EngineOptions {
	pbUrl: string;
	email: string;
	password: string;
	intervalMs?: number;
	dispatcher: Omit<DispatcherOptions, 'log' | 'now'>;
	plan?: (pb: PocketBase, now: Date) => Promise<PlanResult>;
	now?: () => Date;
	log?: (line: string) => void;
	/** Called after each tick (tests). */
	onTick?: (result: { plan: PlanResult | null; dispatch: DispatchReport | null; error: unknown }) => void;
}

export interface Engine {
	kick(): void;
	stop(): Promise<void>;
}

const KICK_DELAY_MS = 50;

export function createEngine(options: EngineOptions): Engine {
	const { intervalMs = 30_000, plan = planReminders, now = () => new Date(), log = console.log } = options;
	const pb = new PocketBase(options.pbUrl);
	pb.autoCancellation(false);
	const dispatcher = createDispatcher(pb, { ...options.dispatcher, now, log });
	let timer: ReturnType<typeof setTimeout> | null = null;
	let running: Promise<void> | null = null;
	let again = false;
	let stopped = false;
	let lastError = '';

	const schedule = (ms: number) => {
		if (stopped) return;
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => void tick(), ms);
		// The engine never keeps a server alive that is otherwise done.
		timer.unref?.();
	};

	async function once() {
		let planned: PlanResult | null = null;
		let dispatched: DispatchReport | null = null;
		let error: unknown = null;
		try {
			if (!pb.authStore.isValid) {
				await pb.collection('_superusers').authWithPassword(options.email, options.password);
			}
			planned = await plan(pb, now());
			dispatched = await dispatcher.run();
			if (lastError) log('[reminders] working again');
			lastError = '';
		} catch (err) {
			error = err;
			const message = err instanceof Error ? err.message : String(err);
			if (message !== lastError) log(`[reminders] tick failed: ${message}`);
			lastError = message;
			// A superuser token that stopped working (password changed, PocketBase reset): sign in anew.
			if ((err as { status?: number }).status === 401 || (err as { status?: number }).status === 403) {
				pb.authStore.clear();
			}
		}
		options.onTick?.({ plan: planned, dispatch: dispatched, error });
	}

	async function tick() {
		timer = null;
		if (running) {
			again = true;
			return;
		}
		running = once();
		await running;
		running = null;
		if (again) {
			again = false;
			schedule(KICK_DELAY_MS);
		} else schedule(intervalMs);
	}

	schedule(KICK_DELAY_MS);
	return {
		kick() {
			if (running) again = true;
			else schedule(KICK_DELAY_MS);
		},
		async stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			timer = null;
			await running;
		}
	};
}

/**
 * The running engine, kept on globalThis: in development Vite reloads this module on edits, and a
 * reloaded module must find (not duplicate) the engine that is already running.
 */
const slot = globalThis as typeof globalThis & { __klyngeportalReminders?: Engine | null };

/**
 * Starts the engine from the app server's environment (once). Off with REMINDERS=off, or without
 * ENGINE_PB_EMAIL/ENGINE_PB_PASSWORD or the VAPID keys (logged once, with the reason).
 */
export function startReminders(env: Record<string, string | undefined>, log: (line: string) => void = console.log) {
	if (slot.__klyngeportalReminders) return;
	if (env.REMINDERS === 'off') return log('[reminders] off (REMINDERS=off)');
	const missing = ['ENGINE_PB_EMAIL', 'ENGINE_PB_PASSWORD', 'VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY'].filter(
		(name) => !env[name]
	);
	if (missing.length) return log(`[reminders] off: ${missing.join(', ')} not set (npm start sets them)`);
	const intervalMs = Number(env.REMINDER_INTERVAL_MS) || 30_000;
	slot.__klyngeportalReminders = createEngine({
		pbUrl: env.PB_URL || 'http://127.0.0.1:8090',
		email: env.ENGINE_PB_EMAIL!,
		password: env.ENGINE_PB_PASSWORD!,
		intervalMs,
		log,
		dispatcher: {
			vapid: {
				publicKey: env.VAPID_PUBLIC_KEY!,
				privateKey: env.VAPID_PRIVATE_KEY!,
				subject: env.VAPID_SUBJECT || 'mailto:admin@klyngeportal.local'
			}
		}
	});
	const stop = () => void stopReminders();
	process.once('sveltekit:shutdown', stop);
}

/** Asks the running engine to dispatch now (after a "send now" round or a test). */
export function kickReminders(): void {
	slot.__klyngeportalReminders?.kick();
}

/** Stops the loop after the tick in progress (server shutdown). */
export async function stopReminders(): Promise<void> {
	const engine = slot.__klyngeportalReminders;
	slot.__klyngeportalReminders = null;
	await engine?.stop();
}
