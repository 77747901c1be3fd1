/** The CLI's two outputs: an annotated view for people, and NDJSON for programs. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
	describeEra,
	formatEra,
	formatTokenValue,
	getField,
	traceKinds,
	type Finding,
	type ComparedRun,
	type Comparison,
	type LogLine,
	type LogStats,
	type LogSummary,
} from '../trace/index.ts';
import { eraText, findingWords, plural, problemText, timeCoveredText } from '../present/summary.ts';
import {
	betterText,
	caveatText,
	changeText,
	directionText,
	measureLabels,
	measureValueText,
	toleranceText,
	verdictText,
} from '../present/compare.ts';
import { bucketText, percentileDefinition, shownBuckets, statFacts } from '../present/stats.ts';
import { fieldUrl } from '../present/urls.ts';
import type { Site } from './site.ts';

/** Where a view writes, what it calls itself in an error, and the site its links point to. */
export interface Output {
	out: Writable;
	programName: string;
	site: Site;
}

/** Receives parsed lines and summaries, and writes them out in batches. */
export interface View {
	begin(name: string): void;
	line(line: LogLine): void;
	end(summary: LogSummary, findings: Finding[], stats: LogStats): void;
	/** Writes what is buffered, in one write, and waits while the reader is behind. */
	flush(): Promise<void>;
}

function createBuffer({ out, programName }: Output) {
	let parts: string[] = [];
	out.on('error', (err: NodeJS.ErrnoException) => {
		// A closed pipe (`| head`) ends the output quietly; anything else is reported once.
		if (err.code !== 'EPIPE') process.stderr.write(`${programName}: cannot write output: ${err.message}\n`);
		process.exit(err.code === 'EPIPE' ? 0 : 2);
	});
	return {
		write(text: string): void {
			parts.push(text);
		},
		async flush(): Promise<void> {
			if (parts.length === 0) return;
			const ok = out.write(parts.join(''));
			parts = [];
			if (!ok) await once(out, 'drain');
		},
	};
}

/**
 * One JSON object per input line: `{"line","kind","era","fields","problem"}` (and `"file"` for
 * several files); after an input's lines, one `{"summary": {…}}` object (see `summaryRecord`).
 */
export function createJsonView(output: Output, withFileName: boolean): View {
	const buffer = createBuffer(output);
	let file = '';
	return {
		begin(name) {
			file = name;
		},
		line(line) {
			const record: Record<string, unknown> = withFileName ? { file } : {};
			record.line = line.lineNo;
			record.kind = line.kind;
			record.era = line.era ? formatEra(line.era) : null;
			record.fields = line.tokens.map((t) => ({
				key: t.key,
				start: t.start,
				end: t.end,
				text: t.text,
				value: t.value ?? null,
			}));
			record.problem = line.problem;
			buffer.write(`${JSON.stringify(record)}\n`);
		},
		end(summary, findings, stats) {
			const record = summaryRecord(summary, findings, stats, output.site, withFileName ? file : null);
			buffer.write(`${JSON.stringify({ summary: record })}\n`);
		},
		flush: () => buffer.flush(),
	};
}

/**
 * The summary of one input for `--json`: `lines`, `era` (as in line records; `"none"` when the
 * lines disagree, `null` with no trace lines), `kinds` (every kind, 0 included), `problems` (the
 * first 1,000, with `problemCount` for all) and `findings`, each with its rule's `kind`, `title`
 * and `lesson` (the full URL of its page), this log's `message`, its first `lines` and their `lineCount`,
 * and `stats`, the core's `LogStats` as they are (src/trace/README.md, "The CLI's JSON").
 */
function summaryRecord(
	summary: LogSummary,
	findings: Finding[],
	stats: LogStats,
	site: Site,
	file: string | null,
): Record<string, unknown> {
	const record: Record<string, unknown> = file === null ? {} : { file };
	record.lines = summary.lineCount;
	record.era = summary.era ? formatEra(summary.era) : null;
	record.kinds = Object.fromEntries([...traceKinds, 'other' as const].map((k) => [k, summary.kindCounts[k]]));
	record.problems = summary.problems;
	record.problemCount = summary.problemCount;
	record.findings = findings.map((f) => {
		const words = findingWords(f, site.base);
		return {
			kind: f.kind,
			title: words.title,
			lines: f.lines,
			lineCount: f.lineCount,
			lesson: site.link(words.lesson),
			message: words.message,
		};
	});
	record.stats = stats;
	return record;
}

const styles = {
	dim: ['\x1b[2m', '\x1b[22m'],
	bold: ['\x1b[1m', '\x1b[22m'],
	field: ['\x1b[36m', '\x1b[39m'],
	problem: ['\x1b[31m', '\x1b[39m'],
} as const;

/**
 * The input's control characters as visible symbols (ESC as ␛), one for one so columns still
 * line up: a log printed raw could move the cursor, retitle the window or fake a link.
 */
function visibleText(text: string): string {
	return text.replace(/(?!\t)\p{Cc}/gu, (c) => {
		const code = c.charCodeAt(0);
		if (code < 0x20) return String.fromCharCode(0x2400 + code);
		return code === 0x7f ? '\u2421' : '\ufffd';
	});
}

/**
 * Each runtime line followed by its fields. A field's one-sentence meaning and the address of its
 * page are printed the first time it appears in an input; after that its label and value are
 * enough, so a long log stays readable. Then a summary. What it keeps between lines is bounded:
 * the fields already explained, never the lines.
 */
export function createHumanView(output: Output, opts: { color: boolean; width: number }): View {
	const buffer = createBuffer(output);
	const { site } = output;
	const paint = (style: keyof typeof styles, text: string) =>
		opts.color ? `${styles[style][0]}${text}${styles[style][1]}` : text;
	const indent = '       ';
	let name = '';
	let explained = new Set<string>();

	/** Each finding: its rule's title, this log's figures, the first lines and the lesson. */
	function writeFindings(findings: Finding[]): void {
		if (findings.length === 0) {
			buffer.write('  findings: none\n');
			return;
		}
		buffer.write(`  findings: ${findings.length} (patterns worth a look; each lesson explains how to read them)\n`);
		for (const f of findings) {
			const words = findingWords(f, site.base);
			buffer.write(`    ${paint('bold', words.title)}\n`);
			for (const row of wrap(words.message, opts.width - 6)) buffer.write(`      ${row}\n`);
			const { text, listed } = lineRanges(f.lines, shownFindingRanges);
			const more = f.lineCount > listed ? ` … (${f.lineCount} lines in all)` : '';
			buffer.write(`      ${f.lineCount === 1 ? 'line' : 'lines'}: ${text}${more}\n`);
			buffer.write(`      lesson: ${site.link(words.lesson)}\n`);
			// One field a row, its address last and unbroken, so a terminal links all of it and nothing more.
			words.fields.forEach((field, i) =>
				buffer.write(`      ${i ? '        ' : 'fields: '}${field.label} ${site.link(field.url)}\n`),
			);
		}
	}

	/** Labelled rows, wrapped under their label. */
	function writeRows(rows: { label: string; value: string }[], indent: string): void {
		for (const { label, value } of rows) {
			const [first, ...rest] = wrap(`${label}: ${value}`, opts.width - indent.length - 2);
			buffer.write(`${indent}${first}\n`);
			for (const row of rest) buffer.write(`${indent}  ${row}\n`);
		}
	}

	/** The distributions, then the pauses as a histogram of bars. */
	function writeStats(stats: LogStats): void {
		const facts = statFacts(stats);
		if (facts.length === 0) return;
		buffer.write('  distributions:\n');
		writeRows(facts, '    ');
		const buckets = shownBuckets(stats.gc.pauseHistogram);
		if (buckets.length > 0) {
			buffer.write('    pauses by length:\n');
			const most = Math.max(...buckets.map((b) => b.count));
			const labels = buckets.map(bucketText);
			const labelWidth = Math.max(...labels.map((l) => l.length));
			const countWidth = String(most).length;
			const barWidth = Math.max(10, Math.min(40, opts.width - labelWidth - countWidth - 12));
			buckets.forEach((b, i) => {
				// A bucket with any pause gets at least one mark, so it never reads as empty.
				const bar = b.count === 0 ? '' : '#'.repeat(Math.max(1, Math.round((b.count / most) * barWidth)));
				buffer.write(`      ${labels[i]!.padStart(labelWidth)}  ${String(b.count).padStart(countWidth)}  ${bar}\n`);
			});
		}
		for (const row of wrap(percentileDefinition, opts.width - 6)) buffer.write(`    ${paint('dim', row)}\n`);
	}

	return {
		begin(inputName) {
			name = visibleText(inputName);
			explained = new Set();
		},
		line(line) {
			const no = String(line.lineNo).padStart(5);
			if (line.kind === 'other') {
				buffer.write(`${paint('dim', `${no}  ${visibleText(line.text)}  (not runtime trace output)`)}\n`);
				return;
			}
			buffer.write(`${paint('bold', `${no}  ${visibleText(line.text)}`)}\n`);
			const era = line.era ? describeEra(line.era) : '';
			buffer.write(`${indent}${paint('dim', `${line.kind}, ${era}`)}\n`);
			const fresh = line.tokens.filter((t) => t.key === null || !explained.has(t.key));
			const known = line.tokens.filter((t) => t.key !== null && explained.has(t.key));
			const labelWidth = Math.max(0, ...fresh.map((t) => (t.key ? getField(t.key)!.label.length : 17)));
			for (const token of fresh) {
				const field = token.key ? getField(token.key) : undefined;
				const label = field ? field.label : 'unrecognised text';
				const value = visibleText(formatTokenValue(token, field));
				const meaning = field ? field.summary : 'text this parser does not know (a newer Go release, or damage)';
				buffer.write(`${indent}${paint('field', label.padEnd(labelWidth))}  ${value}  ${paint('dim', meaning)}\n`);
				if (!token.key) continue;
				// The page's address on a line of its own, so a terminal can tell where it ends.
				buffer.write(
					`${indent}${' '.repeat(labelWidth + 2)}${paint('dim', site.link(fieldUrl(token.key, site.base)))}\n`,
				);
				explained.add(token.key);
			}
			if (known.length > 0) {
				// Fields explained earlier: label and value only, wrapped to the terminal width.
				let row = indent;
				let visible = indent.length; // the row's width on screen, without colour codes
				for (const token of known) {
					const field = getField(token.key!)!;
					const item = `${field.label} ${visibleText(formatTokenValue(token, field))}`;
					if (visible > indent.length && visible + item.length + 3 > opts.width) {
						buffer.write(`${row}\n`);
						row = indent;
						visible = indent.length;
					}
					const separator = visible > indent.length ? ' · ' : '';
					row += separator + paint('field', item);
					visible += separator.length + item.length;
				}
				buffer.write(`${row}\n`);
			}
			if (line.problem) {
				const caret = `${' '.repeat(Math.max(0, line.problem.column - 1))}^`;
				buffer.write(`${indent}${paint('problem', caret)}\n`);
				buffer.write(
					`${indent}${paint('problem', `problem at column ${line.problem.column}: ${visibleText(line.problem.message)}`)}\n`,
				);
			}
		},
		end(summary, findings, stats) {
			buffer.write(
				`\n${paint('bold', `Summary of ${name}`)}: ${summary.lineCount} lines (meanings are shown the first time each field appears)\n`,
			);
			const counts = [...traceKinds, 'other' as const]
				.filter((k) => summary.kindCounts[k] > 0)
				.map((k) => `${k} ${summary.kindCounts[k]}`);
			buffer.write(`  lines by kind: ${counts.join(', ') || 'none'}\n`);
			for (const [i, row] of wrap(`Go release: ${eraText(summary.era)}`, opts.width - 4).entries()) {
				buffer.write(`${i ? '    ' : '  '}${row}\n`);
			}
			for (const [i, row] of wrap(`time covered: ${timeCoveredText(summary)}`, opts.width - 4).entries()) {
				buffer.write(`${i ? '    ' : '  '}${row}\n`);
			}
			if (summary.problemCount === 0) buffer.write('  problems: none\n');
			else {
				buffer.write(`  ${paint('problem', `problems: ${summary.problemCount}`)}\n`);
				for (const p of summary.problems) {
					buffer.write(`    ${visibleText(problemText(p))}\n`);
				}
				if (summary.problems.length < summary.problemCount) {
					buffer.write(`    … and ${summary.problemCount - summary.problems.length} more\n`);
				}
			}
			writeStats(stats);
			writeFindings(findings);
		},
		flush: () => buffer.flush(),
	};
}

/** How many runs of triggering lines the summary lists per finding. */
const shownFindingRanges = 6;

/** `3–11` for consecutive lines, `30, 31` for two: the first `max` runs, and how many lines they list. */
function lineRanges(lines: readonly number[], max: number): { text: string; listed: number } {
	const runs: string[] = [];
	let listed = 0;
	for (let i = 0; i < lines.length && runs.length < max;) {
		let j = i;
		while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
		runs.push(j - i >= 2 ? `${lines[i]}–${lines[j]}` : lines.slice(i, j + 1).join(', '));
		listed += j - i + 1;
		i = j + 1;
	}
	return { text: runs.join(', '), listed };
}

/** Splits plain text into rows of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
	const rows: string[] = [];
	let row = '';
	for (const word of text.split(' ')) {
		if (row !== '' && row.length + 1 + word.length > Math.max(20, width)) {
			rows.push(row);
			row = word;
		} else row = row === '' ? word : `${row} ${word}`;
	}
	if (row !== '') rows.push(row);
	return rows;
}

/** One run of a comparison: its name and its analysis (summary and distributions). */
export interface ComparedInput {
	name: string;
	analysis: ComparedRun;
}

/** What a run is, in one line: its lines, release, GOMAXPROCS and the time it covers. */
function runFacts({ analysis: { summary } }: ComparedInput): Record<string, unknown> {
	return {
		lines: summary.lineCount,
		era: summary.era ? formatEra(summary.era) : null,
		gomaxprocs: summary.gomaxprocs,
		problemCount: summary.problemCount,
	};
}

/**
 * `--compare --json`: one object, `{"compare": {"before", "after", "measures", "caveats",
 * "verdict"}}`; each run with its `file`, `lines`, `era`, `gomaxprocs`, `problemCount` and
 * `stats`; each measure as the core gives it, with its `label`; each caveat with its `message`.
 */
export function writeComparisonJson(out: Writable, before: ComparedInput, after: ComparedInput, c: Comparison): void {
	const run = (input: ComparedInput) => ({ file: input.name, ...runFacts(input), stats: input.analysis.stats });
	const record = {
		compare: {
			before: run(before),
			after: run(after),
			measures: c.measures.map((m) => ({ key: m.key, label: measureLabels[m.key], ...without(m, 'key') })),
			caveats: c.caveats.map((caveat) => ({ ...caveat, message: caveatText(caveat) })),
			verdict: verdictText(c),
		},
	};
	out.write(`${JSON.stringify(record)}\n`);
}

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
	const copy = { ...value };
	delete copy[key];
	return copy;
}

/**
 * `--compare`: both runs in a line each, the measures as a table (one block a measure when the
 * terminal is too narrow for it), the tolerance, then the verdict.
 */
export function writeComparison(
	out: Writable,
	before: ComparedInput,
	after: ComparedInput,
	c: Comparison,
	opts: { color: boolean; width: number },
): void {
	const paint = (style: keyof typeof styles, text: string) =>
		opts.color ? `${styles[style][0]}${text}${styles[style][1]}` : text;
	const parts: string[] = [];
	const say = (text: string, indent = '  ') => {
		for (const [i, row] of wrap(text, opts.width - indent.length - 2).entries())
			parts.push(`${indent}${i ? '  ' : ''}${row}\n`);
	};
	parts.push(`${paint('bold', 'Comparing two runs')}\n`);
	for (const [role, input] of [
		['before', before],
		['after', after],
	] as const) {
		const { summary } = input.analysis;
		const procs = summary.gomaxprocs.length ? `GOMAXPROCS ${summary.gomaxprocs.join(', ')}` : 'GOMAXPROCS not printed';
		const problems = summary.problemCount ? `, ${plural(summary.problemCount, 'problem')}` : '';
		// The name on a line of its own, never broken, so a terminal can open it.
		parts.push(`  ${role}: ${visibleText(input.name)}\n`);
		say(
			`${plural(summary.lineCount, 'line')}, ` +
				`${summary.era ? (summary.era.length ? describeEra(summary.era) : 'lines of several Go releases') : 'no trace lines'}, ${procs}${problems}`,
			'    ',
		);
	}
	parts.push('\n');
	const header = ['Measure', 'Before', 'After', 'Change', 'Better if', 'Verdict'];
	const rows = c.measures.map((m) => [
		measureLabels[m.key],
		measureValueText(m.unit, m.before),
		measureValueText(m.unit, m.after),
		changeText(m),
		betterText(m),
		directionText(m.direction),
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const tableWidth = 2 + widths.reduce((sum, w) => sum + w + 2, 0);
	if (tableWidth <= opts.width) {
		const line = (cells: string[]) =>
			`  ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd() + '\n';
		parts.push(paint('bold', line(header)));
		for (const r of rows) parts.push(line(r));
	} else {
		for (const r of rows) {
			parts.push(`  ${paint('bold', r[0]!)}\n`);
			say(`${r[1]} → ${r[2]}${r[3] ? `, ${r[3]}` : ''}: ${r[5]} (better if ${r[4]})`, '    ');
		}
	}
	say(toleranceText);
	parts.push(`\n${paint('bold', 'Verdict')}\n`);
	for (const paragraph of verdictText(c)) say(paragraph);
	out.write(parts.join(''));
}
