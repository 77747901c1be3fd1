/**
 * Every lesson's quiz questions, for the classroom page's exports. A lesson's questions are
 * built while its MDX renders (`<Quiz>` and its question components), so each lesson is
 * rendered once here, to a string, and its questions are read from the data each rendered
 * question carries for `<trace-quiz>`.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import type { Question } from '~/trace/index.ts';
import type { QuestionPayload } from '~/components/widgets/quiz/render.ts';
import { lessonNumber, orderedLessons } from './lessons.ts';

export interface LessonQuiz {
	slug: string;
	number: number;
	title: string;
	questions: Question[];
}

let cached: Promise<LessonQuiz[]> | undefined;

async function collect(): Promise<LessonQuiz[]> {
	const container = await AstroContainer.create({ renderers: await loadRenderers([mdxRenderer()]) });
	const quizzes: LessonQuiz[] = [];
	for (const lesson of await orderedLessons()) {
		const { Content } = await render(lesson);
		const html = await container.renderToString(Content);
		const questions = [
			...html.matchAll(/<script type="application\/json" class="quiz-data">([\s\S]*?)<\/script>/g),
		].map((m) => (JSON.parse(m[1]) as QuestionPayload).question);
		if (questions.length) {
			quizzes.push({ slug: lesson.id, number: lessonNumber(lesson), title: lesson.data.title, questions });
		}
	}
	return quizzes;
}

/** The lessons that have a quiz, in order, with their questions. */
export function lessonQuizzes(): Promise<LessonQuiz[]> {
	cached ??= collect();
	return cached;
}
