// The parser against the Go runtime on this machine: build a real program, run it with
// GODEBUG set, and parse what it prints on standard error. `npm run test:unit` makes sure
// Go is installed first.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eraIncludes, formatEra, parseLog, type LogLine } from './index.ts';

const program = path.resolve(import.meta.dirname, '..', '..', 'examples', 'gcdemo');
// Build with the installed toolchain only: nothing may be downloaded.
const goEnv = { ...process.env, GOTOOLCHAIN: 'local' };
let dir = '';
let binary = '';
let goMinor = 0;

function run(godebug: string, args: string[]): { stderr: string; lines: LogLine[] } {
	const result = spawnSync(binary, args, {
		env: { ...process.env, GODEBUG: godebug, GOMAXPROCS: '2' },
		encoding: 'utf8',
		timeout: 30_000,
	});
	assert.equal(result.status, 0, `gcdemo failed: ${result.stderr.slice(-500)}`);
	const lines: LogLine[] = [];
	parseLog(result.stderr, (line) => lines.push(line));
	return { stderr: result.stderr, lines };
}

describe('live runtime', () => {
	before(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'godebug-live-'));
		binary = path.join(dir, 'gcdemo');
		execFileSync('go', ['build', '-o', binary, '.'], { cwd: program, env: goEnv, stdio: 'pipe' });
		const version = execFileSync('go', ['env', 'GOVERSION'], { env: goEnv, encoding: 'utf8' });
		goMinor = Number(/^go1\.(\d+)/.exec(version)?.[1]);
		assert.ok(goMinor > 0, `cannot read the Go version from ${JSON.stringify(version)}`);
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	test('gctrace=1,schedtrace=200 output parses with no problems', () => {
		const { stderr, lines } = run('gctrace=1,schedtrace=200', ['-d', '3s']);
		const summary = parseLog(stderr);
		assert.deepEqual(summary.problems, []);
		assert.equal(summary.unknownTokenCount, 0);
		assert.ok(summary.kindCounts.gctrace >= 3, `expected gc lines, got ${summary.kindCounts.gctrace}`);
		assert.ok(summary.kindCounts.schedtrace >= 5, `expected SCHED lines, got ${summary.kindCounts.schedtrace}`);
		// The shapes identify the release that printed them.
		assert.ok(
			summary.era && eraIncludes(summary.era, goMinor),
			`era ${summary.era && formatEra(summary.era)} lacks go1.${goMinor}`,
		);
		// runtime.GC() halfway through is a user-forced cycle.
		const forced = lines.filter((l) => l.tokens.some((t) => t.key === 'gctrace/forced'));
		assert.ok(forced.length >= 1, 'expected a (forced) gc line');
	});

	test('scheddetail=1 output parses into dumps of P, M and G lines', () => {
		const { stderr, lines } = run('schedtrace=500,scheddetail=1', ['-d', '2s']);
		const summary = parseLog(stderr);
		assert.deepEqual(summary.problems, []);
		assert.equal(summary.unknownTokenCount, 0);
		const forms = new Set(lines.map((l) => l.form));
		for (const form of ['sched-detail-header', 'detail-p', 'detail-m', 'detail-g'] as const) {
			assert.ok(forms.has(form), `no ${form} line in the dump`);
		}
		// Two Ps: every dump has exactly two P lines, all tied to their SCHED header.
		const pLines = lines.filter((l) => l.form === 'detail-p');
		assert.ok(pLines.every((l) => l.dump !== null));
		const perDump = Map.groupBy(pLines, (l) => l.dump);
		assert.ok([...perDump.values()].every((ps) => ps.length === 2));
	});
});
