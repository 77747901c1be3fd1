/** The practice lines as JSON, fetched by the practice and worksheet pages to make new sets. */
import type { APIRoute } from 'astro';
import { practiceLines } from '~/site/practice-lines.ts';

export const GET: APIRoute = () =>
	new Response(JSON.stringify(practiceLines()), { headers: { 'Content-Type': 'application/json' } });
