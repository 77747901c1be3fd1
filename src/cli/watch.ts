/**
 * `explain --watch [--godebug S] [--port N] -- PROG ARGS…` (or `--watch -`, a live pipe): runs
 * the program with the GODEBUG settings added to its environment and passes its output through
 * untouched, while a server on 127.0.0.1 serves the site's analyzer, which follows the output as
 * server-sent events and redraws its charts and findings as lines arrive. The terminal shows a
 * one-line running summary. Nothing is sent anywhere but the local page.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants } from 'node:os';
import path from 'node:path';
import { createLogAnalysis, type LogAnalysis } from '../trace/index.ts';
import { siteUrl, watchEventsUrl, watchPageUrl } from '../present/urls.ts';
import { endedText, godebugWith, watchSummaryText, type WatchState } from '../present/watch.ts';
import { createWatchedLog, resumeOffset, serverSentEvent } from './watch-log.ts';

export interface WatchOptions {
	/** GODEBUG settings added to the program's environment. */
	settings: string;
	/** The port to serve on; 0 takes a free one. */
	port: number;
	/** The program and its arguments, or null to read standard input. */
	command: string[] | null;
	/** The built site: a folder holding analyze/index.html, built for the base path `/`. */
	siteDir: string;
	/** What to do when `siteDir` holds no built site, as a clause. */
	noSiteHint: string;
	programName: string;
}

/** The environment variable naming another built site for the live view to serve. */
export const siteDirVariable = 'GODEBUG_EXPLAINED_SITE_DIR';

/** A failure the user can act on, printed as one line. */
export class WatchError extends Error {}

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
};

/** A file of the built site for a request path, or null. */
function siteFile(root: string, urlPath: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	const file = path.join(root, path.normalize(decoded));
	if (!file.startsWith(root)) return null;
	if (!existsSync(file)) return null;
	if (statSync(file).isDirectory()) {
		const index = path.join(file, 'index.html');
		return existsSync(index) ? index : null;
	}
	return file;
}

/** How often the terminal's summary is redrawn at most. */
const summaryEveryMs = 1000;

export async function watch(options: WatchOptions): Promise<number> {
	const root = path.resolve(options.siteDir);
	if (!existsSync(path.join(root, 'analyze', 'index.html')))
		throw new WatchError(`the live view serves the built site, and ${root} holds none; ${options.noSiteHint}`);

	let state: WatchState = { running: true };
	const clients = new Set<ServerResponse>();
	const log = createWatchedLog((text) => {
		for (const client of clients) client.write(serverSentEvent('lines', text, log.length));
		summaryDue();
	});
	const broadcastState = () => {
		for (const client of clients) client.write(serverSentEvent('state', { ...state, full: log.full }));
	};

	// ---- the server: the built site, and the lines as server-sent events -----------------------
	const eventsPath = watchEventsUrl();
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (url.pathname === eventsPath) {
			res.writeHead(200, {
				'content-type': 'text/event-stream; charset=utf-8',
				'cache-control': 'no-store',
				connection: 'keep-alive',
			});
			const from = resumeOffset(req.headers['last-event-id'] as string | undefined, log.length);
			if (log.length > from) res.write(serverSentEvent('lines', log.since(from), log.length));
			res.write(serverSentEvent('state', { ...state, full: log.full }));
			clients.add(res);
			req.on('close', () => clients.delete(res));
			return;
		}
		if (url.pathname === siteUrl('')) {
			res.writeHead(302, { location: watchPageUrl() }).end();
			return;
		}
		// The site's offline worker would precache the whole site from this short-lived server.
		if (url.pathname === siteUrl('sw.js')) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not served while watching');
			return;
		}
		const file = siteFile(root, url.pathname);
		if (file?.endsWith('index.html') && !url.pathname.endsWith('/')) {
			res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
			return;
		}
		res.writeHead(file ? 200 : 404, {
			'content-type': (file && types[path.extname(file)]) || 'text/plain; charset=utf-8',
			'cache-control': 'no-store',
		});
		if (file) createReadStream(file).pipe(res);
		else res.end('not found');
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', (err: NodeJS.ErrnoException) =>
			reject(
				new WatchError(
					err.code === 'EADDRINUSE'
						? `port ${options.port} is in use; choose another with --port, or leave it out for a free one`
						: `cannot serve on 127.0.0.1:${options.port} (${err.code ?? err.message})`,
				),
			),
		);
		server.listen(options.port, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	const pageAddress = `http://127.0.0.1:${port}${watchPageUrl()}`;

	// ---- the terminal: the program's output untouched, and a summary line below it ------------
	const terminal = process.stderr.isTTY === true;
	let summaryShown = false;
	let analysis: Omit<LogAnalysis, 'series'> | null = null;
	let analysedLength = -1;
	let lastSummary = 0;
	let summaryTimer: ReturnType<typeof setTimeout> | undefined;
	let analysisMs = 0;
	const analyse = () => {
		if (analysedLength === log.length) return;
		const started = performance.now();
		const run = createLogAnalysis({ series: null });
		run.push(log.since(0));
		analysis = run.end();
		analysedLength = log.length;
		analysisMs = performance.now() - started;
	};
	const summaryLine = () => {
		const width = (process.stderr.columns || 100) - 1;
		return watchSummaryText(analysis, width);
	};
	const clearSummary = () => {
		if (summaryShown) process.stderr.write('\r\x1b[K');
		summaryShown = false;
	};
	const drawSummary = () => {
		if (!terminal) return;
		analyse();
		lastSummary = performance.now();
		process.stderr.write(`\r\x1b[K${summaryLine()}`);
		summaryShown = true;
	};
	// Redrawn at most once a second, and never taking more than a twentieth of the time: each
	// draw analyses the log so far.
	function summaryDue(): void {
		if (!terminal || summaryTimer !== undefined) return;
		const wait = Math.max(summaryEveryMs, analysisMs * 20) - (performance.now() - lastSummary);
		summaryTimer = setTimeout(
			() => {
				summaryTimer = undefined;
				if (state.running) drawSummary();
			},
			Math.max(0, wait),
		);
	}
	/** Output passed through: the summary line is cleared first and drawn again after a whole line. */
	const passThrough = (out: NodeJS.WriteStream, chunk: Buffer) => {
		clearSummary();
		out.write(chunk);
		if (chunk.at(-1) === 0x0a) summaryDue();
	};

	process.stderr.write(
		`${options.programName}: the live analyzer is at ${pageAddress} (only this machine can open it; Ctrl-C stops)\n`,
	);

	// ---- the program, or the pipe -------------------------------------------------------------
	const decoders = new Map<string, TextDecoder>();
	const take = (name: string, chunk: Buffer) => {
		let decoder = decoders.get(name);
		if (!decoder) decoders.set(name, (decoder = new TextDecoder('utf-8')));
		log.push(name, decoder.decode(chunk, { stream: true }));
	};

	const ended = new Promise<WatchState>((resolve) => {
		if (options.command === null) {
			process.stdin.on('data', (chunk: Buffer) => {
				passThrough(process.stdout, chunk);
				take('stdin', chunk);
			});
			process.stdin.on('end', () => resolve({ running: false, exitCode: 0, signal: null, source: 'input' }));
			process.once('SIGINT', () => resolve({ running: false, exitCode: 0, signal: null, source: 'input' }));
			return;
		}
		const [program, ...args] = options.command;
		const child = spawn(program!, args, {
			env: { ...process.env, GODEBUG: godebugWith(process.env.GODEBUG, options.settings) },
			stdio: ['inherit', 'pipe', 'pipe'],
		});
		child.stdout.on('data', (chunk: Buffer) => {
			passThrough(process.stdout, chunk);
			take('stdout', chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			passThrough(process.stderr, chunk);
			take('stderr', chunk);
		});
		child.once('error', (err: NodeJS.ErrnoException) => {
			clearSummary();
			process.stderr.write(
				`${options.programName}: cannot run ${program}: ${err.code === 'ENOENT' ? 'no such program' : (err.code ?? err.message)}\n`,
			);
			resolve({ running: false, exitCode: 127, signal: null, source: 'program' });
		});
		child.once('close', (exitCode, signal) => resolve({ running: false, exitCode, signal, source: 'program' }));
		// Ctrl-C reaches the program too (the terminal signals the whole group); a signal sent to
		// this process alone is passed on. A second Ctrl-C does not wait for the program.
		let interrupts = 0;
		const forward = (signal: NodeJS.Signals) => () => {
			interrupts++;
			if (interrupts > 1) child.kill('SIGKILL');
			else if (child.exitCode === null) child.kill(signal);
		};
		process.on('SIGINT', forward('SIGINT'));
		process.on('SIGTERM', forward('SIGTERM'));
	});

	state = await ended;
	for (const [name, decoder] of decoders) log.push(name, decoder.decode());
	log.end();
	clearTimeout(summaryTimer);
	clearSummary();
	analyse();
	// The final summary stays on the terminal, whether or not it is one.
	process.stderr.write(
		`${options.programName}: ${endedText(state)}; ${watchSummaryText(analysis, Number.MAX_SAFE_INTEGER)}` +
			`${log.full ? ` (the first ${Math.round(log.length / 1024 / 1024)} MB of output were analysed)` : ''}\n`,
	);
	broadcastState();
	// Open pages keep the final analysis; the server closes once they have the last event.
	for (const client of clients) client.end();
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	process.removeAllListeners('SIGINT');
	process.removeAllListeners('SIGTERM');
	if (state.running || state.source === 'input') return 0;
	// As a shell reports a program a signal stopped: 128 plus the signal's number.
	if (state.signal) return 128 + (constants.signals[state.signal as NodeJS.Signals] ?? 0);
	return state.exitCode ?? 1;
}
