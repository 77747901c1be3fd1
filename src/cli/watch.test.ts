// `explain --watch` as a user runs it: a real program under it, its output passed through, the
// page's stream of lines read over HTTP from 127.0.0.1, exit statuses.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..');
const cli = path.join(root, 'src', 'cli', 'explain.ts');
const site = mkdtempSync(path.join(tmpdir(), 'explain-watch-'));
after(() => rmSync(site, { recursive: true, force: true }));
mkdirSync(path.join(site, 'analyze'));
writeFileSync(path.join(site, 'analyze', 'index.html'), '<!doctype html><title>analyzer</title>');

const gcLine =
	'gc 1 @0.010s 0%: 0.1+0.2+0.01 ms clock, 0.2+0/0.1/0+0.02 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P';

/** Starts a watch; resolves with its page's address once it prints it. */
function startWatch(args: string[], env: Record<string, string> = {}) {
	const child = spawn(process.execPath, [cli, '--watch', ...args], {
		env: { ...process.env, NO_COLOR: '1', GODEBUG_EXPLAINED_SITE_DIR: site, ...env },
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
	const address = new Promise<URL>((resolve, reject) => {
		child.stderr.on('data', (c: Buffer) => {
			stderr += c.toString();
			const found = /the live analyzer is at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(stderr);
			if (found) resolve(new URL(found[1]!));
		});
		child.once('close', () => reject(new Error(`the watch ended first: ${stderr}`)));
	});
	const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
	return { child, address, closed, out: () => ({ stdout, stderr }) };
}

/** Reads the event stream until `until` matches what has arrived. */
async function readEvents(url: URL, until: RegExp): Promise<string> {
	const response = await fetch(new URL('/analyze/watch-events', url));
	assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let text = '';
	while (!until.test(text)) {
		const { done, value } = await reader.read();
		if (done) break;
		text += decoder.decode(value, { stream: true });
	}
	await reader.cancel();
	return text;
}

test('the program runs with the settings in GODEBUG, its output passes through, and its lines reach the page', async () => {
	// A stand-in for a Go program: says its GODEBUG, prints a gc line on standard error, waits, exits 3.
	const program = `console.log('GODEBUG=' + process.env.GODEBUG); console.error(${JSON.stringify(gcLine)}); setTimeout(() => { console.log('bye'); process.exit(3); }, 1500);`;
	const watch = startWatch(['--godebug', 'gctrace=1', '--', process.execPath, '-e', program], {
		GODEBUG: 'madvdontneed=1',
	});
	const url = await watch.address;
	assert.equal(url.pathname + url.hash, '/analyze/#watch');
	const events = await readEvents(url, /gc 1 @0\.010s/);
	assert.match(events, /event: lines\ndata: ".*gc 1 @0\.010s 0%/);
	assert.match(events, /event: state\ndata: \{"running":true/);
	// The page and its files come from the built site; the root leads to the watching page.
	const page = await fetch(url);
	assert.equal(await page.text(), '<!doctype html><title>analyzer</title>');
	const home = await fetch(new URL('/', url), { redirect: 'manual' });
	assert.equal(home.headers.get('location'), '/analyze/#watch');
	assert.equal((await fetch(new URL('/sw.js', url))).status, 404);
	assert.equal(await watch.closed, 3, 'the exit status is the program’s');
	const { stdout, stderr } = watch.out();
	assert.equal(stdout, 'GODEBUG=madvdontneed=1,gctrace=1\nbye\n', 'the program’s output, untouched');
	assert.ok(stderr.includes(`${gcLine}\n`), 'its standard error, trace lines included, still shown');
	assert.match(
		stderr,
		/explain: the program exited with status 3; 3 lines · 1 GC cycle, pause p95 0\.11 ms, GC CPU 0%\n$/,
	);
});

test('a live pipe is read, passed through and summarised when it ends', async () => {
	const watch = startWatch(['-']);
	const url = await watch.address;
	watch.child.stdin.write(`${gcLine}\n`);
	const events = await readEvents(url, /gc 1 @/);
	assert.match(events, /event: lines/);
	watch.child.stdin.end('hello\n');
	assert.equal(await watch.closed, 0);
	assert.equal(watch.out().stdout, `${gcLine}\nhello\n`);
	assert.match(watch.out().stderr, /explain: the input ended; 2 lines · 1 GC cycle/);
});

test('a page that joins late gets every line so far, and one that reconnects only the rest', async () => {
	const watch = startWatch(['-']);
	const url = await watch.address;
	watch.child.stdin.write('first\n');
	const first = await readEvents(url, /first/);
	const id = /id: (\d+)/.exec(first)![1]!;
	watch.child.stdin.write('second\n');
	await readEvents(url, /second/);
	const response = await fetch(new URL('/analyze/watch-events', url), { headers: { 'last-event-id': id } });
	const reader = response.body!.getReader();
	const { value } = await reader.read();
	await reader.cancel();
	assert.match(new TextDecoder().decode(value), /^id: \d+\nevent: lines\ndata: "second\\n"\n\n/);
	watch.child.stdin.end();
	assert.equal(await watch.closed, 0);
});

test('Ctrl-C stops the program and the watch cleanly', async () => {
	const program = `process.on('SIGINT', () => { console.log('stopping'); process.exit(0); }); console.error('ready'); setInterval(() => {}, 1000);`;
	const watch = startWatch(['--', process.execPath, '-e', program]);
	const url = await watch.address;
	await readEvents(url, /ready/);
	watch.child.kill('SIGINT');
	assert.equal(await watch.closed, 0);
	assert.equal(watch.out().stdout, 'stopping\n');
	assert.match(watch.out().stderr, /explain: the program exited with status 0; 2 lines\n$/);
});

test('a program that cannot be run, or no built site, is told in one line', async () => {
	const missing = startWatch(['--', 'no-such-program-here']);
	await missing.address;
	assert.equal(await missing.closed, 127);
	assert.match(missing.out().stderr, /explain: cannot run no-such-program-here: no such program\n/);
	const unbuilt = startWatch(['--', 'true'], { GODEBUG_EXPLAINED_SITE_DIR: path.join(site, 'nothing') });
	await assert.rejects(
		unbuilt.address,
		/the live view serves the built site, and .*nothing holds none; build it first/,
	);
	assert.equal(await unbuilt.closed, 2);
});

test('bad --watch usage is one line and exit status 2', () => {
	const cases: [string[], RegExp][] = [
		[['--watch'], /--watch needs the program to run after --, or - to read a pipe; usage: /],
		[['--watch', 'server'], /--watch needs the program to run after --/],
		[['--watch', '--port', '70000', '--', 'x'], /--port needs a port number from 0 to 65535/],
		[['--watch', '--godebug', 'gctrace', '--', 'x'], /--godebug has "gctrace", which is not a key=value setting/],
		[['--godebug', 'gctrace=1', 'app.log'], /--godebug and --port go with --watch/],
		[['--watch', '--json', '--', 'x'], /--watch goes alone, without --compare or --json/],
		[['--watch', '--godebug', 'gctrace=1', '-'], /--godebug sets the environment of a program --watch runs/],
	];
	for (const [args, message] of cases) {
		const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
		assert.equal(r.status, 2, args.join(' '));
		assert.match(r.stderr, message);
		assert.equal(r.stderr.trimEnd().split('\n').length, 1);
	}
});
