/**
 * `npm run lint:deps`: the import boundaries of DESIGN.md ("Dependencies point one way"):
 * trace -> nothing; present -> trace; components, pages, layouts, cli, site -> present, trace.
 * Front ends reach the core only through src/trace/index.ts, which names what it exports.
 *
 * dependency-cruiser reads .ts/.js files only: the same boundary for .astro files is
 * `no-restricted-imports` in eslint.config.js.
 */

/** Tests and their helpers run under Node and may import its modules. */
const TESTS = '(\\.test\\.ts|/test-support\\.ts)$';
/** The front ends: everything under src/ that is neither the core nor the presentation layer. */
const FRONT_ENDS = '^src/(?!trace/|present/)';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
	forbidden: [
		{
			name: 'trace-imports-only-itself',
			comment:
				'src/trace/ is pure TypeScript for the browser, the worker and Node alike: it imports nothing ' +
				'outside itself (no node:*, no packages, no site code).',
			severity: 'error',
			from: { path: '^src/trace/', pathNot: TESTS },
			to: { pathNot: '^src/trace/' },
		},
		{
			name: 'trace-tests-import-trace-or-node',
			comment: "The core's tests may use Node's modules, and nothing else outside src/trace/.",
			severity: 'error',
			from: { path: '^src/trace/.*' + TESTS },
			to: { pathNot: '^src/trace/', dependencyTypesNot: ['core'] },
		},
		{
			name: 'present-imports-only-trace-index',
			comment:
				'src/present/ (the sentences users read) builds on the core through src/trace/index.ts only, and ' +
				'never on a front end.',
			severity: 'error',
			from: { path: '^src/present/', pathNot: TESTS },
			to: { pathNot: '^src/(present/|trace/index\\.ts$)' },
		},
		{
			name: 'present-tests-import-present-trace-index-or-node',
			comment: "src/present/'s tests may also use Node's modules.",
			severity: 'error',
			from: { path: '^src/present/.*' + TESTS },
			to: { pathNot: '^src/(present/|trace/index\\.ts$)', dependencyTypesNot: ['core'] },
		},
		{
			name: 'front-ends-use-trace-index',
			comment:
				'Components, pages, layouts, the CLI and site data reach the core through src/trace/index.ts, ' +
				'not its deep files, so the core can move its files freely.',
			severity: 'error',
			from: { path: FRONT_ENDS },
			to: { path: '^src/trace/', pathNot: '^src/trace/index\\.ts$' },
		},
		{
			name: 'no-unresolvable-imports',
			comment: "An import that resolves to no file or package (Astro's virtual astro:* modules aside).",
			severity: 'error',
			from: {},
			to: { couldNotResolve: true, pathNot: '^astro:' },
		},
	],
	options: {
		doNotFollow: { path: ['node_modules'] },
		// The build's output and generated types are not source.
		exclude: { path: ['^(dist|\\.astro|node_modules)/'] },
		// `import type` counts: a type from a deep file is a dependency on that file.
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			mainFields: ['module', 'main', 'types', 'typings'],
		},
		reporterOptions: { text: { highlightFocused: true } },
	},
};
