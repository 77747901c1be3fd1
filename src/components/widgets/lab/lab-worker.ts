/**
 * Runs the GC lab's Go program (examples/lab, built for GOOS=js GOARCH=wasm) off the page's
 * thread. Nothing is downloaded until a run starts: then the loader that came with the same Go
 * installation (wasm_exec.js, unedited) and the WebAssembly. The runtime writes to fd 1 and 2
 * through `globalThis.fs.writeSync`, which the loader defines; here it is replaced to collect
 * whole lines and post them to the page. The page ends a run by ending this worker.
 */
import type { FromLabWorker, ToLabWorker } from './lab-protocol.ts';

interface GoInstance {
	argv: string[];
	env: Record<string, string>;
	importObject: WebAssembly.Imports;
	exit: (code: number) => void;
	run(instance: WebAssembly.Instance): Promise<void>;
}

interface LabGlobals {
	Go: new () => GoInstance;
	fs: { writeSync(fd: number, buf: Uint8Array): number };
	gclab?: { set(gogc: number | null, memLimitBytes: number | null): boolean };
}

const lab = globalThis as unknown as LabGlobals;
const post = (message: FromLabWorker) => postMessage(message);

/** Lines of each fd not yet posted, and each fd's unfinished last line. */
const queued: Record<1 | 2, string[]> = { 1: [], 2: [] };
const partial: Record<1 | 2, string> = { 1: '', 2: '' };
const decoders = { 1: new TextDecoder(), 2: new TextDecoder() };
let flushing = false;

/** Posts the queued lines once the program gives the thread back (it does so between allocations). */
function flushSoon(): void {
	if (flushing) return;
	flushing = true;
	setTimeout(flush);
}

function flush(): void {
	flushing = false;
	for (const fd of [2, 1] as const) {
		if (queued[fd].length > 0) post({ type: 'lines', fd, lines: queued[fd].splice(0) });
	}
}

function write(fd: number, buf: Uint8Array): number {
	const stream = fd === 1 ? 1 : 2;
	const text = partial[stream] + decoders[stream].decode(buf, { stream: true });
	const lines = text.split('\n');
	partial[stream] = lines.pop()!;
	if (lines.length > 0) {
		queued[stream].push(...lines);
		flushSoon();
	}
	return buf.length;
}

async function start(message: Extract<ToLabWorker, { type: 'start' }>): Promise<void> {
	const response = fetch(message.wasm).then((r) => {
		if (!r.ok) throw new Error(`the site answered ${r.status} for the WebAssembly`);
		return r.arrayBuffer();
	});
	await import(/* @vite-ignore */ message.loader);
	const bytes = await response;
	post({ type: 'loaded', bytes: bytes.byteLength });
	lab.fs.writeSync = write;
	const go = new lab.Go();
	go.argv = ['lab', ...message.args];
	go.env = message.env;
	let code = 0;
	go.exit = (status) => (code = status);
	const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
	await go.run(instance);
	// The runtime may have left a timer behind; once the program has exited, it has nothing to wake.
	addEventListener('error', (e) => {
		if (/already exited/.test(e.message)) e.preventDefault();
	});
	for (const fd of [1, 2] as const) if (partial[fd]) queued[fd].push(partial[fd]);
	flush();
	post({ type: 'exit', code });
}

onmessage = (event: MessageEvent<ToLabWorker>) => {
	const message = event.data;
	if (message.type === 'start') {
		start(message).catch((error: unknown) =>
			post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
		);
	} else if (message.type === 'set') {
		lab.gclab?.set(message.gogc, message.memLimitBytes);
	}
};
