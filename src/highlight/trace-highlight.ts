/**
 * Code blocks of trace output (```gctrace, ```schedtrace, …) in lessons: the core parses each
 * line and its field spans become Shiki decorations with the same colour-group classes the
 * annotator uses, so a field looks the same in a code block and in an annotated line.
 */
import type { DecorationItem, LanguageRegistration, ShikiTransformer } from 'shiki';
import { fieldCategory, getField, parseLine, traceFormats } from '../trace/index.ts';

/** Language ids for trace output: one per format, plus `godebug` for mixed logs. */
const traceLanguageIds = [...traceFormats, 'godebug'] as const;

/**
 * Plain grammars: colouring comes from the core's parse (see `traceTransformer`), not from
 * regular expressions that would have to restate every format.
 */
export const traceLanguages: LanguageRegistration[] = traceLanguageIds.map((id) => ({
	name: id,
	scopeName: `source.${id}`,
	patterns: [],
	repository: {},
}));

/** Decorations for every field of every line of `code`, as offsets into `code`. */
export function traceDecorations(code: string): DecorationItem[] {
	const decorations: DecorationItem[] = [];
	let offset = 0;
	for (const line of code.split('\n')) {
		for (const token of parseLine(line).tokens) {
			// A field printed empty (`preemptoff=`) has no text to colour.
			if (token.start === token.end) continue;
			const field = token.key ? getField(token.key) : undefined;
			const category = field ? fieldCategory(field) : 'unknown';
			decorations.push({
				start: offset + token.start,
				end: offset + token.end,
				properties: { class: `tf tf-${category}`, 'data-key': token.key ?? undefined, title: field?.label },
				// The theme's inline colour would hide the group colour.
				transform: (el) => {
					delete el.properties.style;
					return el;
				},
			});
		}
		offset += line.length + 1;
	}
	return decorations;
}

const ids = new Set<string>(traceLanguageIds);

/** Adds the field decorations to code blocks in a trace language. */
export const traceTransformer: ShikiTransformer = {
	name: 'godebug-trace-fields',
	preprocess(code, options) {
		if (!ids.has(options.lang)) return;
		options.decorations = [...(options.decorations ?? []), ...traceDecorations(code)];
	},
	span(node) {
		// Lines have a single grammar token; drop its theme colour so unmarked text uses the page's.
		if (this.options.lang && ids.has(this.options.lang)) delete node.properties.style;
	},
};
