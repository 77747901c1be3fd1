import type { Era, EraRange } from './types.ts';

/** The oldest release with GODEBUG traces (Go 1.1 read GOGCTRACE; it is counted with 1.2). */
export const OLDEST_GO_MINOR = 1;
/** The newest release the format reference was checked against. */
export const LATEST_GO_MINOR = 27;

/** Every release from `from` to `to` (inclusive); `to` defaults to the newest known release. */
export function era(from: number, to: number = LATEST_GO_MINOR): Era {
	return from <= to ? [{ from, to }] : [];
}

/** Releases in both eras. */
export function intersectEras(a: Era, b: Era): Era {
	const out: EraRange[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const from = Math.max(a[i].from, b[j].from);
		const to = Math.min(a[i].to, b[j].to);
		if (from <= to) out.push({ from, to });
		if (a[i].to < b[j].to) i++;
		else j++;
	}
	return out;
}

/** Releases in either era. */
export function unionEras(...eras: Era[]): Era {
	const all = eras.flat().toSorted((x, y) => x.from - y.from);
	const out: EraRange[] = [];
	for (const r of all) {
		const last = out.at(-1);
		if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
		else out.push({ from: r.from, to: r.to });
	}
	return out;
}

/** Whether the era contains the release `minor`. */
export function eraIncludes(e: Era, minor: number): boolean {
	return e.some((r) => r.from <= minor && minor <= r.to);
}

function formatRange(r: EraRange): string {
	return r.from === r.to ? `go1.${r.from}` : `go1.${r.from}-go1.${r.to}`;
}

/** Machine form, as in the CLI's JSON: `go1.18-go1.19`, `go1.14,go1.19-go1.20`, or `none`. */
export function formatEra(e: Era): string {
	return e.length === 0 ? 'none' : e.map(formatRange).join(',');
}

/** Reader form: `Go 1.18–1.19`, `Go 1.25 or later`, `Go 1.14 or 1.19–1.20`. */
export function describeEra(e: Era): string {
	if (e.length === 0) return 'no single Go release';
	const parts = e.map((r) =>
		r.to >= LATEST_GO_MINOR ? `1.${r.from} or later` : r.from === r.to ? `1.${r.from}` : `1.${r.from}–1.${r.to}`,
	);
	const last = parts.pop();
	return `Go ${parts.length ? `${parts.join(', ')} or ${last}` : last}`;
}
