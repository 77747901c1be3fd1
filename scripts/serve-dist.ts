/**
 * Serves the built site (dist/) for the browser tests: `node scripts/serve-dist.ts PORT`.
 * A plain static server of our own, so tests can run while `npm start` holds Astro's preview
 * server, and so nothing but the built files is served. With `--gzip`, text is sent gzipped to
 * browsers that accept it, as a real host sends it (`npm run lighthouse` measures that way).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..', 'dist');
const port = Number(process.argv[2] ?? 4391);
const gzip = process.argv.includes('--gzip');
const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
};

function resolve(urlPath: string): string | null {
	const decoded = decodeURIComponent(urlPath);
	const file = path.join(root, path.normalize(decoded));
	if (!file.startsWith(root)) return null;
	if (existsSync(file) && statSync(file).isDirectory()) {
		const index = path.join(file, 'index.html');
		return existsSync(index) ? index : null;
	}
	return existsSync(file) ? file : null;
}

createServer((req, res) => {
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
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ at http://127.0.0.1:${port}/`));
