// Every real capture in content/traces parses cleanly, and its shapes name the Go release
// that printed it (recorded in captures.json beside the files).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { eraIncludes, formatEra, parseLog, type LogLine } from './index.ts';
import { assertWellFormed } from './test-support.ts';

const tracesDir = path.resolve(import.meta.dirname, '..', '..', 'content', 'traces');

interface Capture {
	file: string;
	go: string;
	godebug: string;
	gomaxprocs: number;
}

const captures = JSON.parse(readFileSync(path.join(tracesDir, 'captures.json'), 'utf8')) as Capture[];

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? filesUnder(path.join(dir, e.name)).map((f) => `${e.name}/${f}`)
			: e.name.endsWith('.txt')
				? [e.name]
				: [],
	);
}

test('captures.json lists exactly the capture files', () => {
	assert.deepEqual(captures.map((c) => c.file).sort(), filesUnder(tracesDir).sort());
});

describe('every captured line parses', () => {
	for (const capture of captures) {
		test(capture.file, () => {
			const text = readFileSync(path.join(tracesDir, capture.file), 'utf8');
			const lines: LogLine[] = [];
			const summary = parseLog(text, (line) => lines.push(line));
			assert.deepEqual(summary.problems, [], 'no line has a problem');
			const unknown = lines.flatMap((l) =>
				l.tokens.filter((t) => t.key === null).map((t) => `line ${l.lineNo}: "${t.text}"`),
			);
			assert.deepEqual(unknown, [], 'no unrecognised text in trace lines');
			for (const line of lines) assertWellFormed(line);
			const minor = Number(/^go1\.(\d+)/.exec(capture.go)?.[1]);
			assert.ok(summary.era, 'the capture has trace lines');
			assert.ok(
				eraIncludes(summary.era, minor),
				`the lines' era ${formatEra(summary.era)} includes go1.${minor}, which printed them`,
			);
			// A schedtrace bracket has one entry per P.
			for (const line of lines) {
				const gomaxprocs = line.tokens.find((t) => t.key === 'schedtrace/gomaxprocs');
				if (gomaxprocs) assert.equal(gomaxprocs.value, capture.gomaxprocs, `line ${line.lineNo}`);
			}
		});
	}
});
