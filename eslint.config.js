/**
 * `npm run lint`: mistakes, not style (Prettier owns the layout: `npm run format`).
 * The import boundaries for .ts files are checked by `npm run lint:deps`; dependency-cruiser
 * cannot read .astro files, so their half of the boundary is `no-restricted-imports` below.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

/** A deep file of the core, by any relative or `~/` path; src/trace/index.ts is the way in. */
const deepTraceImports = {
	group: ['**/trace/*', '!**/trace/index.ts', '~/trace/*', '!~/trace/index.ts'],
	message: 'Import the core through src/trace/index.ts (see DESIGN.md, "Dependencies point one way").',
};

export default defineConfig(
	{
		ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-data/', '.tmp/'],
	},
	// The build under a base path (npm run build:base).
	{ ignores: ['dist-base/'] },
	// The CLI package's bundle is built from src/cli (npm run build:cli).
	{ ignores: ['packages/*/dist/'] },
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: {
			// Names starting with _ are deliberately unused (placeholders in signatures, skipped tuple items).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
			],
			// Type-only imports are written as such: Node strips types and cannot tell otherwise.
			'@typescript-eslint/consistent-type-imports': [
				'error',
				{ fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
			],
			eqeqeq: ['error', 'always', { null: 'ignore' }],
			// An empty catch is how the pages shrug off storage that the browser refuses.
			'no-empty': ['error', { allowEmptyCatch: true }],
		},
	},
	{
		// The core matches raw bytes on purpose (NUL, ASCII ranges) when it reads damaged logs.
		files: ['src/trace/**'],
		rules: { 'no-control-regex': 'off' },
	},
	{
		// Scripts and tests run under Node.
		files: ['scripts/**', 'e2e/**', '**/*.test.ts', '*.config.{js,mjs,ts}', '.dependency-cruiser.mjs'],
		languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
	},
	{
		// .astro files in the front ends: the same boundary dependency-cruiser checks for .ts files.
		files: ['src/{components,pages,layouts}/**/*.astro', 'src/{components,pages,layouts}/**/*.astro/*.{js,ts}'],
		rules: { 'no-restricted-imports': ['error', { patterns: [deepTraceImports] }] },
	},
);
