/**
 * The link-preview cards (1200×630 PNG), drawn at build time by astro-og-canvas. A card is keyed
 * by its page's path from the site's root, so a page finds its image with `previewImageUrl` alone.
 *
 * astro-og-canvas draws one paragraph (a title and a description) on a background image. A trace
 * line with one field in another colour is therefore drawn in layers on transparent backgrounds,
 * each the same monospace rows with the other layers' characters replaced by spaces: the field's
 * highlight box, the rest of the line, then the field itself, underlined. The finished layers are
 * the background of the card that carries the field's name and meaning.
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
	/** Go's gopher blue, for the edge that marks every card as this site's. */
	edge: [0, 173, 216] as Rgb,
	field: [255, 214, 102] as Rgb,
	fieldBox: [78, 62, 8] as Rgb,
};
const padding = 60;
const siteName = 'GODEBUG Explained';

/** The route parameter of `og/[...card].ts` for a page (its path from the site's root). */
export function cardSlug(pagePath: string): string {
	return previewImageUrl(pagePath).slice('/og/'.length);
}

function base(title: string, description: string): OGImageOptions {
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
			title: { families: sans, weight: 'Bold', size: 60, lineHeight: 1.15, color: colour.title },
			description: { families: sans, size: 32, lineHeight: 1.35, color: colour.text },
		},
	};
}

/** A page with nothing more specific to show: its title and the site's name. */
export function genericCard(title: string, description: string): OGImageOptions {
	return base(title, `${description}\n\n${siteName}`);
}

/** A lesson: its title and where it sits in the course. */
export function lessonCard(title: string, number: number, total: number): OGImageOptions {
	return base(title, `Lesson ${number} of ${total} · ${siteName}\nLearn to read the Go runtime’s GODEBUG traces.`);
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

/** Monospace columns that fit the paragraph astro-og-canvas lays out (1200 px less margins, at 22 px). */
const lineFontSize = 22;
const lineHeight = 1.5;
const lineColumns = 74;
const textWidth = 1200 - 3 * padding;

/** Rows `text` takes at `size` px, estimated from DejaVu Sans's mean advance (about 0.56 em); generous on purpose. */
function estimatedRows(text: string, size: number, advance = 0.56): number {
	return text
		.split('\n')
		.reduce((sum, part) => sum + Math.max(1, Math.ceil((part.length * advance * size) / textWidth)), 0);
}

/**
 * Where the line's rows start: as low as the card allows. astro-og-canvas puts the paragraph at the
 * top, so a blank title of this size pushes the rows down, the same in every layer.
 */
function lineSpacer(rows: number) {
	const rowsHeight = rows * lineFontSize * lineHeight;
	// 82 px: the paragraph's top padding and the gap astro-og-canvas puts after the title.
	return { families: sans, size: Math.round(630 - 40 - rowsHeight - 82), lineHeight: 1, color: colour.text };
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
 * offset of the line (a space hides it). After the row holding the field comes a marker row,
 * drawn only by the field's layer, so every layer keeps the same rows and columns.
 */
export function layerRows(
	line: string,
	starts: number[],
	span: { start: number; end: number } | undefined,
	part: (offset: number) => string,
	marker: (offset: number) => string,
): string {
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

async function layer(description: string, rows: number, colourOfText: Rgb, background?: string): Promise<string> {
	const image = await generateOpenGraphImage({
		title: '\u00a0',
		description,
		fonts,
		padding,
		cacheDir,
		// Transparent, so the layers stack: astro-og-canvas hands each colour's parts to CanvasKit.Color.
		bgGradient: [[0, 0, 0, 0] as unknown as Rgb],
		bgImage: background ? { path: background } : undefined,
		font: {
			title: lineSpacer(rows),
			description: { families: mono, size: lineFontSize, lineHeight, color: colourOfText },
		},
	});
	await mkdir(layerDir, { recursive: true });
	const path = `${layerDir}/${createHash('sha256').update(image).digest('hex').slice(0, 16)}.png`;
	await writeFile(path, image);
	return path;
}

/** A field: its name and key, its one-sentence meaning, and a real line with the field marked. */
export async function fieldCard(input: FieldCardInput): Promise<OGImageOptions> {
	const { line, span } = input;
	const starts = wrapColumns(line, lineColumns);
	const inField = (offset: number) => span !== undefined && offset >= span.start && offset < span.end;
	// The whole line in a quiet colour (the same for every field of that line, so drawn once), then
	// the field in its own colour with a bar beneath it: colour is not the only cue.
	const whole = layerRows(
		line,
		starts,
		span,
		(o) => line[o],
		() => ' ',
	);
	const rows = whole.split('\n').length + 2;
	const rest = await layer(`${whole}\n\n${input.source}`, rows, colour.muted);
	const field = layerRows(
		line,
		starts,
		span,
		(o) => (inField(o) ? line[o] : ' '),
		(o) => (inField(o) ? '▔' : ' '),
	);
	const marked = await layer(field, rows, colour.field, rest);
	// The name and meaning take what is left above the line: smaller type for long ones.
	const room = 630 - 40 - rows * lineFontSize * lineHeight - 24 - padding - padding / 3;
	const titleSize = input.label.length > 24 ? 46 : 58;
	const description = `${input.key} · ${siteName}\n${input.summary.replaceAll('`', '')}`;
	const fits = (size: number) =>
		estimatedRows(input.label, titleSize, 0.62) * titleSize * 1.15 + estimatedRows(description, size) * size * 1.35 <=
		room;
	const descriptionSize = [30, 27, 24, 22].find(fits) ?? 20;
	const card = base(input.label, description);
	return {
		...card,
		bgImage: { path: marked },
		font: {
			title: { ...card.font?.title, size: titleSize },
			description: { ...card.font?.description, size: descriptionSize },
		},
	};
}
