/**
 * The analyzer worker's work, apart from the worker's globals so it can be tested: reads a log
 * (File or Blob) a piece at a time through the core's parser and findings, keeps a `LineIndex` and
 * the charts' thinned series (both bounded: a few bytes a line, a fixed number of chart rows),
 * posts the charts so far every second while reading, and answers the page's requests for
 * windows of rows by reading just those bytes back from the file. Any exception becomes a
 * `failed` message (with the request's id), so the page never waits for nothing.
 */
import { binarySampleBytes, createLogAnalysis, looksBinary, type LogLine } from '../../../trace/index.ts';
import { createChartSeries } from './chart-series.ts';
import { LineIndex, splitLines } from './line-index.ts';
import { maxLineChars, maxRowChars, type FromWorker, type Row, type ToWorker } from './protocol.ts';

const progressEveryMs = 100;
/** Bytes read from the file at a time. */
export const sliceBytes = 1 << 20;
/** Bytes decoded and parsed at a time: strings this short are collected young. */
export const pieceBytes = 1 << 16;

/**
 * The bytes of `blob` in order, in pieces of at most `pieceBytes`, read a slice at a time: the
 * next slice is read while this one is parsed, and no further. `Blob.stream()` reads ahead of a
 * slower parse without limit, and in Chromium a megabyte chunk, and a megabyte string decoded
 * from it, live outside the JS heap until a full collection, which a worker whose heap stays
 * small rarely runs: the tab grew by several times the file. (A BYOB reader into one reused
 * buffer stalled partway through a big file in Chromium 156.)
 */
export async function* readPieces(blob: Blob): AsyncGenerator<Uint8Array> {
	let next: Promise<ArrayBuffer> | null = blob.slice(0, sliceBytes).arrayBuffer();
	for (let at = 0; next;) {
		const bytes: Uint8Array = new Uint8Array(await next);
		at += bytes.length;
		// A file cut short while read ends here rather than asking for the same bytes forever.
		next = bytes.length > 0 && at < blob.size ? blob.slice(at, at + sliceBytes).arrayBuffer() : null;
		for (let i = 0; i < bytes.length; i += pieceBytes) yield bytes.subarray(i, i + pieceBytes);
	}
}

/**
 * Charts so far are posted this long after reading starts, then every `partialEveryMs` or a
 * quarter of the time spent so far, whichever is longer: a long read redraws a dozen times or
 * so, not every second, and leaves both threads to the reading.
 */
const firstPartialMs = 300;
const partialEveryMs = 1000;

export interface AnalyzeSession {
	handle(message: ToWorker): Promise<void>;
}

/** `send` posts a message to the page, moving the `transfer` buffers. */
export function createAnalyzeSession(send: (message: FromWorker, transfer?: ArrayBuffer[]) => void): AnalyzeSession {
	let blob: Blob | null = null;
	let index: LineIndex | null = null;
	/** The line numbers the current filter shows; null for every line. */
	let shown: Uint32Array | null = null;
	const post = (message: FromWorker) => send(message);

	async function analyze(input: Blob): Promise<void> {
		blob = input;
		index = new LineIndex();
		shown = null;
		const total = input.size;
		if (total === 0) return post({ type: 'bad', reason: 'empty', lineCount: 0 });
		if (looksBinary(new Uint8Array(await input.slice(0, binarySampleBytes).arrayBuffer()))) {
			return post({ type: 'bad', reason: 'binary', lineCount: 0 });
		}
		const lines = index;
		// The core's one analysis, with the charts' bounded series (chart-series.ts) for its own.
		const series = createChartSeries();
		const analysis = createLogAnalysis({
			series: { add: (line: LogLine) => series.add(line), result: () => series.end() },
			onLine: (line) => lines.setLine(line.lineNo, line.kind, line.problem !== null),
		});
		// Bytes are decoded here rather than by a TextDecoderStream so that the newlines' byte
		// offsets are found in the same pass (the same streaming decode, with the bytes at hand).
		const decoder = new TextDecoder();
		let read = 0;
		const started = performance.now();
		let lastProgress = 0;
		let nextPartial = started + firstPartialMs;
		for await (const value of readPieces(input)) {
			lines.scan(value, read);
			read += value.length;
			analysis.push(decoder.decode(value, { stream: true }));
			const now = performance.now();
			if (now - lastProgress >= progressEveryMs) {
				lastProgress = now;
				post({ type: 'progress', read, total });
			}
			if (now >= nextPartial) {
				nextPartial = now + Math.max(partialEveryMs, (now - started) / 4);
				const partial = series.snapshot();
				send({ type: 'partial', series: partial, read, total }, buffersOf(partial));
			}
		}
		analysis.push(decoder.decode());
		const result = analysis.end();
		const { summary } = result;
		lines.end(total);
		post({ type: 'progress', read: total, total });
		if (summary.lineCount === summary.kindCounts.other) {
			return post({ type: 'bad', reason: 'no-trace', lineCount: summary.lineCount });
		}
		// The series' arrays are moved to the page, not copied.
		send({ type: 'done', result }, buffersOf(result.series));
	}

	/** The buffers of every typed array in `value`, each once. */
	function buffersOf(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
		if (ArrayBuffer.isView(value)) {
			if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
		} else if (value !== null && typeof value === 'object') {
			for (const v of Object.values(value)) buffersOf(v, found);
		}
		return [...found];
	}

	/** Rows `start` to `start + count` of the current filter, read from the file. */
	async function rows(start: number, count: number): Promise<Row[]> {
		if (!blob || !index) return [];
		const total = shown ? shown.length : index.lineCount;
		const end = Math.min(start + count, total);
		const lineNos: number[] = [];
		for (let i = Math.max(0, start); i < end; i++) lineNos.push(shown ? shown[i] : i + 1);
		const out: Row[] = [];
		// Consecutive lines are read with one slice of the file.
		for (let i = 0; i < lineNos.length;) {
			let j = i + 1;
			while (j < lineNos.length && lineNos[j] === lineNos[j - 1] + 1) j++;
			const from = index.byteRange(lineNos[i])[0];
			const to = index.byteRange(lineNos[j - 1])[1];
			const texts = splitLines(await blob.slice(from, to).text(), j - i);
			for (let k = i; k < j; k++) {
				const lineNo = lineNos[k];
				out.push({
					lineNo,
					kind: index.kind(lineNo),
					problem: index.hasProblem(lineNo),
					text: (texts[k - i] ?? '').slice(0, maxRowChars),
				});
			}
			i = j;
		}
		return out;
	}

	async function line(lineNo: number): Promise<{ text: string; cut: boolean } | null> {
		if (!blob || !index || lineNo < 1 || lineNo > index.lineCount) return null;
		const [from, to] = index.byteRange(lineNo);
		const [text] = splitLines(await blob.slice(from, to).text(), 1);
		return { text: text.slice(0, maxLineChars), cut: text.length > maxLineChars };
	}

	/** Where line `lineNo` is in the current filter, or -1 when the filter hides it. */
	function locate(lineNo: number): number {
		if (!shown) return lineNo - 1;
		let lo = 0;
		let hi = shown.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (shown[mid] === lineNo) return mid;
			if (shown[mid] < lineNo) lo = mid + 1;
			else hi = mid - 1;
		}
		return -1;
	}

	/** Answers one message from the page; an exception becomes a `failed` message, never silence. */
	async function handle(message: ToWorker): Promise<void> {
		try {
			if (message.type === 'analyze') return await analyze(message.blob);
			let value: unknown = null;
			if (message.type === 'filter') {
				shown = index ? index.filter(message.kinds, message.problemsOnly) : null;
				value = shown ? shown.length : (index?.lineCount ?? 0);
			} else if (message.type === 'rows') value = await rows(message.start, message.count);
			else if (message.type === 'locate') value = locate(message.lineNo);
			else if (message.type === 'line') value = await line(message.lineNo);
			post({ type: 'reply', id: message.id, value });
		} catch (error) {
			const text = error instanceof Error ? error.message : String(error);
			post({ type: 'failed', message: text || 'unknown error', ...('id' in message ? { id: message.id } : {}) });
		}
	}

	return { handle };
}
