// The lab's Go program (examples/lab), run natively on this machine's Go for a second: its own
// lines are what the page reads (lab-output.ts), and its runtime lines parse with no problem.
// `npm run test:unit` makes sure Go is installed first.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseLog } from '../../../trace/index.ts';
import { defaultLabSettings, labProgram } from '../../../present/lab-settings.ts';
import { parseLabEvent } from './lab-output.ts';

const program = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'examples', 'lab');

test('the lab program prints its start, progress and end, and gctrace and pacer lines that parse', () => {
	const { env, args } = labProgram({ ...defaultLabSettings, gogc: 50, seconds: 2, rate: 40 });
	const dir = mkdtempSync(path.join(tmpdir(), 'godebug-lab-'));
	const binary = path.join(dir, 'lab');
	// Built with the installed toolchain only: nothing may be downloaded.
	execFileSync('go', ['build', '-o', binary, '.'], {
		cwd: program,
		env: { ...process.env, GOTOOLCHAIN: 'local' },
		stdio: 'pipe',
	});
	const result = spawnSync(binary, args, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
	rmSync(dir, { recursive: true, force: true });
	assert.equal(result.status, 0, result.stderr.slice(-500));
	const events = result.stdout.trim().split('\n').map(parseLabEvent);
	assert.ok(
		events.every((e) => e !== null),
		result.stdout,
	);
	assert.equal(events[0]!.event, 'start');
	assert.match(events[0]!.values.go!, /^go1\.\d+/);
	assert.equal(events[0]!.values.gogc, '50');
	assert.equal(events.at(-1)!.event, 'end');
	const end = events.at(-1)!.values;
	assert.ok(Number(end.allocated) > 40, `allocated ${end.allocated} MB in 2 s at 40 MB/s`);
	const summary = parseLog(result.stderr);
	assert.deepEqual(summary.problems, []);
	assert.equal(summary.unknownTokenCount, 0);
	assert.equal(summary.kindCounts.other, 0);
	assert.ok(summary.kindCounts.gctrace >= 3, `expected gc lines, got ${summary.kindCounts.gctrace}`);
	assert.ok(summary.kindCounts.gcpacertrace >= 3, `expected pacer lines, got ${summary.kindCounts.gcpacertrace}`);
	// The program's count of cycles is the runtime's, as the gc lines number them.
	assert.ok(Math.abs(Number(end.cycles) - summary.kindCounts.gctrace) <= 1, `${end.cycles} cycles`);
});
