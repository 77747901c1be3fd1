/**
 * Where each line of a log is, kept by the analyzer's worker: the byte offset where each line
 * starts, its kind and whether it has a problem, in 5 bytes a line (a gigabyte log of 17
 * million lines takes about 85 MB). The lines themselves are never kept: a window of rows is
 * read back from the file.
 *
 * Lines are stored in pages of `pageLines`: a page holds the offset of its first line as a
 * number and each line's distance from it as a Uint32 (a page switches to Float64 in the
 * unlikely case its lines span 4 GiB), and one byte a line for the kind (low bits) and the
 * problem flag (high bit). Pages are allocated one at a time, so the index never doubles and
 * copies as it grows.
 */
import { traceKinds, type LineKind } from '../../../trace/index.ts';

/** Kind codes: the index in this list. */
export const kindCodes: readonly LineKind[] = [...traceKinds, 'other'];
const codeOf = new Map(kindCodes.map((k, i) => [k, i]));
const PROBLEM = 0x80;

const pageBits = 14;
/** Lines per page. */
export const pageLines = 1 << pageBits;
const pageMask = pageLines - 1;

interface Page {
	/** Byte offset of the page's first line. */
	base: number;
	/** Each line's start minus `base`. */
	starts: Uint32Array | Float64Array;
	/** Kind code, with `PROBLEM` set for a line with a problem. */
	info: Uint8Array;
}

export class LineIndex {
	private pages: Page[] = [];
	/** Line starts recorded: one more than the newlines seen (line 1 starts at 0). */
	private startCount = 0;
	lineCount = 0;
	/** The log's size in bytes, set by `end`. */
	size = 0;

	constructor() {
		this.addStart(0);
	}

	private page(i: number): Page {
		const p = i >> pageBits;
		while (this.pages.length <= p)
			this.pages.push({ base: -1, starts: new Uint32Array(pageLines), info: new Uint8Array(pageLines) });
		return this.pages[p]!;
	}

	private addStart(offset: number): void {
		const i = this.startCount++;
		const page = this.page(i);
		if (page.base < 0) page.base = offset;
		const delta = offset - page.base;
		if (delta > 0xffffffff && page.starts instanceof Uint32Array) page.starts = Float64Array.from(page.starts);
		page.starts[i & pageMask] = delta;
	}

	private start(i: number): number {
		const page = this.pages[i >> pageBits]!;
		return page.base + page.starts[i & pageMask]!;
	}

	/** Records the newlines in `bytes`, which begin at byte `offset` of the log. */
	scan(bytes: Uint8Array, offset: number): void {
		for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) this.addStart(offset + i + 1);
	}

	/** Records line `lineNo` (1-based, in order) as parsed. */
	setLine(lineNo: number, kind: LineKind, problem: boolean): void {
		const i = lineNo - 1;
		this.page(i).info[i & pageMask] = codeOf.get(kind)! | (problem ? PROBLEM : 0);
		this.lineCount = lineNo;
	}

	end(size: number): void {
		this.size = size;
	}

	private info(lineNo: number): number {
		const i = lineNo - 1;
		return this.pages[i >> pageBits]!.info[i & pageMask]!;
	}

	kind(lineNo: number): LineKind {
		return kindCodes[this.info(lineNo) & ~PROBLEM]!;
	}

	hasProblem(lineNo: number): boolean {
		return (this.info(lineNo) & PROBLEM) !== 0;
	}

	/** The byte range of line `lineNo`, its newline (and any CR) included. */
	byteRange(lineNo: number): [number, number] {
		const start = this.start(lineNo - 1);
		const end = lineNo < this.startCount ? this.start(lineNo) : this.size;
		return [start, end];
	}

	/** Bytes the index holds. */
	get bytes(): number {
		return this.pages.reduce((sum, p) => sum + p.starts.byteLength + p.info.byteLength, 0);
	}

	/**
	 * The line numbers (ascending) whose kind is in `kinds` and, with `problemsOnly`, that have
	 * a problem; `null` when that is every line.
	 */
	filter(kinds: readonly LineKind[], problemsOnly: boolean): Uint32Array | null {
		// wanted[info] for every info byte: its kind is wanted and, if asked, it has a problem.
		const wanted = new Uint8Array(256);
		for (const k of kinds) {
			const code = codeOf.get(k) ?? 0;
			wanted[code | PROBLEM] = 1;
			if (!problemsOnly) wanted[code] = 1;
		}
		if (!problemsOnly && kindCodes.every((_, code) => wanted[code] === 1)) return null;
		// Counted first, so the answer is allocated once at its size.
		let n = 0;
		this.eachInfo((info) => {
			n += wanted[info]!;
		});
		const out = new Uint32Array(n);
		n = 0;
		this.eachInfo((info, lineNo) => {
			if (wanted[info] === 1) out[n++] = lineNo;
		});
		return out;
	}

	private eachInfo(visit: (info: number, lineNo: number) => void): void {
		for (let p = 0; p * pageLines < this.lineCount; p++) {
			const info = this.pages[p]!.info;
			const count = Math.min(pageLines, this.lineCount - p * pageLines);
			for (let k = 0; k < count; k++) visit(info[k]!, p * pageLines + k + 1);
		}
	}
}

/**
 * Splits `text`, the decoded bytes of consecutive whole lines, into those lines without their
 * terminators, as the log parser reads them.
 */
export function splitLines(text: string, count: number): string[] {
	const lines = text.split('\n', count);
	return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
