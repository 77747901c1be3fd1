/**
 * The example programs the captures ran (content/traces/captures.json), with their files, for the
 * setup page and its downloads: every program a capture names, in the order first named.
 */
import { goRelease, programParts, programSlug, readerCommand } from '~/present/setup.ts';
import { captures } from './captures.ts';

const sources = import.meta.glob<string>(
	['../../examples/**/*.go', '../../examples/**/go.mod', '../../examples/**/go.sum'],
	{
		query: '?raw',
		import: 'default',
		eager: true,
	},
);

/** Every example file by its path from the repository's root (`examples/godebug/main.go`). */
const files = new Map(Object.entries(sources).map(([k, v]) => [k.replace(/^(\.\.\/)+/, ''), v]));

interface ExampleFile {
	/** Its path inside the program's folder (`main.go`). */
	path: string;
	/** Where it lives in this repository (`examples/godebug/main.go`). */
	from: string;
	source: string;
}

/** One way a capture ran the program: the command, and the load put on it from a second terminal. */
interface ExampleRun {
	command: string;
	load: string | null;
}

export interface ExampleProgram {
	/** As captures.json names it (`examples/godebug`). */
	program: string;
	/** Its download's and folder's name (`godebug`). */
	slug: string;
	files: ExampleFile[];
	/** The Go release its go.mod asks for at least (`1.19`). */
	goMin: string;
	/** Each build command the captures used, with the Go releases it was used on. */
	builds: { command: string; releases: string[] }[];
	/** The Go releases the captures ran it on, oldest first. */
	releases: string[];
	runs: ExampleRun[];
}

/** The files under `dir`, at their paths below `under` (`''` keeps them at the top of the program's folder). */
function filesUnder(dir: string, under: string): ExampleFile[] {
	const found = [...files.keys()]
		.filter((f) => f.startsWith(`${dir}/`))
		.sort()
		.map((f) => ({ path: under + f.slice(dir.length + 1), from: f, source: files.get(f)! }));
	if (found.length === 0) throw new Error(`captures.json names ${dir}, which has no Go files under examples/`);
	return found;
}

function programFiles(program: string): ExampleFile[] {
	const { base, addOns } = programParts(program);
	const all = filesUnder(base, '');
	for (const addOn of addOns) {
		const name = addOn.slice(addOn.lastIndexOf('/') + 1);
		const source = files.get(addOn);
		// An add-on file sits beside the base program's files; an add-on folder keeps its name.
		all.push(...(source !== undefined ? [{ path: name, from: addOn, source }] : filesUnder(addOn, `${name}/`)));
	}
	return all;
}

function byRelease(a: string, b: string): number {
	return a.localeCompare(b, 'en', { numeric: true });
}

function build(program: string): ExampleProgram {
	const used = captures.filter((c) => c.program === program);
	const files = programFiles(program);
	const goMod = files.find((f) => f.path === 'go.mod')?.source ?? '';
	const builds = new Map<string, Set<string>>();
	for (const c of used) {
		const command = c.build ?? 'go build';
		builds.set(command, (builds.get(command) ?? new Set()).add(goRelease(c.go)));
	}
	const runs = new Map<string, ExampleRun>();
	for (const c of used) {
		const run = { command: readerCommand(c.command), load: c.load && readerCommand(c.load) };
		runs.set(`${run.command}\n${run.load}`, run);
	}
	return {
		program,
		slug: programSlug(program),
		files,
		goMin: /^go (\d+\.\d+)/m.exec(goMod)?.[1] ?? '',
		builds: [...builds].map(([command, releases]) => ({ command, releases: [...releases].sort(byRelease) })),
		releases: [...new Set(used.map((c) => goRelease(c.go)))].sort(byRelease),
		runs: [...runs.values()],
	};
}

/** Every program the captures ran. */
export const examplePrograms: readonly ExampleProgram[] = [...new Set(captures.map((c) => c.program))].map(build);

/** The Go releases every capture was made with, oldest first. */
export const captureReleases: readonly string[] = [...new Set(captures.map((c) => goRelease(c.go)))].sort(byRelease);
