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

/**
 * Every field the runtime printed on the line is a keyed token: each `name=` has a token
 * starting right after the `=` (zero-width when the value printed empty, as `preemptoff=`
 * usually does), and a G line's parenthesised wait reason is one token, `()` included.
 */
function assertEveryFieldExplained(line: LogLine): void {
	if (line.kind === 'other') return;
	const keyedAt = (at: number) => line.tokens.find((t) => t.key !== null && t.start === at);
	for (const m of line.text.matchAll(/(?<=^|[\s(:])([^\s=()]+)=/g)) {
		const at = m.index + m[0].length;
		assert.ok(keyedAt(at), `line ${line.lineNo}: "${m[1]}=" at offset ${at} has no field token`);
	}
	if (line.form === 'detail-m' && line.text.includes(' preemptoff=')) {
		const from = line.text.indexOf(' preemptoff=') + ' preemptoff='.length;
		const to = line.text.indexOf(' locks=', from);
		const reason = keyedAt(from);
		assert.equal(reason?.key, 'scheddetail/m-preemptoff', `line ${line.lineNo}: preemptoff is a token`);
		assert.equal(reason?.end, to, `line ${line.lineNo}: preemptoff runs to " locks="`);
		assert.equal(reason?.value, line.text.slice(from, to));
	}
	if (line.form === 'detail-g') {
		const open = line.text.indexOf('(');
		const close = line.text.lastIndexOf(') m=');
		assert.ok(open > 0 && close > open, `line ${line.lineNo}: a G line prints its wait reason in parentheses`);
		const reason = keyedAt(open + 1);
		assert.equal(reason?.key, 'scheddetail/g-wait-reason', `line ${line.lineNo}: the wait reason is a token`);
		assert.equal(reason?.end, close, `line ${line.lineNo}: the wait reason runs to the ")" before " m="`);
		assert.equal(reason?.value, line.text.slice(open + 1, close));
	}
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
			for (const line of lines) assertEveryFieldExplained(line);
			// A schedtrace bracket has one entry per P.
			for (const line of lines) {
				const gomaxprocs = line.tokens.find((t) => t.key === 'schedtrace/gomaxprocs');
				if (gomaxprocs) assert.equal(gomaxprocs.value, capture.gomaxprocs, `line ${line.lineNo}`);
			}
		});
	}
});
