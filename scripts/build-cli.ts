/**
 * `npm run build:cli`: the terminal annotator (src/cli/explain.ts, with the core and the
 * presentation layer it imports) as one plain JavaScript file for Node 20 or later, in the npm
 * package packages/cli/. The package has no dependencies: everything it runs is in that file.
 * `npm pack` and `npm publish` in packages/cli run this first (its `prepack` script).
 */
import { chmodSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outfile = path.join(root, 'packages', 'cli', 'dist', 'godebug-explained.js');

await build({
	entryPoints: [path.join(root, 'src', 'cli', 'explain.ts')],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	// The oldest Node the package supports (its engines field).
	target: 'node20',
	banner: { js: '#!/usr/bin/env node' },
	logLevel: 'warning',
});
chmodSync(outfile, 0o755);
console.log(`${path.relative(root, outfile)}: ${(statSync(outfile).size / 1024).toFixed(0)} KB`);
