// The normal ranges quote the site's captures and the runtime's source: each quoted figure is
// worked out again from the capture, and each runtime symbol is looked up in the Go sources of
// the releases it covers, where they are on this machine.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeLog } from './analysis.ts';
import { isFieldKey } from './catalogue.ts';
import { normalRanges } from './normal-ranges.ts';

const traces = path.resolve(import.meta.dirname, '..', '..', 'content', 'traces');
const capture = (file: string) => readFileSync(path.join(traces, file), 'utf8');
const listed = new Set(JSON.parse(capture('captures.json')).map((c: { file: string }) => c.file));
const range = (id: string) => normalRanges.find((r) => r.id === id)!;

describe('normal ranges', () => {
	test('each names its fields, says when it is healthy and when to worry, and cites its sources', () => {
		for (const r of normalRanges) {
			assert.ok(r.fields.length > 0 && r.fields.every(isFieldKey), `${r.id}: fields in the catalogue`);
			for (const text of [r.quantity, r.healthy, r.worry]) assert.doesNotMatch(text, /[<>`*\n]/, r.id);
			assert.ok(r.sources.length > 0, `${r.id}: sourced`);
			for (const s of r.sources) {
				if (s.kind === 'capture') assert.ok(listed.has(s.where), `${r.id}: ${s.where} is a capture`);
				if (s.kind === 'doc') assert.match(s.where, /^https:\/\/go\.dev\/doc\//, `${r.id}: a Go document`);
				if (s.kind === 'runtime') assert.match(s.where, /^[a-z0-9_]+\.go, \S/, `${r.id}: file, symbol`);
			}
		}
	});

	test('the pause figures are those of the captures they quote', () => {
		const pause = range('stw-pause');
		const p95s: number[] = [];
		for (const s of pause.sources.filter((x) => x.kind === 'capture')) {
			const { pauseMs } = analyzeLog(capture(s.where)).stats.gc;
			assert.ok(pauseMs, s.where);
			assert.ok(s.says.endsWith(`p95 ${pauseMs.p95} ms over ${pauseMs.count} cycles`), `${s.where}: ${s.says}`);
			p95s.push(pauseMs.p95);
		}
		const [low, high] = [Math.min(...p95s), Math.max(...p95s)];
		assert.match(pause.healthy, new RegExp(`${low} to ${high} ms`));
		// "Well under 1 ms" and the finding's 10 ms are what the captures show.
		assert.ok(high < 1);
	});

	test('the GC CPU share and cycle rate quoted are those of the web service under load', () => {
		const { gc } = analyzeLog(capture('gctrace/go1.26-web-load.txt')).stats;
		assert.equal(gc.cpuPercent, 0);
		assert.match(range('gc-cpu').healthy, /prints 0%/);
		const cycles = range('cycles-per-second');
		assert.ok(
			cycles.sources.some((s) => s.says === `${gc.cycles} cycles in about ${Math.round(gc.spanSeconds!)} seconds`),
		);
		assert.match(cycles.healthy, new RegExp(`about ${Math.round(gc.cyclesPerSecond!)} a second`));
	});

	test('the runtime symbols cited are in the runtime source of each release on this machine', () => {
		const roots = [
			'/usr/share/go-1.19/src/runtime',
			(() => {
				try {
					return path.join(execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim(), 'src', 'runtime');
				} catch {
					return '';
				}
			})(),
		].filter((r) => r !== '' && existsSync(r));
		if (roots.length === 0) return; // no Go source here; the citations were checked where there was
		for (const r of normalRanges) {
			for (const s of r.sources.filter((x) => x.kind === 'runtime')) {
				const [file, symbol] = s.where.split(', ');
				// `p.runq [256]guintptr` is declared as `runq [256]guintptr` inside type p.
				const wanted = symbol
					.replace(/^p\./, '')
					.replace(/\s+/g, '\\s+')
					.replace(/[[\]*.()]/g, '\\$&');
				for (const root of roots) {
					const source = readFileSync(path.join(root, file), 'utf8');
					assert.match(source, new RegExp(wanted), `${r.id}: ${s.where} in ${root}`);
				}
			}
		}
	});
});
