/**
 * `npm run explain -- [--json] [FILE...]`: annotates GODEBUG trace output in a terminal.
 * Reads the files in turn, or standard input when none is given, a chunk at a time, so a log
 * of any size streams through. Exit status: 0 when every line parsed or was not trace output,
 * 1 when any line has a problem, 2 for bad usage or an unreadable or binary file.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { binaryEvidence, binarySampleBytes, createLogAnalysis, type LogAnalysis } from '../trace/index.ts';
import { createHumanView, createJsonView, type View } from './views.ts';

const usage = 'usage: npm run explain -- [--json] [FILE...]   (reads standard input when no FILE is given)';

const help = `${usage}

Annotates GODEBUG trace output (schedtrace, scheddetail, gctrace, gcpacertrace, scavtrace,
inittrace): each line with its fields and their meanings, then a summary of each input with
its findings (patterns worth a look, each with the lesson that explains it).

  --json   one JSON object per input line:
             {"line": 12, "kind": "gctrace", "era": "go1.18-go1.27", "fields": [...], "problem": null}
           then, after each input's lines, one summary object:
             {"summary": {"lines": N, "era": ..., "kinds": {...}, "problems": [...], "problemCount": N,
                          "findings": [{"kind", "title", "lines", "lineCount", "lesson", "message"}]}}
           With several files, every object also has "file". For example, to ask whether a log
           shows a goroutine leak:
             npm run --silent explain -- --json app.log | tail -n 1 | jq '.summary.findings[].kind'

Exit status: 0 when every line parsed or was not trace output, 1 when a line has a problem,
2 for bad usage or an unreadable or binary file.`;

/** A failure the user can act on; printed as one line, never as a stack trace. */
class UsageError extends Error {}

interface Options {
	json: boolean;
	files: string[];
}

function parseArgs(args: string[]): Options {
	const options: Options = { json: false, files: [] };
	let onlyFiles = false;
	for (const arg of args) {
		if (onlyFiles || arg === '-' || !arg.startsWith('-')) options.files.push(arg);
		else if (arg === '--') onlyFiles = true;
		else if (arg === '--json') options.json = true;
		else if (arg === '--help' || arg === '-h') {
			process.stdout.write(`${help}\n`);
			process.exit(0);
		} else throw new UsageError(`unknown option "${arg}"; ${usage}`);
	}
	return options;
}

/**
 * Streams one input through the core's analysis, each line to the view as it is read. The
 * first bytes decide whether it is text (the core's one rule for binary input); stray bytes
 * that are not UTF-8 are read as U+FFFD, as the analyzer page reads them.
 */
async function parseInput(name: string, input: Readable, view: View): Promise<LogAnalysis> {
	const decoder = new TextDecoder('utf-8');
	const analysis = createLogAnalysis({ onLine: (line) => view.line(line) });
	// The first chunks are held until there is a sample to check.
	let held: Buffer[] | null = [];
	let heldBytes = 0;
	const check = (chunks: Buffer[]) => {
		const why = binaryEvidence(new Uint8Array(Buffer.concat(chunks).subarray(0, binarySampleBytes)));
		if (why !== null) throw new UsageError(`${name}: binary data (${why}); expected a text log of GODEBUG output`);
		for (const chunk of chunks) analysis.push(decoder.decode(chunk, { stream: true }));
	};
	for await (const chunk of input as AsyncIterable<Buffer>) {
		if (held === null) analysis.push(decoder.decode(chunk, { stream: true }));
		else {
			held.push(chunk);
			heldBytes += chunk.length;
			if (heldBytes < binarySampleBytes) continue;
			check(held);
			held = null;
		}
		await view.flush(false);
	}
	if (held !== null) check(held);
	analysis.push(decoder.decode());
	return analysis.end();
}

async function openFile(file: string): Promise<Readable> {
	let info;
	try {
		info = await stat(file);
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`);
	}
	if (info.isDirectory()) throw new UsageError(`${file}: is a directory; expected a text file`);
	const stream = createReadStream(file, { highWaterMark: 1 << 20 });
	await new Promise<void>((resolve, reject) => {
		stream.once('readable', resolve);
		stream.once('error', (err: NodeJS.ErrnoException) =>
			reject(new UsageError(`${file}: cannot read (${err.code ?? err.message})`)),
		);
	});
	return stream;
}

async function main(): Promise<number> {
	const options = parseArgs(process.argv.slice(2));
	const color = !options.json && process.stdout.isTTY === true && !process.env.NO_COLOR;
	const inputs = options.files.length ? options.files : ['-'];
	const view = options.json
		? createJsonView(process.stdout, inputs.length > 1)
		: createHumanView(process.stdout, { color, width: process.stdout.columns || 100 });
	let problems = 0;
	for (const name of inputs) {
		const stream = name === '-' ? process.stdin : await openFile(name);
		const label = name === '-' ? 'standard input' : name;
		view.begin(label);
		const { summary, findings } = await parseInput(label, stream, view);
		view.end(summary, findings);
		problems += summary.problemCount;
	}
	await view.flush(true);
	return problems > 0 ? 1 : 0;
}

try {
	process.exitCode = await main();
} catch (err) {
	if (err instanceof UsageError) {
		process.stderr.write(`explain: ${err.message}\n`);
		process.exitCode = 2;
	} else if ((err as NodeJS.ErrnoException).code === 'EPIPE') {
		// The reader went away (for example `| head`): nothing left to say.
		process.exitCode = 0;
	} else {
		process.stderr.write(`explain: unexpected error: ${(err as Error).message}\n`);
		process.exitCode = 2;
	}
}
