/**
 * The real captures as plain text files (`/analyze/captures/gctrace/go1.26-web-load.txt`), so
 * the analyzer can load them as examples and readers without JavaScript can download them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { captures, captureText } from '~/site/captures.ts';

export const getStaticPaths = (() => captures.map((c) => ({ params: { file: c.file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
	new Response(captureText(params.file!), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
