/**
 * One link-preview image per page, at `og/<page path>.png` (see `previewImageUrl`), drawn at build time.
 * Base.astro points every page's `og:image` here; the dist check test proves each one exists.
 */
import { OGImageRoute, type OGImageOptions } from 'astro-og-canvas';
import { captureInfo, captureLine } from '~/site/captures.ts';
import { lessonNumber, orderedLessons } from '~/site/lessons.ts';
import { fieldEntries, formatEntries } from '~/site/reference.ts';
import { movedLessons } from '~/present/urls.ts';
import { allFields, parseLine } from '~/trace/index.ts';
import { backdrop, cardSlug, fieldCard, genericCard, lessonCard } from './_cards.ts';

/** Pages whose card is only their title: the path from the site's root and the page's `<Base title>`. */
const titledPages: [path: string, title: string][] = [
	['', 'GODEBUG Explained'],
	['lessons/', 'Lessons'],
	['reference/', 'Reference'],
	['explain/', 'Explain a trace line'],
	['analyze/', 'Analyze a trace log'],
	['practice/', 'Practice'],
	['teach/', 'Teach with traces'],
	['teach/worksheet/', 'Practice worksheet'],
	['search/', 'Search'],
	['embed/', 'Embed an annotated line'],
	['404/', 'Page not found'],
	['lab/', 'GC lab: the Go runtime in your browser'],
	['progress/', 'Your progress'],
	['styleguide/', 'Style guide'],
	['reference/production/', 'From each field to production'],
	['reference/changes/', 'What changed across Go releases'],
	['setup/', 'Set up to run the lessons'],
];
const tagline =
	'Learn to read the Go runtime’s GODEBUG traces, field by field, on output captured from real Go programs.';

async function cards(): Promise<Record<string, OGImageOptions>> {
	const out: Record<string, OGImageOptions> = {};
	const lines = await backdrop(captureLine('gctrace/go1.26-gcdemo-retain.txt', 37));
	for (const [path, title] of titledPages) out[cardSlug(path)] = genericCard(title, tagline, lines);
	for (const entry of await formatEntries()) {
		const { format, title, description } = entry.data;
		out[cardSlug(`reference/${format}/`)] = genericCard(title, description, lines);
	}
	const lessons = await orderedLessons();
	for (const lesson of lessons) {
		const { title, description } = lesson.data;
		const card = lessonCard({ title, description, number: lessonNumber(lesson) }, lessons.length, lines);
		out[cardSlug(`lessons/${lesson.id}/`)] = card;
	}
	for (const [slug, to] of Object.entries(movedLessons)) {
		const target = lessons.find((l) => l.id === to)!;
		const moved = `This lesson has moved to lesson ${lessonNumber(target)}, ${target.data.title}.`;
		out[cardSlug(`lessons/${slug}/`)] = genericCard('This lesson has moved', moved, lines);
	}
	const explanations = await fieldEntries();
	for (const field of allFields) {
		const example = explanations.get(field.key)!.data.example;
		const line = 'capture' in example ? captureLine(example.capture, example.line) : example.synthetic;
		const source =
			'capture' in example
				? `${example.capture}, line ${example.line} (${captureInfo(example.capture).go.split(' ')[0]})`
				: `synthetic line in the ${example.era} format`;
		const token = parseLine(line).tokens.find((t) => t.key === field.key);
		out[cardSlug(`reference/${field.key}/`)] = await fieldCard({
			label: field.label,
			key: field.key,
			summary: field.summary,
			line,
			span: token,
			source,
		});
	}
	return out;
}

export const { getStaticPaths, GET } = await OGImageRoute({
	pages: await cards(),
	getImageOptions: (_slug, options: OGImageOptions) => options,
	getSlug: (slug) => slug,
});
