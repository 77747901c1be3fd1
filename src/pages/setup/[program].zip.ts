/**
 * Each example program as a .zip of its folder (`godebug/main.go`, `godebug/go.mod`), built
 * when the site is, so a learner needs only this site and Go.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { utf8, zipStore } from '~/present/zip.ts';
import { examplePrograms, type ExampleProgram } from '~/site/examples.ts';
import { captures } from '~/site/captures.ts';

export const getStaticPaths = (() =>
	examplePrograms.map((program) => ({
		params: { program: program.slug },
		props: { program },
	}))) satisfies GetStaticPaths;

// The newest capture's date, so a rebuild of the same files gives the same bytes.
const stamp = new Date(
	`${captures
		.map((c) => c.date)
		.sort()
		.at(-1)}T12:00:00Z`,
);

export const GET: APIRoute = ({ props }) => {
	const { slug, files } = props.program as ExampleProgram;
	const zip = zipStore(
		files.map((f) => ({ path: `${slug}/${f.path}`, data: utf8(f.source) })),
		stamp,
	);
	return new Response(zip as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/zip' } });
};
