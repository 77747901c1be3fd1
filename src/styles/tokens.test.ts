/**
 * The colour tokens meet WCAG contrast in both schemes: text at least 4.5:1 on every background
 * it is set on, control borders, the focus ring and button fills at least 3:1 (WCAG 1.4.3, 1.4.11).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

/** Each `--name: light-dark(#light, #dark)` token as [light, dark]. */
function colourTokens(): Map<string, [string, string]> {
	const tokens = new Map<string, [string, string]>();
	for (const [, name, light, dark] of css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) {
		tokens.set(name!, [light!, dark!]);
	}
	return tokens;
}

function luminance(hex: string): number {
	const channel = (i: number) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

const backgrounds = ['bg', 'bg-soft'];
/** [foreground, background, minimum ratio] */
const pairs: [string, string, number][] = [
	...['text', 'text-muted', 'link', 'accent', 'success', 'danger', 'warning', 'info'].flatMap((fg) =>
		backgrounds.map((bg): [string, string, number] => [fg, bg, 4.5]),
	),
	...['text', 'text-muted', 'link'].map((fg): [string, string, number] => [fg, 'info-bg', 4.5]),
	...['text', 'text-muted', 'link', 'warning'].map((fg): [string, string, number] => [fg, 'warning-bg', 4.5]),
	['info', 'info-bg', 4.5],
	['on-primary', 'primary', 4.5],
	['on-primary', 'primary-hover', 4.5],
	...['border-strong', 'focus', 'primary'].flatMap((fg) =>
		backgrounds.map((bg): [string, string, number] => [fg, bg, 3]),
	),
	['focus', 'info-bg', 3],
	['focus', 'warning-bg', 3],
];

test('every colour token has a light and a dark value', () => {
	const tokens = colourTokens();
	for (const name of new Set(pairs.flatMap(([fg, bg]) => [fg, bg]))) assert.ok(tokens.has(name), `--${name}`);
});

for (const [scheme, index] of [
	['light', 0],
	['dark', 1],
] as const) {
	test(`colour pairs meet their contrast minimum in the ${scheme} scheme`, () => {
		const tokens = colourTokens();
		const failures = pairs
			.map(([fg, bg, min]) => ({ fg, bg, min, ratio: contrast(tokens.get(fg)![index], tokens.get(bg)![index]) }))
			.filter(({ ratio, min }) => ratio < min)
			.map(({ fg, bg, min, ratio }) => `--${fg} on --${bg}: ${ratio.toFixed(2)} < ${min}`);
		assert.deepEqual(failures, []);
	});
}
