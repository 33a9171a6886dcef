// What the global setup hands to the tests: where the stack runs, who may log in and the ids of the
// demo meetings the tests open. It travels in an environment variable, which Playwright passes from
// the global setup to every worker.

export const STACK_ENV = 'KLYNGEPORTAL_E2E_STACK';

/**
 * Ports of the e2e stack, apart from those of `npm start` (3000, 8090, 2525, 8025) and the unit tests.
 * E2E_PORT_OFFSET shifts them all, so that two checkouts on one machine can run their e2e tests at once.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const PORTS = {
	appPort: 4173 + offset,
	pbPort: 8391 + offset,
	smtpPort: 2725 + offset,
	inboxPort: 8325 + offset
} as const;

export interface MeetingRef {
	id: string;
	starts: string;
	ends: string;
}

/** A demo user the tests log in as, with the id the overview's rows are named by. */
export interface Person {
	id: string;
	email: string;
	name: string;
}

export interface StackInfo {
	url: string;
	/** PocketBase's own address, for tests that start a second app server in front of it. */
	pbUrl: string;
	inboxUrl: string;
	/** The superuser, for tests that build their own records (e.g. nomination calls). */
	admin: { email: string; password: string };
	/** The demo password every seeded user has. */
	password: string;
	/** A member of the steering group (Midtklyngen). */
	member: { email: string; name: string };
	/** The steering group's secretariat (Midtklyngen). */
	secretariat: { email: string; name: string };
	/**
	 * Ordinary members of the steering group other than `member`, in the minutes' order. Tests that
	 * answer the next meeting's attendance each take their own, as the tests of a run share the stack.
	 */
	steeringMembers: Person[];
	/** A member of the theme group only. */
	themeMember: { email: string; name: string };
	/** The steering group's meeting of 12 June 2020, with published minutes. */
	pastMeeting: MeetingRef;
	/** The file attached to item 3 of that meeting, by the name PocketBase stored it under. */
	item3Attachment: string;
	/** The steering group's next meeting. */
	nextMeeting: MeetingRef;
	/** The theme group's meeting, which steering-group members may not see. */
	themeMeeting: MeetingRef;
	/** A file the global setup attaches to item 2 of the theme group's meeting. */
	themeItem2Attachment: string;
	/**
	 * The local push service (tests/support/push-service.ts) the app pushes to: `origin` is where its
	 * endpoints live; `controlUrl` is its control API (use `new PushControl(controlUrl)`) to make
	 * subscriptions, script answers and read the decrypted pushes. `vapidPublicKey` is the app's
	 * (what a page passes as applicationServerKey and what signs every push).
	 */
	push: { origin: string; controlUrl: string; vapidPublicKey: string };
}

/** The stack started by the global setup; throws when the tests run without it. */
export function stackInfo(): StackInfo {
	const raw = process.env[STACK_ENV];
	if (!raw) throw new Error(`${STACK_ENV} is not set: run the tests through playwright.config.ts.`);
	return JSON.parse(raw) as StackInfo;
}
