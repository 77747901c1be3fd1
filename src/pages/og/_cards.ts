/**
 * The link-preview cards (1200×630 JPEG), drawn at build time by astro-og-canvas. A card is keyed
 * by its page's path from the site's root, so a page finds its image with `previewImageUrl` alone.
 *
 * astro-og-canvas draws one paragraph (a title and a description) over a background image. A trace
 * line with one field in its own colour is therefore drawn as layers on transparent backgrounds,
 * each with the same monospace rows, other layers' characters replaced by spaces: the whole line
 * in a quiet colour, then the field in a bright one with a bar under it. The layers are the
 * background of the card that carries the field's name and meaning.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { generateOpenGraphImage, type OGImageOptions } from 'astro-og-canvas';
import { previewImageUrl } from '../../present/urls.ts';

type Rgb = [number, number, number];

const fontDir = './src/pages/og/_fonts';
const fonts = [`${fontDir}/DejaVuSans.ttf`, `${fontDir}/DejaVuSans-Bold.ttf`, `${fontDir}/DejaVuSansMono.ttf`];
const sans = ['DejaVu Sans'];
const mono = ['DejaVu Sans Mono'];
/** Drawn cards are kept between builds (keyed by everything drawn); layers are named by their content. */
const cacheDir = './.astro/og-canvas';
const layerDir = `${cacheDir}/layers`;

const colour = {
	bg: [17, 23, 32] as Rgb,
	title: [245, 247, 250] as Rgb,
	text: [200, 208, 220] as Rgb,
	muted: [165, 176, 192] as Rgb,
	dim: [70, 82, 98] as Rgb,
	/** Go's gopher blue, for the edge that marks every card as this site's. */
	edge: [0, 173, 216] as Rgb,
	field: [255, 214, 102] as Rgb,
};
const size = { width: 1200, height: 630 };
const padding = 60;
const siteName = 'GODEBUG Explained';

/** Monospace rows: 74 columns of DejaVu Sans Mono at 22 px fit the paragraph astro-og-canvas lays out. */
const lineFontSize = 22;
const lineHeight = 1.5;
const lineColumns = 74;
/** The paragraph's width: astro-og-canvas leaves a padding on each side and one more at the end. */
const textWidth = size.width - 3 * padding;
/** Space kept under the trace line's rows. */
const footer = 40;

/** The route parameter of `og/[...card].ts` for a page (its path from the site's root). */
export function cardSlug(pagePath: string): string {
	return previewImageUrl(pagePath).slice('/og/'.length);
}

/** Rows `text` takes at `px`, estimated from DejaVu Sans's mean advance (about 0.56 em); generous on purpose. */
function estimatedRows(text: string, px: number, advance = 0.56): number {
	return text
		.split('\n')
		.reduce((sum, part) => sum + Math.max(1, Math.ceil((part.length * advance * px) / textWidth)), 0);
}

/** The card's text, in the room left above `rows` rows of trace line: smaller type for long titles and sentences. */
function card(title: string, description: string, rows: number): OGImageOptions {
	const room = size.height - footer - rows * lineFontSize * lineHeight - 24 - padding - padding / 3;
	const titleSize = [60, 52, 46].find((px) => estimatedRows(title, px, 0.62) === 1) ?? 46;
	const titleHeight = estimatedRows(title, titleSize, 0.62) * titleSize * 1.15;
	const fits = (px: number) => titleHeight + estimatedRows(description, px) * px * 1.35 <= room;
	const descriptionSize = [32, 29, 26, 24, 22].find(fits) ?? 20;
	return {
		title,
		description,
		fonts,
		padding,
		bgGradient: [colour.bg],
		border: { color: colour.edge, width: 14, side: 'inline-start' },
		// JPEG: half the time of PNG to encode here, and about two thirds of its size.
		format: 'JPEG',
		quality: 85,
		cacheDir,
		font: {
			title: { families: sans, weight: 'Bold', size: titleSize, lineHeight: 1.15, color: colour.title },
			description: { families: sans, size: descriptionSize, lineHeight: 1.35, color: colour.text },
		},
	};
}

/**
 * Splits `line` into rows of at most `columns` characters, breaking after a space where there is
 * one, so every layer wraps at exactly the same places. Returns the start offset of each row.
 */
export function wrapColumns(line: string, columns: number): number[] {
	const starts = [0];
	let start = 0;
	while (line.length - start > columns) {
		const window = line.slice(start, start + columns + 1);
		const space = window.lastIndexOf(' ');
		const next = space > 0 ? start + space + 1 : start + columns;
		starts.push(next);
		start = next;
	}
	return starts;
}

/**
 * The rows of the line as one layer draws them: `part(offset)` gives the character to draw at each
 * offset of the line (a space hides it). After the row holding `span` comes a marker row, drawn
 * only by the field's layer, so every layer keeps the same rows and columns.
 */
export function layerRows(
	line: string,
	span: { start: number; end: number } | undefined,
	part: (offset: number) => string,
	marker: (offset: number) => string = () => ' ',
): string {
	const starts = wrapColumns(line, lineColumns);
	const rows: string[] = [];
	starts.forEach((start, i) => {
		const end = starts[i + 1] ?? line.length;
		const offsets = Array.from({ length: end - start }, (_, k) => start + k);
		rows.push(offsets.map(part).join(''));
		if (span && span.start < end && span.end > start) rows.push(offsets.map(marker).join(''));
	});
	// A row of spaces alone must still take its height.
	return rows.map((row) => (row.trim() === '' ? '\u00a0' : row)).join('\n');
}

/**
 * One transparent layer holding `text` in monospace, its `rows` rows ending just above the foot
 * of the card. astro-og-canvas puts the paragraph at the top, so a blank title of the right size
 * pushes the rows down, the same in every layer.
 */
async function layer(text: string, rows: number, textColour: Rgb, below?: string): Promise<string> {
	// 82 px: the paragraph's top padding and the gap astro-og-canvas leaves after the title.
	const spacer = Math.round(size.height - footer - rows * lineFontSize * lineHeight - 82);
	const drawn = await generateOpenGraphImage({
		title: '\u00a0',
		description: text,
		fonts,
		padding,
		cacheDir,
		// Transparent, so the layers stack: astro-og-canvas hands each colour's parts to CanvasKit.Color.
		bgGradient: [[0, 0, 0, 0] as unknown as Rgb],
		bgImage: below ? { path: below } : undefined,
		font: {
			title: { families: sans, size: spacer, lineHeight: 1, color: textColour },
			description: { families: mono, size: lineFontSize, lineHeight, color: textColour },
		},
	});
	// Typed as a response body; read it as bytes whatever its kind.
	const image = new Uint8Array(await new Response(drawn).arrayBuffer());
	await mkdir(layerDir, { recursive: true });
	const path = `${layerDir}/${createHash('sha256').update(image).digest('hex').slice(0, 16)}.png`;
	await writeFile(path, image);
	return path;
}

export interface Backdrop {
	path: string;
	rows: number;
}

/** A real trace line, dim, along the foot of the cards that have no line of their own: drawn once. */
export async function backdrop(line: string): Promise<Backdrop> {
	const text = layerRows(line, undefined, (o) => line[o]);
	const rows = text.split('\n').length;
	return { path: await layer(text, rows, colour.dim), rows };
}

/** A page with nothing more specific to show: its title and a sentence. */
export function genericCard(title: string, description: string, under: Backdrop): OGImageOptions {
	return { ...card(title, `${siteName}\n${description}`, under.rows), bgImage: { path: under.path } };
}

/** A lesson: its title, where it sits in the course ("Lesson 4 of 12") and what it teaches. */
export function lessonCard(
	lesson: { title: string; description: string; number: number },
	total: number,
	under: Backdrop,
): OGImageOptions {
	const text = `Lesson ${lesson.number} of ${total} · ${siteName}\n${lesson.description}`;
	return { ...card(lesson.title, text, under.rows), bgImage: { path: under.path } };
}

export interface FieldCardInput {
	label: string;
	key: string;
	/** The catalogue's one-sentence meaning (backticks are dropped). */
	summary: string;
	/** The example line the field's page shows. */
	line: string;
	/** The field's span in `line`, half-open; absent when the line has no such token. */
	span?: { start: number; end: number };
	/** Where the line comes from, for the caption. */
	source: string;
}

/** A field: its name and key, its one-sentence meaning, and a real line with the field marked. */
export async function fieldCard(input: FieldCardInput): Promise<OGImageOptions> {
	const { line, span } = input;
	const inField = (offset: number) => span !== undefined && offset >= span.start && offset < span.end;
	// The whole line in a quiet colour (the same for every field of that line, so drawn once), then
	// the field in its own colour with a bar beneath it: colour is not the only cue.
	const whole = layerRows(line, span, (o) => line[o]);
	const rows = whole.split('\n').length + 2;
	const rest = await layer(`${whole}\n\n${input.source}`, rows, colour.muted);
	// A field printed empty (`preemptoff=`) has no characters: a caret points at its place instead.
	const empty = span !== undefined && span.start === span.end;
	const field = layerRows(
		line,
		span,
		(o) => (inField(o) ? line[o] : ' '),
		(o) => (inField(o) ? '▔' : empty && o === span.start ? '^' : ' '),
	);
	const marked = await layer(field, rows, colour.field, rest);
	const description = `${input.key} · ${siteName}\n${input.summary.replaceAll('`', '')}`;
	return { ...card(input.label, description, rows), bgImage: { path: marked } };
}
