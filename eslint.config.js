import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'.pocketbase/',
			'pb_data/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			// The bare SvelteKit app that benchmarks compare with: kept as `sv create` leaves it.
			'bench/bare-app/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		// PocketBase's JSVM (goja): its globals come from the runtime, and CommonJS is the module system.
		files: ['pb_migrations/**/*.js', 'pb_hooks/**/*.js'],
		languageOptions: {
			sourceType: 'commonjs',
			globals: {
				migrate: 'readonly',
				Collection: 'readonly',
				TextField: 'readonly',
				RelationField: 'readonly',
				SelectField: 'readonly',
				JSONField: 'readonly',
				NumberField: 'readonly',
				BoolField: 'readonly',
				DateField: 'readonly',
				FileField: 'readonly',
				onBootstrap: 'readonly',
				onRecordEnrich: 'readonly',
				onRecordValidate: 'readonly',
				onRecordCreateRequest: 'readonly',
				onRecordUpdateRequest: 'readonly',
				routerAdd: 'readonly',
				routerUse: 'readonly',
				onRealtimeSubscribeRequest: 'readonly',
				cronAdd: 'readonly',
				onRecordDeleteRequest: 'readonly',
				onRecordCreateExecute: 'readonly',
				onRecordUpdateExecute: 'readonly',
				onRecordDeleteExecute: 'readonly',
				onRecordAfterCreateSuccess: 'readonly',
				onRecordAfterUpdateSuccess: 'readonly',
				Record: 'readonly',
				MailerMessage: 'readonly',
				$apis: 'readonly',
				$app: 'readonly',
				$os: 'readonly',
				$security: 'readonly',
				__hooks: 'readonly',
				BadRequestError: 'readonly',
				ValidationError: 'readonly',
				ForbiddenError: 'readonly',
				NotFoundError: 'readonly',
				ApiError: 'readonly',
				module: 'writable',
				require: 'readonly'
			}
		},
		rules: {
			'@typescript-eslint/no-require-imports': 'off',
			'@typescript-eslint/triple-slash-reference': 'off',
			// Crashes on CommonJS files (no strict-mode scope); it is meant for .svelte files.
			'svelte/no-inner-declarations': 'off',
			'no-unused-vars': ['error', { caughtErrors: 'none' }],
			'@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }]
		}
	}
);
