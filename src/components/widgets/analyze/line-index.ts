/**
 * Where each line of a log is, kept by the analyzer's worker: the byte offset where each line
 * starts, its kind as a small code and whether it has a problem. A million lines take about
 * 10 MB, so the lines themselves are never kept: a window of rows is read back from the file.
 */
import { traceKinds, type LineKind } from '../../../trace/index.ts';

/** Kind codes: the index in this list. */
export const kindCodes: readonly LineKind[] = [...traceKinds, 'other'];
const codeOf = new Map(kindCodes.map((k, i) => [k, i]));

export class LineIndex {
	/** starts[i] is the byte offset of line i + 1; one more entry than lines once ended. */
	private starts = new Float64Array(1024);
	private startCount = 1; // starts[0] = 0
	private kinds = new Uint8Array(1024);
	private problems = new Uint8Array(1024);
	lineCount = 0;
	/** The log's size in bytes, set by `end`. */
	size = 0;

	/** Records the newlines in `bytes`, which begin at byte `offset` of the log. */
	scan(bytes: Uint8Array, offset: number): void {
		for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) {
			if (this.startCount === this.starts.length) this.starts = grow(this.starts);
			this.starts[this.startCount++] = offset + i + 1;
		}
	}

	/** Records line `lineNo` (1-based, in order) as parsed. */
	setLine(lineNo: number, kind: LineKind, problem: boolean): void {
		const i = lineNo - 1;
		if (i >= this.kinds.length) {
			this.kinds = grow(this.kinds);
			this.problems = grow(this.problems);
		}
		this.kinds[i] = codeOf.get(kind)!;
		this.problems[i] = problem ? 1 : 0;
		this.lineCount = lineNo;
	}

	end(size: number): void {
		this.size = size;
	}

	kind(lineNo: number): LineKind {
		return kindCodes[this.kinds[lineNo - 1]];
	}

	hasProblem(lineNo: number): boolean {
		return this.problems[lineNo - 1] === 1;
	}

	/** The byte range of line `lineNo`, its newline (and any CR) included. */
	byteRange(lineNo: number): [number, number] {
		const start = this.starts[lineNo - 1];
		const end = lineNo < this.startCount ? this.starts[lineNo] : this.size;
		return [start, end];
	}

	/**
	 * The line numbers (ascending) whose kind is in `kinds` and, with `problemsOnly`, that have
	 * a problem; `null` when that is every line.
	 */
	filter(kinds: readonly LineKind[], problemsOnly: boolean): Uint32Array | null {
		const wanted = new Uint8Array(kindCodes.length);
		for (const k of kinds) wanted[codeOf.get(k) ?? 0] = 1;
		if (!problemsOnly && wanted.every((w) => w === 1)) return null;
		const out = new Uint32Array(this.lineCount);
		let n = 0;
		for (let i = 0; i < this.lineCount; i++) {
			if (wanted[this.kinds[i]] === 1 && (!problemsOnly || this.problems[i] === 1)) out[n++] = i + 1;
		}
		return out.slice(0, n);
	}
}

function grow<T extends Float64Array | Uint8Array>(array: T): T {
	const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
	bigger.set(array);
	return bigger;
}

/**
 * Splits `text`, the decoded bytes of consecutive whole lines, into those lines without their
 * terminators, as the log parser reads them.
 */
export function splitLines(text: string, count: number): string[] {
	const lines = text.split('\n', count);
	return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
