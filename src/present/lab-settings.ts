/**
 * The GC lab's settings (/lab/?gogc=…&memlimit=…): read from the address, where a teacher hands
 * out an experiment as a link, so every value is checked. A value out of range is clamped and a
 * value that is not a number is replaced by its default, each with a sentence saying what
 * happened; the run goes ahead with what is left. The same limits bound the Go program
 * (examples/lab), so a link cannot make a tab allocate without end.
 */

export interface LabSettings {
	/** GOGC in percent; null is `off` (the collector runs only for GOMEMLIMIT). */
	gogc: number | null;
	/** GOMEMLIMIT in MiB; null is no limit. */
	memLimitMiB: number | null;
	/** MB allocated per second. */
	rate: number;
	/** Bytes per object. */
	size: number;
	/** MB kept alive at any time (a steady live heap). */
	live: number;
	/** Percent of the allocated bytes kept forever (a leak). */
	leak: number;
	/** How long the program runs, in seconds. */
	seconds: number;
}

interface NumberSetting {
	/** The query parameter. */
	param: string;
	/** What a reader calls it, in messages. */
	name: string;
	min: number;
	max: number;
	/** Whole numbers only. */
	integer: boolean;
	unit: string;
}

export const labLimits = {
	gogc: { param: 'gogc', name: 'GOGC', min: 1, max: 2000, integer: true, unit: '%' },
	memLimitMiB: { param: 'memlimit', name: 'GOMEMLIMIT', min: 4, max: 1024, integer: true, unit: ' MiB' },
	rate: { param: 'rate', name: 'Allocation rate', min: 1, max: 200, integer: false, unit: ' MB/s' },
	size: { param: 'size', name: 'Object size', min: 16, max: 1048576, integer: true, unit: ' bytes' },
	live: { param: 'live', name: 'Live heap', min: 0, max: 128, integer: false, unit: ' MB' },
	leak: { param: 'leak', name: 'Leaked share', min: 0, max: 20, integer: false, unit: '%' },
	seconds: { param: 'seconds', name: 'Run time', min: 2, max: 20, integer: true, unit: ' s' },
} as const satisfies Record<keyof LabSettings, NumberSetting>;

export const defaultLabSettings: LabSettings = {
	gogc: 100,
	memLimitMiB: null,
	rate: 20,
	size: 4096,
	live: 4,
	leak: 0,
	seconds: 10,
};

/** The words `off` (GOGC) and `none` (GOMEMLIMIT) as the address and the form write them. */
const gogcOff = 'off';
const noMemLimit = 'none';

export interface ParsedLabSettings {
	settings: LabSettings;
	/** One sentence per value that was changed or ignored; empty when the address was all good. */
	notes: string[];
}

const shown = (value: number, s: NumberSetting): string => `${value}${s.unit}`;

/** Reads one number; `raw` is the parameter's text. */
function readNumber(raw: string, s: NumberSetting, fallback: number, notes: string[]): number {
	const text = raw.trim();
	const value = text === '' ? Number.NaN : Number(text);
	if (!Number.isFinite(value)) {
		notes.push(
			`${s.name} “${raw}” is not a number, so the lab uses ${shown(fallback, s)}; give a number from ${s.min} to ${s.max}.`,
		);
		return fallback;
	}
	let out = s.integer ? Math.round(value) : Math.round(value * 100) / 100;
	if (out < s.min || out > s.max) {
		const clamped = Math.min(Math.max(out, s.min), s.max);
		notes.push(
			`${s.name} ${shown(value, s)} is ${out < s.min ? 'below' : 'above'} what the lab runs (${shown(s.min, s)} to ${shown(s.max, s)}), so it uses ${shown(clamped, s)}.`,
		);
		out = clamped;
	}
	return out;
}

/** A query's values by name, the last one winning, as a form or an address writes them. */
function queryValues(query: string): Map<string, string> {
	const values = new Map<string, string>();
	const decode = (text: string): string => {
		try {
			return decodeURIComponent(text.replace(/\+/g, ' '));
		} catch {
			return text;
		}
	};
	for (const part of query.replace(/^\?/, '').split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		values.set(decode(eq < 0 ? part : part.slice(0, eq)), eq < 0 ? '' : decode(part.slice(eq + 1)));
	}
	return values;
}

/** Reads a lab query (`?gogc=50&live=8`); unknown parameters are ignored. */
export function parseLabSettings(query: string): ParsedLabSettings {
	const values = queryValues(query);
	const params = { get: (name: string): string | null => values.get(name) ?? null };
	const notes: string[] = [];
	const settings = { ...defaultLabSettings };
	const gogc = params.get(labLimits.gogc.param);
	if (gogc !== null) {
		settings.gogc = gogc.trim().toLowerCase() === gogcOff ? null : readNumber(gogc, labLimits.gogc, 100, notes);
	}
	const limit = params.get(labLimits.memLimitMiB.param);
	if (limit !== null && limit.trim() !== '' && limit.trim().toLowerCase() !== noMemLimit) {
		settings.memLimitMiB = readNumber(limit, labLimits.memLimitMiB, 64, notes);
	}
	for (const key of ['rate', 'size', 'live', 'leak', 'seconds'] as const) {
		const raw = params.get(labLimits[key].param);
		if (raw !== null) settings[key] = readNumber(raw, labLimits[key], defaultLabSettings[key], notes);
	}
	if (settings.gogc === null && settings.memLimitMiB === null) {
		notes.push(
			'GOGC is off and there is no GOMEMLIMIT: the collector would never run, so the lab uses GOGC 100. Set a memory limit to run with GOGC off.',
		);
		settings.gogc = 100;
	}
	return { settings, notes };
}

/** The query that gives `settings` back, every value written (so a link says exactly what it runs). */
export function labQuery(settings: LabSettings): string {
	const params = [
		`gogc=${settings.gogc === null ? gogcOff : settings.gogc}`,
		`memlimit=${settings.memLimitMiB === null ? noMemLimit : settings.memLimitMiB}`,
		`rate=${settings.rate}`,
		`size=${settings.size}`,
		`live=${settings.live}`,
		`leak=${settings.leak}`,
		`seconds=${settings.seconds}`,
	];
	return `?${params.join('&')}`;
}

/** The settings as the Go program takes them: its environment and its flags. */
export function labProgram(settings: LabSettings): { env: Record<string, string>; args: string[] } {
	return {
		env: {
			GODEBUG: 'gctrace=1,gcpacertrace=1',
			GOGC: settings.gogc === null ? gogcOff : String(settings.gogc),
			...(settings.memLimitMiB === null ? {} : { GOMEMLIMIT: `${settings.memLimitMiB}MiB` }),
		},
		args: [
			`-rate=${settings.rate}`,
			`-size=${settings.size}`,
			`-live=${settings.live}`,
			`-leak=${settings.leak}`,
			`-d=${settings.seconds}s`,
		],
	};
}

/** The settings in one line, as a shell would run the program natively. */
export function labCommand(settings: LabSettings): string {
	const { env, args } = labProgram(settings);
	const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`);
	return `${vars.join(' ')} ./lab ${args.join(' ')}`;
}
