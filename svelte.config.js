import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Another build beside build/ with a version name of its own: the update test serves one after the other.
const out = process.env.KLYNGEPORTAL_BUILD_OUT || 'build';
const versionName = process.env.KLYNGEPORTAL_VERSION;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out }),
		...(versionName ? { version: { name: versionName } } : {}),
		// Saved pages and the offline page are served at other URLs than their own: absolute asset URLs.
		paths: { relative: false },
		// src/lib/components/ServiceWorkerAgent.svelte registers it and offers new versions.
		serviceWorker: { register: false },
		// The stylesheet (about 9 KB) goes into the HTML itself: nothing to fetch before the first paint.
		inlineStyleThreshold: 10240,
		// Scripts are allowed by hash or nonce only; never 'unsafe-inline'.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
