/** Each file of each example program as plain text, for the setup page's per-file downloads. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { examplePrograms } from '~/site/examples.ts';

export const getStaticPaths = (() =>
	examplePrograms.flatMap((program) =>
		program.files.map((f) => ({ params: { program: program.slug, file: f.path }, props: { source: f.source } })),
	)) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(props.source as string, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
