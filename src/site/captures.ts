/**
 * The real captures in content/traces, read at build time. Lessons and reference pages point
 * at a capture and a line number instead of pasting runtime output.
 */
import manifest from '../../content/traces/captures.json';

const files = import.meta.glob<string>('../../content/traces/**/*.txt', {
	query: '?raw',
	import: 'default',
	eager: true,
});

/** Provenance of one capture, as recorded by scripts/capture.sh. */
export interface Capture {
	file: string;
	go: string;
	godebug: string;
	gomaxprocs: number;
	command: string;
	load: string | null;
	date: string;
	/** The example program it ran: `examples/godebug`, or a base with add-ons (see src/present/setup.ts). */
	program: string;
	/** How the program was built (`go build`). */
	build?: string;
}

export const captures: readonly Capture[] = manifest as Capture[];

/** The text of a capture (`gctrace/go1.26-web-load.txt`); throws when there is no such file. */
export function captureText(file: string): string {
	const text = files[`../../content/traces/${file}`];
	if (text === undefined) {
		throw new Error(
			`no capture "${file}" in content/traces; expected one of: ${Object.keys(files)
				.map((f) => f.replace('../../content/traces/', ''))
				.join(', ')}`,
		);
	}
	return text;
}

/** The lines of a capture, without line terminators. */
export function captureLines(file: string): string[] {
	return captureText(file).replace(/\n$/, '').split('\n');
}

/** One line of a capture, 1-based; throws with the valid range when out of range. */
export function captureLine(file: string, lineNo: number): string {
	const lines = captureLines(file);
	if (!Number.isInteger(lineNo) || lineNo < 1 || lineNo > lines.length) {
		throw new Error(`capture "${file}" has lines 1 to ${lines.length}; line ${lineNo} does not exist`);
	}
	return lines[lineNo - 1];
}

/** The provenance entry of a capture. */
export function captureInfo(file: string): Capture {
	const info = captures.find((c) => c.file === file);
	if (!info) throw new Error(`capture "${file}" is not listed in content/traces/captures.json`);
	return info;
}
