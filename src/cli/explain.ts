/**
 * The terminal annotator: `godebug-explained [--json] [--site URL] [FILE...]` once installed
 * (packages/cli), `npm run explain -- …` in this repository. Reads the files in turn, or
 * standard input when none is given, a chunk at a time, so a log of any size streams through in
 * bounded memory. Exit status: 0 when every line parsed or was not trace output, 1 when any line
 * has a problem, 2 for bad usage or an unreadable or binary file.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import cliPackage from '../../packages/cli/package.json' with { type: 'json' };
import { binaryEvidence, binarySampleBytes, compareAnalyses, createLogAnalysis } from '../trace/index.ts';
import { publishedSite } from '../present/urls.ts';
import { defaultWatchSettings, godebugProblem } from '../present/watch.ts';
import { siteAt, siteVariable, type Site } from './site.ts';
import { siteDirVariable, watch, WatchError } from './watch.ts';
import {
	createHumanView,
	createJsonView,
	writeComparison,
	writeComparisonJson,
	type ComparedInput,
	type View,
} from './views.ts';

// Run from its TypeScript source in this repository, or as the published package's bundle.
const fromSource = import.meta.url.endsWith('.ts');
const command = fromSource ? 'npm run explain --' : cliPackage.name;
const programName = fromSource ? 'explain' : cliPackage.name;

const annotateUsage = `${command} [--json] [--site URL] [FILE...]`;
const compareUsage = `${command} --compare [--json] BEFORE AFTER`;
const watchUsage = `${command} --watch [--godebug SETTINGS] [--port N] -- PROGRAM [ARG...]`;
const watchPipeUsage = `${command} --watch [--port N] -`;
/** On one line, for error messages, which are one line. */
const usage = `usage: ${annotateUsage} (reads standard input when no FILE is given), or ${compareUsage}, or ${watchUsage}, or ${watchPipeUsage}`;

const help = `usage: ${annotateUsage}   (reads standard input when no FILE is given)
       ${compareUsage}
       ${watchUsage}
       ${watchPipeUsage}

Annotates GODEBUG trace output (schedtrace, scheddetail, gctrace, gcpacertrace, scavtrace,
inittrace): each line with its fields and their meanings, the first time each field appears
with the address of its page on the site, then a summary of each input with its findings
(patterns worth a look, each with the lesson that explains it).

  --json       one JSON object per input line:
                 {"line": 12, "kind": "gctrace", "era": "go1.18-go1.27", "fields": [...], "problem": null}
               then, after each input's lines, one summary object:
                 {"summary": {"lines": N, "era": ..., "kinds": {...}, "problems": [...], "problemCount": N,
                              "findings": [{"kind", "title", "lines", "lineCount", "lesson", "message"}],
                              "stats": {"gc": {...}, "pacer": {...}, "sched": {...}}}}
               "stats" holds the distributions: stop-the-world pause and cycle-interval
               percentiles (nearest-rank), the pause histogram, GC CPU share, heaps, assists,
               run queues; each distribution {"count", "min", "p50", "p95", "p99", "max", "mean"}
               or null. The manual (packages/cli/README.md) lists every key.
               With several files, every object also has "file". For example, to ask whether a log
               shows a goroutine leak:
                 ${command} --json app.log | tail -n 1 | jq '.summary.findings[].kind'
  --compare    compare two runs (two log files, before and after a change): the measures that
               decide between them (GC cycles per second and per allocated MB, stop-the-world
               pause p50/p95/p99/max, GC CPU share, heap goal, peak live heap, mark assists, run
               queue, idle Ps), each with its change and whether that is better, worse or the
               same; what limits the comparison (different Go releases, GOMAXPROCS, durations);
               and a verdict in words. With --json, one object:
                 {"compare": {"before": {...}, "after": {...}, "measures": [...], "caveats": [...],
                              "verdict": [...]}}
  --watch      watch a live program: runs PROGRAM with the GODEBUG settings added to its
               environment (after any it already has; default ${defaultWatchSettings}),
               passes its output through untouched, and serves the analyzer on 127.0.0.1,
               its charts and findings updating as lines arrive; the terminal keeps a one-line
               summary. With -, reads a live pipe instead (\`./app 2>&1 | ${command} --watch -\`).
               Stops when the program exits or the input ends, or on Ctrl-C. Nothing leaves this
               machine. The exit status is the program's.
  --godebug S  the GODEBUG settings for --watch, such as gctrace=1,gcpacertrace=1
  --port N     the port for --watch (default: a free one)
               (--watch serves the built site: the repository's dist/, or the folder in the
               ${siteDirVariable} environment variable)
  --site URL   the copy of the site that links point to (default ${publishedSite},
               or the ${siteVariable} environment variable)
  --help       this text
  --version    the version

Exit status: 0 when every line parsed or was not trace output, 1 when a line has a problem,
2 for bad usage or an unreadable or binary file.`;

/** A failure the user can act on; printed as one line, never as a stack trace. */
class UsageError extends Error {}

interface Options {
	json: boolean;
	compare: boolean;
	site: Site;
	files: string[];
	watch: { settings: string; port: number; command: string[] | null } | null;
}

function parseArgs(args: string[]): Options {
	let json = false;
	let compare = false;
	let watching = false;
	let settings: string | null = null;
	let port: number | null = null;
	let address = process.env[siteVariable] || publishedSite;
	let addressFrom = `the ${siteVariable} environment variable`;
	const files: string[] = [];
	let onlyFiles = false;
	/** How many arguments came before `--`: with --watch, what follows it is the program. */
	let beforeDashes: number | null = null;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (onlyFiles || arg === '-' || !arg.startsWith('-')) files.push(arg);
		else if (arg === '--') {
			onlyFiles = true;
			beforeDashes = files.length;
		} else if (arg === '--json') json = true;
		else if (arg === '--compare') compare = true;
		else if (arg === '--watch') watching = true;
		else if (arg === '--godebug' || arg.startsWith('--godebug=')) {
			const value = arg === '--godebug' ? args[++i] : arg.slice('--godebug='.length);
			if (value === undefined) throw new UsageError(`--godebug needs settings, such as ${defaultWatchSettings}`);
			const problem = godebugProblem(value);
			if (problem !== null) throw new UsageError(`--godebug ${problem}`);
			settings = value;
		} else if (arg === '--port' || arg.startsWith('--port=')) {
			const value = arg === '--port' ? args[++i] : arg.slice('--port='.length);
			port = Number(value);
			if (value === undefined || !/^\d+$/.test(value) || port > 65535)
				throw new UsageError(`--port needs a port number from 0 to 65535 (0: a free one), not "${value ?? ''}"`);
		} else if (arg === '--site' || arg.startsWith('--site=')) {
			const value = arg === '--site' ? args[++i] : arg.slice('--site='.length);
			if (value === undefined) throw new UsageError(`--site needs the site's address, such as ${publishedSite}`);
			address = value;
			addressFrom = '--site';
		} else if (arg === '--help' || arg === '-h') {
			process.stdout.write(`${help}\n`);
			process.exit(0);
		} else if (arg === '--version' || arg === '-V') {
			process.stdout.write(`${cliPackage.name} ${cliPackage.version}\n`);
			process.exit(0);
		} else throw new UsageError(`unknown option "${arg}"; ${usage}`);
	}
	const site = siteAt(address);
	if (typeof site === 'string') throw new UsageError(`${addressFrom}: ${site}`);
	if ((settings !== null || port !== null) && !watching)
		throw new UsageError(`--godebug and --port go with --watch; usage: ${watchUsage}`);
	if (watching) {
		if (compare || json) throw new UsageError(`--watch goes alone, without --compare or --json; usage: ${watchUsage}`);
		const pipe = files.length === 1 && files[0] === '-' && beforeDashes === null;
		if (!pipe && (beforeDashes !== 0 || files.length === 0))
			throw new UsageError(
				`--watch needs the program to run after --, or - to read a pipe; usage: ${watchUsage}, or ${watchPipeUsage}`,
			);
		if (pipe && settings !== null)
			throw new UsageError(
				'--godebug sets the environment of a program --watch runs; a pipe comes from a program already running',
			);
		return {
			json,
			compare,
			site,
			files: [],
			watch: { settings: settings ?? defaultWatchSettings, port: port ?? 0, command: pipe ? null : files },
		};
	}
	if (compare && (files.length !== 2 || files.includes('-')))
		throw new UsageError(
			`--compare needs two files, the run before a change and the run after it (got ${files.length === 2 ? 'standard input' : files.length}); usage: ${compareUsage}`,
		);
	return { json, compare, site, files, watch: null };
}

/**
 * Streams one input through the analysis, each line to the view as it is read. The first bytes
 * decide whether it is text (the core's one rule for binary input); stray bytes that are not
 * UTF-8 are read as U+FFFD, as the analyzer page reads them.
 */
async function parseInput(name: string, input: Readable, view: Pick<View, 'line' | 'flush'>) {
	const decoder = new TextDecoder('utf-8');
	// No series: the terminal draws no charts, and without them the analysis is bounded, so a
	// gigabyte streams through in the memory a short log takes.
	const analysis = createLogAnalysis({ onLine: (line) => view.line(line), series: null });
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
		// What each chunk of input makes goes out at once, so a live log piped in
		// (`./app 2>&1 | godebug-explained`) is annotated as it runs.
		await view.flush();
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

/** `--compare`: both files analysed without their lines, then the comparison. */
async function compareFiles(options: Options, color: boolean): Promise<number> {
	const quiet = { line: () => {}, flush: async () => {} };
	const runs: ComparedInput[] = [];
	for (const name of options.files) {
		runs.push({ name, analysis: await parseInput(name, await openFile(name), quiet) });
	}
	const [before, after] = runs as [ComparedInput, ComparedInput];
	const comparison = compareAnalyses(before.analysis, after.analysis);
	if (options.json) writeComparisonJson(process.stdout, before, after, comparison);
	else writeComparison(process.stdout, before, after, comparison, { color, width: process.stdout.columns || 100 });
	return runs.some((r) => r.analysis.summary.problemCount > 0) ? 1 : 0;
}

async function main(): Promise<number> {
	const options = parseArgs(process.argv.slice(2));
	const color = !options.json && process.stdout.isTTY === true && !process.env.NO_COLOR;
	if (options.compare) return compareFiles(options, color);
	if (options.watch)
		return watch({
			...options.watch,
			// The built site: the repository's dist/ from source, the package's own copy once
			// installed, or another build named in the environment.
			siteDir:
				process.env[siteDirVariable] ||
				(fromSource
					? path.resolve(import.meta.dirname, '..', '..', 'dist')
					: path.resolve(import.meta.dirname, 'site')),
			noSiteHint: fromSource
				? 'build it first with `npm run build`'
				: `this package does not carry the site: from a clone of the repository, run \`npm run build\`, then \`npm run explain -- --watch\`, or set ${siteDirVariable} to a built copy of the site`,
			programName,
		});
	const inputs = options.files.length ? options.files : ['-'];
	const output = { out: process.stdout, programName, site: options.site };
	const view = options.json
		? createJsonView(output, inputs.length > 1)
		: createHumanView(output, { color, width: process.stdout.columns || 100 });
	let problems = 0;
	for (const name of inputs) {
		const stream = name === '-' ? process.stdin : await openFile(name);
		const label = name === '-' ? 'standard input' : name;
		view.begin(label);
		const { summary, findings, stats } = await parseInput(label, stream, view);
		view.end(summary, findings, stats);
		problems += summary.problemCount;
	}
	await view.flush();
	return problems > 0 ? 1 : 0;
}

try {
	process.exitCode = await main();
} catch (err) {
	if (err instanceof UsageError || err instanceof WatchError) {
		process.stderr.write(`${programName}: ${err.message}\n`);
		process.exitCode = 2;
	} else if ((err as NodeJS.ErrnoException).code === 'EPIPE') {
		// The reader went away (for example `| head`): nothing left to say.
		process.exitCode = 0;
	} else {
		process.stderr.write(`${programName}: unexpected error: ${(err as Error).message}\n`);
		process.exitCode = 2;
	}
}
