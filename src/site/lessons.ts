/** The lessons in order (their folders are numbered), with previous and next. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { siteBase } from '~/components/shared/site-base.ts';
import { lessonUrl } from '~/present/urls.ts';

export type Lesson = CollectionEntry<'lessons'>;

export async function orderedLessons(): Promise<Lesson[]> {
	const lessons = await getCollection('lessons');
	return lessons.sort((a, b) => (a.filePath ?? '').localeCompare(b.filePath ?? ''));
}

/** A lesson's page, under the site's base path. */
export function lessonHref(lesson: Lesson): string {
	return lessonUrl(lesson.id, siteBase);
}

/** The lesson's number as shown to readers, from its folder name (`03-…` is 3). */
export function lessonNumber(lesson: Lesson): number {
	const folder = (lesson.filePath ?? '').split('/').at(-2) ?? '';
	return Number(/^(\d+)-/.exec(folder)?.[1] ?? 0);
}
