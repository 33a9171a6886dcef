// The VAPID public key for pages that subscribe a device (the browser's applicationServerKey). The
// keys are made and kept by the start script (scripts/lib/vapid.mjs) and reach the app server as
// environment variables; the private key never leaves the server.
import { env } from '$env/dynamic/private';

const KEY = /^[A-Za-z0-9_-]{87}$/;

/** The base64url public key (65 bytes), or null when push is not configured. */
export function vapidPublicKey(): string | null {
	const key = env.VAPID_PUBLIC_KEY ?? '';
	return KEY.test(key) ? key : null;
}
