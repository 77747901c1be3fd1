/** Data the reference pages share: formats in order, and which lessons teach which field. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { fieldsOfFormat, traceFormats, type FieldInfo } from '~/trace/index.ts';

export async function formatEntries(): Promise<CollectionEntry<'formats'>[]> {
	const entries = await getCollection('formats');
	const missing = traceFormats.filter((f) => !entries.some((e) => e.data.format === f));
	if (missing.length) {
		throw new Error(`content/formats has no introduction for: ${missing.join(', ')}`);
	}
	return traceFormats.map((f) => entries.find((e) => e.data.format === f)!);
}

/** Every field explanation, checked against the catalogue: one per key, no more, no less. */
export async function fieldEntries(): Promise<Map<string, CollectionEntry<'fields'>>> {
	const entries = await getCollection('fields');
	const byKey = new Map(entries.map((e) => [e.data.key as string, e]));
	const missing = traceFormats.flatMap((f) => fieldsOfFormat(f)).filter((f) => !byKey.has(f.key));
	if (missing.length) {
		throw new Error(
			`these catalogue fields have no explanation in content/fields: ${missing.map((f) => f.key).join(', ')}`,
		);
	}
	for (const e of entries) {
		if (e.id !== e.data.key) {
			throw new Error(`content/fields/${e.id}.md explains "${e.data.key}"; name the file after its key`);
		}
	}
	return byKey;
}

/** Lessons whose frontmatter lists `field`, in lesson order. */
export async function lessonsTeaching(field: FieldInfo): Promise<CollectionEntry<'lessons'>[]> {
	const lessons = await getCollection('lessons');
	return lessons
		.filter((l) => l.data.fields.includes(field.key))
		.sort((a, b) => a.filePath!.localeCompare(b.filePath!));
}

/** The changes across releases, one entry per format that has them, in the catalogue's format order. */
export async function changeEntries(): Promise<CollectionEntry<'changes'>[]> {
	const entries = await getCollection('changes');
	for (const e of entries) {
		if (e.id !== e.data.format)
			throw new Error(`content/changes/${e.id}.mdx is about "${e.data.format}"; name it after it`);
	}
	return traceFormats.flatMap((f) => entries.filter((e) => e.data.format === f));
}
