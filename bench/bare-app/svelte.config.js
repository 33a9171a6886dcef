// The bare SvelteKit 2 app the benchmarks compare Klyngeportal with: the same Kit, Svelte, Vite and
// adapter (from the repository's node_modules), the default settings, one server-rendered page.
import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: { adapter: adapter({ out: 'build' }) }
};

export default config;
