import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// Rolldown's timing report is noise on every `npm start` that builds.
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.spec.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 20_000,
					hookTimeout: 60_000,
					// One PocketBase per worker; two cores.
					maxWorkers: 2
				}
			}
		]
	}
});
