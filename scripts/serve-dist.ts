/**
 * Serves the built site (dist/) for the browser tests: `node scripts/serve-dist.ts [PORT]`.
 * Without a port (or with 0) it takes a free one; either way it prints the address it serves,
 * which the Playwright config reads. Stop it by its process id.
 * A plain static server of our own, so tests can run while `npm start` holds Astro's preview
 * server, and so nothing but the built files is served. With `--gzip`, text is sent gzipped to
 * browsers that accept it, as a real host sends it (`npm run lighthouse` measures that way).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { siteUrl } from '../src/present/urls.ts';

const root = path.resolve(import.meta.dirname, '..', option('--dir') ?? 'dist');
const portArgument = process.argv[2]?.startsWith('--') ? undefined : process.argv[2];
const port = Number(portArgument ?? 0);
const gzip = process.argv.includes('--gzip');
const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
};

/**
 * `--dir dist-base --base /sub/`: another build folder, served under the base path it was built with
 * (`BASE_PATH=/sub/`), as a project site is on GitHub Pages; addresses outside the base are not found.
 */
function option(name: string): string | undefined {
	const at = process.argv.indexOf(name);
	return at === -1 ? undefined : process.argv[at + 1];
}
const servedBase = siteUrl('', option('--base') ?? '/');

/** The path inside the build folder, or null for an address outside the base (`/sub` counts as `/sub/`). */
function withinBase(urlPath: string): string | null {
	if (`${urlPath}/` === servedBase) return '/';
	return urlPath.startsWith(servedBase) ? urlPath.slice(servedBase.length - 1) : null;
}

function resolve(urlPath: string): string | null {
	const inside = withinBase(urlPath);
	if (inside === null) return null;
	const decoded = decodeURIComponent(inside);
	const file = path.join(root, path.normalize(decoded));
	if (!file.startsWith(root)) return null;
	if (existsSync(file) && statSync(file).isDirectory()) {
		const index = path.join(file, 'index.html');
		return existsSync(index) ? index : null;
	}
	return existsSync(file) ? file : null;
}

const server = createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	let file: string | null;
	try {
		file = resolve(url.pathname);
	} catch {
		file = null;
	}
	if (
		file &&
		statSync(file).isDirectory() === false &&
		url.pathname.endsWith('/') === false &&
		file.endsWith('index.html')
	) {
		// `/reference` → `/reference/`, as the site's links are written.
		res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
		return;
	}
	const status = file ? 200 : 404;
	file ??= path.join(root, '404.html');
	const type = types[path.extname(file)] ?? 'application/octet-stream';
	const compress =
		gzip &&
		/^(text\/|application\/(json|xml)|image\/svg)/.test(type) &&
		/\bgzip\b/.test(String(req.headers['accept-encoding']));
	res.writeHead(status, {
		'content-type': type,
		'cache-control': 'no-store',
		...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
	});
	if (compress) createReadStream(file).pipe(createGzip()).pipe(res);
	else createReadStream(file).pipe(res);
});
server.listen(port, '127.0.0.1', () => {
	const { port: bound } = server.address() as AddressInfo;
	console.log(`serving ${path.basename(root)}/ at http://127.0.0.1:${bound}${servedBase}`);
});
