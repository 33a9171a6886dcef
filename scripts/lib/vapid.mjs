// The VAPID key pair that signs every push (RFC 8292). Push services tie each subscription to the
// public key it was made with, so the pair is made once and kept: from VAPID_PUBLIC_KEY and
// VAPID_PRIVATE_KEY when both are given, else from `.vapid.json` in the data directory (mode 600),
// made on the first start. Rotating it (deleting the file or changing the variables) makes every
// push service answer 403 for the old subscriptions; the app subscribes again on its next start.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';

/** @typedef {{ publicKey: string, privateKey: string, subject: string, source: 'env' | 'file' | 'new' }} VapidConfig */

const B64URL = /^[A-Za-z0-9_-]+$/;

/** @param {string} publicKey @param {string} privateKey */
function valid(publicKey, privateKey) {
	return (
		B64URL.test(publicKey) &&
		B64URL.test(privateKey) &&
		Buffer.from(publicKey, 'base64url').length === 65 &&
		Buffer.from(privateKey, 'base64url').length === 32
	);
}

/**
 * @param {string} dataDir
 * @param {string} adminEmail the subject's fallback (`mailto:` + this) when VAPID_SUBJECT is unset
 * @returns {VapidConfig}
 */
export function vapidConfig(dataDir, adminEmail) {
	const subject = process.env.VAPID_SUBJECT || `mailto:${adminEmail}`;
	if (!/^(mailto:|https:\/\/)/.test(subject)) throw new Error('VAPID_SUBJECT must start with mailto: or https://');
	const fromEnv = [process.env.VAPID_PUBLIC_KEY, process.env.VAPID_PRIVATE_KEY];
	if (fromEnv[0] || fromEnv[1]) {
		const [publicKey, privateKey] = fromEnv;
		if (!publicKey || !privateKey || !valid(publicKey, privateKey)) {
			throw new Error(
				'VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must both be given, as base64url (65 and 32 bytes): npx web-push generate-vapid-keys'
			);
		}
		return { publicKey, privateKey, subject, source: 'env' };
	}
	const file = join(dataDir, '.vapid.json');
	if (existsSync(file)) {
		const stored = JSON.parse(readFileSync(file, 'utf8'));
		if (!valid(stored.publicKey ?? '', stored.privateKey ?? '')) throw new Error(`${file} holds no valid VAPID keys`);
		return { publicKey: stored.publicKey, privateKey: stored.privateKey, subject, source: 'file' };
	}
	const { publicKey, privateKey } = webpush.generateVAPIDKeys();
	writeFileSync(file, JSON.stringify({ publicKey, privateKey }, null, '\t') + '\n', { mode: 0o600 });
	return { publicKey, privateKey, subject, source: 'new' };
}
