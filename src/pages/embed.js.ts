/**
 * `/embed.js`: the `<godebug-line>` element (src/embed/embed.ts) as one small standalone module,
 * bundled by esbuild when the site is built (and on request in `astro dev`). It sits at the
 * site's root under whatever base path the build has, and finds its own address at run time.
 */
import { readFile } from 'node:fs/promises';
import { build, transform } from 'esbuild';

/** The site's tokens (both schemes) and the annotated-line styles, set on the shadow host. */
async function embedCss(): Promise<string> {
	const [tokensCss, traceLine, frame] = await Promise.all(
		['src/styles/tokens.css', 'src/components/widgets/trace-line/trace-line.css', 'src/embed/embed.css'].map((f) =>
			readFile(f, 'utf8'),
		),
	);
	// Only the tokens: the `:root` block, whose light-dark() colours follow the host's scheme.
	const tokens = /^:root\s*\{[^}]*\}/m.exec(tokensCss)?.[0];
	if (!tokens) throw new Error('embed.js: src/styles/tokens.css has no :root block');
	const css = [tokens, traceLine].join('\n').replaceAll(':root', ':host') + frame;
	return (await transform(css, { loader: 'css', minify: true })).code;
}

export async function GET(): Promise<Response> {
	const result = await build({
		entryPoints: ['src/embed/embed.ts'],
		bundle: true,
		minify: true,
		format: 'esm',
		target: 'es2022',
		write: false,
		legalComments: 'none',
		define: { EMBED_CSS: JSON.stringify(await embedCss()) },
	});
	return new Response(result.outputFiles[0].text, {
		headers: { 'content-type': 'text/javascript; charset=utf-8' },
	});
}
