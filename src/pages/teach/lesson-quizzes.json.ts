/** Every lesson's quiz questions as JSON, fetched by the classroom page to export a lesson's quiz. */
import type { APIRoute } from 'astro';
import { lessonQuizzes } from '~/site/lesson-quizzes.ts';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(await lessonQuizzes()), { headers: { 'Content-Type': 'application/json' } });
