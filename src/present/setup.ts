/**
 * The words of the setup page (/setup/): which example programs the captures ran, how each is
 * named and packed, and the captures' commands as a reader types them. Pure: the build reads
 * the files and content/traces/captures.json, this decides what they mean.
 */

/**
 * A capture's `program`: a folder under examples/ (`examples/godebug`), or a folder built with
 * add-on files or folders (`examples/godebug + examples/capstone/pprof.go`), which are copied into
 * the base program's folder and built with it.
 */
export interface ProgramParts {
	/** The base program's folder, `examples/godebug`. */
	base: string;
	/** Files (or folders) built with it, in the order named. */
	addOns: string[];
}

/** Splits a capture's `program` into its base folder and add-ons; throws on a form the site does not know. */
export function programParts(program: string): ProgramParts {
	const [base, ...addOns] = program.split('+').map((p) => p.trim().replace(/\/+$/, ''));
	for (const part of [base, ...addOns]) {
		if (!/^examples(\/[\w.-]+)+$/.test(part) || part.split('/').some((p) => /^\.+$/.test(p))) {
			throw new Error(`capture program "${program}": "${part}" is not a path under examples/`);
		}
	}
	if (/\.\w+$/.test(base)) throw new Error(`capture program "${program}": the first part must be a folder`);
	return { base, addOns };
}

/** The last part of a path: `examples/godebug` → `godebug`. */
function lastPart(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The name of a program's download and of the folder it unpacks to: the base folder's name,
 * then each add-on's name without its extension (`godebug`, `godebug-pprof`).
 */
export function programSlug(program: string): string {
	const { base, addOns } = programParts(program);
	return [lastPart(base), ...addOns.map((a) => lastPart(a).replace(/\.\w+$/, ''))].join('-');
}

/**
 * The command a capture ran, as a reader types it: the capture script gave each run a free port
 * (`PORT=27108`) so runs never collided; a reader's program listens on its default port, 4000.
 */
export function readerCommand(command: string): string {
	return command
		.replace(/\bPORT=\d+\s+/g, '')
		.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:4000')
		.replace(/localhost:\d+/g, 'localhost:4000');
}

/** `go1.26.8 linux/amd64` → `Go 1.26.8`. */
export function goRelease(version: string): string {
	const m = /^go(\d+\.\d+(?:\.\d+)?)/.exec(version);
	return m ? `Go ${m[1]}` : version;
}

/** The Go doc comment at the top of a file (`// Command godebug is …`), as plain text paragraphs, or ''. */
export function docComment(source: string): string {
	const lines: string[] = [];
	for (const line of source.split('\n')) {
		if (!line.startsWith('//')) break;
		lines.push(line.replace(/^\/\/ ?/, ''));
	}
	// Indented lines are examples in Go doc comments; the setup page shows the commands itself.
	return lines
		.filter((l) => !l.startsWith('\t'))
		.join('\n')
		.split(/\n\s*\n/)
		.map((p) => p.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join('\n\n');
}
