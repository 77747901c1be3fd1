import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { fieldKeys, traceFormats } from '~/trace/index.ts';

/** A trace line shown as an example: a line of a real capture, or a labelled synthetic line. */
const example = z.union([
	z.object({
		/** A capture file under content/traces, such as `gctrace/go1.26-web-load.txt`. */
		capture: z.string(),
		/** The 1-based line number in that capture. */
		line: z.number().int().positive(),
	}),
	z.object({
		/** A hand-built line for a Go release no machine here runs; shown labelled as synthetic. */
		synthetic: z.string(),
		/** Which release range the synthetic line imitates, for its label. */
		era: z.string(),
	}),
]);

/** One long-form explanation per catalogue field (`content/fields/<format>/<name>.md`). */
const fields = defineCollection({
	loader: glob({ base: './content/fields', pattern: '**/*.md', generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
	schema: z.object({
		/** The catalogue key this page explains; must exist (the build fails otherwise). */
		key: z.enum(fieldKeys),
		/** The line shown annotated at the top of the field's page, with this field selected. */
		example,
		/** Fields worth reading next. */
		related: z.array(z.enum(fieldKeys)).default([]),
	}),
});

/** One introduction per trace format (`content/formats/<format>.md`). */
const formats = defineCollection({
	loader: glob({ base: './content/formats', pattern: '*.md', generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
	schema: z.object({
		/** Which format this introduces. */
		format: z.enum(traceFormats),
		/** Page heading. */
		title: z.string(),
		/** One sentence, for the format list and link previews. */
		description: z.string(),
		/** How to turn it on, such as `GODEBUG=gctrace=1`. */
		setting: z.string(),
		/** The annotated line at the top of the format's page. */
		example,
	}),
});

/** Lessons, one numbered folder each: `content/lessons/03-generating-a-trace/index.mdx` is `/lessons/generating-a-trace/`. */
const lessons = defineCollection({
	loader: glob({
		base: './content/lessons',
		pattern: '*/index.mdx',
		generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, '').replace(/^\d+-/, ''),
	}),
	schema: z.object({
		/** Page heading and lesson-list entry. */
		title: z.string(),
		/** One sentence for the lesson list and link previews. */
		description: z.string(),
		/** Catalogue fields this lesson teaches; each must exist. */
		fields: z.array(z.enum(fieldKeys)).default([]),
	}),
});

/** What changed in one trace format across Go releases (`content/changes/<format>.mdx`), shown on /reference/changes/. */
const changes = defineCollection({
	loader: glob({ base: './content/changes', pattern: '*.mdx', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
	schema: z.object({
		/** Which format's changes these are. */
		format: z.enum(traceFormats),
		/** One sentence: the changes a reader is most likely to meet, for the page's contents list. */
		summary: z.string(),
	}),
});

export const collections = { fields, formats, lessons, changes };
