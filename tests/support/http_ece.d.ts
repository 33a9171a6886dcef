// http_ece (web-push's own dependency) has no types; the push service's tests use it as an
// independent encrypter to check the service's decryption.
declare module 'http_ece' {
	import type { ECDH } from 'node:crypto';
	interface EceParams {
		version: 'aes128gcm';
		dh: string;
		privateKey: ECDH;
		authSecret: string;
		rs?: number;
	}
	const ece: { encrypt(buffer: Buffer, params: EceParams): Buffer };
	export default ece;
}
