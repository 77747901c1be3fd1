/** The CLI's two outputs: an annotated view for people, and NDJSON for programs. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
	describeEra,
	formatEra,
	formatTokenValue,
	getField,
	traceKinds,
	type LogLine,
	type LogSummary,
} from '../trace/index.ts';

/** Receives parsed lines and summaries, and writes them out in batches. */
export interface View {
	begin(name: string): void;
	line(line: LogLine): void;
	end(summary: LogSummary): void;
	/** Writes what is buffered: always when `force`, otherwise once enough has piled up. */
	flush(force: boolean): Promise<void>;
}

function createBuffer(out: Writable) {
	let parts: string[] = [];
	let size = 0;
	out.on('error', (err: NodeJS.ErrnoException) => {
		// A closed pipe (`| head`) ends the output quietly; anything else is reported once.
		if (err.code !== 'EPIPE') process.stderr.write(`explain: cannot write output: ${err.message}\n`);
		process.exit(err.code === 'EPIPE' ? 0 : 2);
	});
	return {
		write(text: string): void {
			parts.push(text);
			size += text.length;
		},
		async flush(force: boolean): Promise<void> {
			if (size === 0 || (!force && size < 1 << 16)) return;
			const ok = out.write(parts.join(''));
			parts = [];
			size = 0;
			if (!ok) await once(out, 'drain');
		},
	};
}

/** One JSON object per input line: `{"line","kind","era","fields","problem"}` (and `"file"` for several files). */
export function createJsonView(out: Writable, withFileName: boolean): View {
	const buffer = createBuffer(out);
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
		end() {},
		flush: (force) => buffer.flush(force),
	};
}

const styles = {
	dim: ['\x1b[2m', '\x1b[22m'],
	bold: ['\x1b[1m', '\x1b[22m'],
	field: ['\x1b[36m', '\x1b[39m'],
	problem: ['\x1b[31m', '\x1b[39m'],
} as const;

/** Each runtime line followed by its fields (label, value with unit, meaning), then a summary. */
export function createHumanView(out: Writable, opts: { color: boolean }): View {
	const buffer = createBuffer(out);
	const paint = (style: keyof typeof styles, text: string) =>
		opts.color ? `${styles[style][0]}${text}${styles[style][1]}` : text;
	let name = '';
	return {
		begin(inputName) {
			name = inputName;
		},
		line(line) {
			const no = String(line.lineNo).padStart(5);
			if (line.kind === 'other') {
				buffer.write(`${paint('dim', `${no}  ${line.text}  (not runtime trace output)`)}\n`);
				return;
			}
			buffer.write(`${paint('bold', `${no}  ${line.text}`)}\n`);
			const era = line.era ? describeEra(line.era) : '';
			buffer.write(`       ${paint('dim', `${line.kind}, ${era}`)}\n`);
			for (const token of line.tokens) {
				const field = token.key ? getField(token.key) : undefined;
				const label = field ? field.label : 'unrecognised text';
				const value = formatTokenValue(token, field);
				const meaning = field ? field.summary : 'not a field this release range prints';
				buffer.write(`       ${paint('field', label.padEnd(26))} ${value.padEnd(12)} ${paint('dim', meaning)}\n`);
			}
			if (line.problem) {
				const caret = `${' '.repeat(Math.max(0, line.problem.column - 1))}^`;
				buffer.write(`       ${paint('problem', caret)}\n`);
				buffer.write(`       ${paint('problem', `problem at column ${line.problem.column}: ${line.problem.message}`)}\n`);
			}
		},
		end(summary) {
			buffer.write(`\n${paint('bold', `Summary of ${name}`)}: ${summary.lineCount} lines\n`);
			const counts = [...traceKinds, 'other' as const]
				.filter((k) => summary.kindCounts[k] > 0)
				.map((k) => `${k} ${summary.kindCounts[k]}`);
			buffer.write(`  lines by kind: ${counts.join(', ') || 'none'}\n`);
			if (summary.era === null) buffer.write('  Go release: no trace lines to tell from\n');
			else if (summary.era.length === 0)
				buffer.write('  Go release: the lines disagree (they may come from different Go releases)\n');
			else buffer.write(`  Go release: ${describeEra(summary.era)} (from the shape of the lines)\n`);
			if (summary.problemCount === 0) buffer.write('  problems: none\n');
			else {
				buffer.write(`  ${paint('problem', `problems: ${summary.problemCount}`)}\n`);
				for (const p of summary.problems) {
					buffer.write(`    line ${p.line}, column ${p.column}: ${p.message}\n`);
				}
				if (summary.problems.length < summary.problemCount) {
					buffer.write(`    … and ${summary.problemCount - summary.problems.length} more\n`);
				}
			}
		},
		flush: (force) => buffer.flush(force),
	};
}
