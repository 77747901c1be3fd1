/**
 * `npm run lighthouse` (after `npm run build`): Lighthouse's mobile profile (its default: a
 * mid-range phone on a slow 4G link, simulated) over the built site, for the home page, a lesson,
 * a field page, /explain/ and /analyze/. Prints each page's performance, accessibility, best
 * practices and SEO scores with LCP, TBT and CLS, then the audits that cost points. A report,
 * not a test: performance on this shared machine varies with its load, so each page is measured
 * `LIGHTHOUSE_RUNS` times (default 3) and the median run is reported.
 *
 * dist/ is served gzipped, as a host serves it, by scripts/serve-dist.ts on a free port;
 * Chromium is the machine's, started here with a DevTools port; both are stopped by their
 * process id. `LIGHTHOUSE_PAGES` (comma
 * separated site paths) replaces the page list; `LIGHTHOUSE_JSON=dir` keeps each full report.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse, { type Result } from 'lighthouse';
import { startSite } from './site-server.ts';
import { chromiumLaunch } from './chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Runs per page; the median by performance is reported (Lighthouse's own advice for noisy machines). */
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));

/** A port nothing listens on now. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
		});
	});
}

/** The first built page under `dir` whose HTML contains `marker` (else the first page there). */
function firstPage(dir: string, marker: string): string {
	const slugs = readdirSync(path.join(dist, dir), { withFileTypes: true })
		.filter((e) => e.isDirectory() && existsSync(path.join(dist, dir, e.name, 'index.html')))
		.map((e) => e.name)
		.sort();
	const withMarker = slugs.find((slug) =>
		readFileSync(path.join(dist, dir, slug, 'index.html'), 'utf8').includes(marker),
	);
	return `/${dir}/${withMarker ?? slugs[0]}/`;
}

/** A field page: the first reference page two levels deep (`/reference/<trace>/<field>/`). */
function fieldPage(): string {
	const traces = readdirSync(path.join(dist, 'reference'), { withFileTypes: true })
		.filter((e) => e.isDirectory())
		.map((e) => e.name)
		.sort();
	for (const trace of traces) {
		const fields = readdirSync(path.join(dist, 'reference', trace), { withFileTypes: true })
			.filter((e) => e.isDirectory() && existsSync(path.join(dist, 'reference', trace, e.name, 'index.html')))
			.map((e) => e.name)
			.sort();
		if (fields.length > 0) return `/reference/${trace}/${fields[0]}/`;
	}
	throw new Error('no field page under dist/reference/');
}

async function waitFor(url: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`nothing answered at ${url}`);
}

/** Starts Chromium headless with a DevTools port; resolves once it listens. */
async function startChromium(profile: string): Promise<{ chromium: ChildProcess; port: number }> {
	const port = await freePort();
	const chromium = spawn(
		chromiumLaunch.executablePath,
		[
			...chromiumLaunch.args,
			'--headless=new',
			`--remote-debugging-port=${port}`,
			`--user-data-dir=${profile}`,
			'about:blank',
		],
		{ stdio: 'ignore' },
	);
	await waitFor(`http://127.0.0.1:${port}/json/version`);
	return { chromium, port };
}

const score = (r: Result, id: string) => Math.round((r.categories[id]?.score ?? 0) * 100);
const ms = (r: Result, id: string) => `${Math.round(r.audits[id]?.numericValue ?? NaN)} ms`;

/** Titles of the audits that cost `category` points: scored, weighted, below 1. */
function failing(r: Result, category: string): string[] {
	return (r.categories[category]?.auditRefs ?? [])
		.filter((ref) => ref.weight > 0)
		.map((ref) => r.audits[ref.id])
		.filter((a) => a && a.score !== null && a.score < 1)
		.map((a) => `${a.title} (${a.displayValue ?? `score ${Math.round((a.score ?? 0) * 100)}`})`);
}

async function main(): Promise<void> {
	if (!existsSync(path.join(dist, 'index.html'))) {
		console.error('lighthouse: no dist/index.html; run npm run build first');
		process.exit(2);
	}
	const pages = process.env.LIGHTHOUSE_PAGES?.split(',').map((p) => p.trim()) ?? [
		'/',
		firstPage('lessons', '<trace-quiz'),
		fieldPage(),
		'/explain/',
		'/analyze/',
	];
	const keep = process.env.LIGHTHOUSE_JSON;
	if (keep) mkdirSync(keep, { recursive: true });

	const server = await startSite(['--gzip']);
	const profile = mkdtempSync(path.join(tmpdir(), 'lighthouse-chromium-'));
	let chromium: ChildProcess | undefined;
	const rows: { page: string; result: Result }[] = [];
	try {
		const started = await startChromium(profile);
		chromium = started.chromium;
		for (const page of pages) {
			const results: Result[] = [];
			for (let i = 0; i < runs; i++) {
				const run = await lighthouse(`${server.origin}${page}`, {
					port: started.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: [...categories],
				});
				if (!run) throw new Error(`Lighthouse returned nothing for ${page}`);
				if (run.lhr.runtimeError) throw new Error(`${page}: ${run.lhr.runtimeError.message}`);
				results.push(run.lhr);
			}
			// The run with the median performance score stands for the page.
			results.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
			const result = results[Math.floor(results.length / 2)];
			rows.push({ page, result });
			if (keep) {
				const name = page.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home';
				writeFileSync(path.join(keep, `${name}.json`), JSON.stringify(result, null, '\t'));
			}
			process.stderr.write(
				`  measured ${page} (performance ${results.map((r) => score(r, 'performance')).join(', ')})\n`,
			);
		}
	} finally {
		chromium?.kill();
		server.stop();
		rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
	}

	const width = Math.max(...rows.map((r) => r.page.length), 4);
	console.log(
		`${'page'.padEnd(width)}  perf  a11y  best   seo  ${'LCP'.padStart(8)}  ${'TBT'.padStart(8)}  ${'CLS'.padStart(6)}`,
	);
	for (const { page, result } of rows) {
		const cls = (result.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3);
		console.log(
			`${page.padEnd(width)}  ${categories.map((c) => String(score(result, c)).padStart(4)).join('  ')}  ` +
				`${ms(result, 'largest-contentful-paint').padStart(8)}  ${ms(result, 'total-blocking-time').padStart(8)}  ${cls.padStart(6)}`,
		);
	}
	for (const { page, result } of rows) {
		for (const category of categories) {
			if (score(result, category) === 100) continue;
			console.log(`\n${page} ${result.categories[category].title} ${score(result, category)}:`);
			for (const title of failing(result, category)) console.log(`  - ${title}`);
		}
	}
}

await main();
