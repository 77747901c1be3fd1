/**
 * The site's addresses, one function each, so the base path a build is served under (`/` or
 * `/sub/`) is honoured everywhere: build-time pages, browser widgets and the CLI. Each returns a
 * path from the host's root (`/sub/reference/gctrace/`); `base` defaults to `/`.
 */
import type { TraceFormat } from '../trace/index.ts';

/** The site's public address when a build names none (`SITE_URL`): link previews, the sitemap and the CLI's links. */
export const publishedSite = 'https://godebug-explained.dev/';

/** `base` with exactly one slash at each end: '' and '/' are the root, 'sub' is '/sub/'. */
function normalBase(base: string): string {
	const trimmed = base.replace(/^\/+|\/+$/g, '');
	return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Any page or file of the site: `path` is relative to the site's root (a leading slash is allowed). */
export function siteUrl(path: string, base = '/'): string {
	return normalBase(base) + path.replace(/^\/+/, '');
}

export function homeUrl(base = '/'): string {
	return siteUrl('', base);
}

export function referenceUrl(base = '/'): string {
	return siteUrl('reference/', base);
}

/** A trace format's page, listing its fields. */
export function formatUrl(format: TraceFormat, base = '/'): string {
	return siteUrl(`reference/${format}/`, base);
}

/** A field's page; `key` is its catalogue key (`gctrace/heap-live`). */
export function fieldUrl(key: string, base = '/'): string {
	return siteUrl(`reference/${key}/`, base);
}

export function lessonsUrl(base = '/'): string {
	return siteUrl('lessons/', base);
}

/** A lesson's page; `slug` is its id (`spotting-a-goroutine-leak`), its folder without the number. */
export function lessonUrl(slug: string, base = '/'): string {
	return siteUrl(`lessons/${slug}/`, base);
}

/**
 * Lessons that were folded into another, by their old slug: `/lessons/<old>/` stays a page that
 * sends old links and bookmarks on to the lesson that now holds its content.
 */
export const movedLessons: Readonly<Record<string, string>> = {
	'more-ps': 'generating-a-scheduler-trace',
};

/** `/explain/`, showing `line` annotated when given, with field `field` selected on arrival. */
export function explainUrl(line?: string, field?: string, base = '/'): string {
	const query = line === undefined ? '' : `?line=${encodeURIComponent(line)}`;
	return siteUrl(`explain/${query}${field ? `#field=${field}` : ''}`, base);
}

export function analyzeUrl(base = '/'): string {
	return siteUrl('analyze/', base);
}

/** The fragment that makes /analyze/ watch a live program (`explain --watch` serves the page). */
export const watchFragment = 'watch';

/** /analyze/ watching the program `explain --watch` runs: only that command's server answers it. */
export function watchPageUrl(base = '/'): string {
	return `${analyzeUrl(base)}#${watchFragment}`;
}

/** The stream of the watched program's lines (server-sent events) beside the page. */
export function watchEventsUrl(base = '/'): string {
	return siteUrl('analyze/watch-events', base);
}

/** A real capture as a plain text file (`gctrace/go1.26-web-load.txt`), for the analyzer's examples. */
export function captureFileUrl(file: string, base = '/'): string {
	return siteUrl(`analyze/captures/${file}`, base);
}

/** The practice page; `query` is a practice query (`?seed=…&topics=…&count=…`, from `practiceQuery`) or ''. */
export function practiceUrl(query = '', base = '/'): string {
	return siteUrl(`practice/${query}`, base);
}

/** The practice lines the practice pages fetch. */
export function practiceLinesUrl(base = '/'): string {
	return siteUrl('practice/lines.json', base);
}

/** A review set: questions on the fields the learner has due (see src/trace/quiz/mastery.ts). */
export function reviewUrl(base = '/'): string {
	return siteUrl('practice/?review=1', base);
}

/** The learner's progress: fields read reliably, missed, not met; export and import. */
export function progressUrl(base = '/'): string {
	return siteUrl('progress/', base);
}

export function teachUrl(base = '/'): string {
	return siteUrl('teach/', base);
}

/** The printable worksheet of a practice set; `query` as for `practiceUrl`. */
export function worksheetUrl(query = '', base = '/'): string {
	return siteUrl(`teach/worksheet/${query}`, base);
}

export function searchUrl(base = '/'): string {
	return siteUrl('search/', base);
}

/**
 * A page's link-preview image; `pagePath` is the page's path from the site's root (`reference/gctrace/heap-live/`,
 * '' for the home page), without the base path. JPEG: flat cards of text, quick to draw.
 */
export function previewImageUrl(pagePath: string, base = '/'): string {
	const page = pagePath.replace(/^\/+|\/+$/g, '').replace(/(^|\/)index\.html$|\.html$/, '');
	return siteUrl(`og/${page === '' ? 'index' : page}.jpg`, base);
}

/** The GC lab; `query` is a lab query (`?gogc=…`, from `labQuery`) or ''. */
export function labUrl(query = '', base = '/'): string {
	return siteUrl(`lab/${query}`, base);
}

/** The GC lab's WebAssembly and the loader from the same Go installation (scripts/build-lab.ts). */
export function labWasmUrl(base = '/'): string {
	return siteUrl('lab/gclab.wasm', base);
}

export function labLoaderUrl(base = '/'): string {
	return siteUrl('lab/wasm_exec.js', base);
}

/** The cross-walk from every field to the production metrics that carry it. */
export function productionUrl(base = '/'): string {
	return siteUrl('reference/production/', base);
}

/** Every lesson's quiz questions as JSON, for the classroom page's LMS downloads. */
export function lessonQuizzesUrl(base = '/'): string {
	return siteUrl('teach/lesson-quizzes.json', base);
}

/** What a learner needs to run the lessons' steps: the example programs, `hey`, the Go releases used. */
export function setupUrl(base = '/'): string {
	return siteUrl('setup/', base);
}

/** An example program as a .zip (`slug` from `programSlug`: `godebug`). */
export function exampleZipUrl(slug: string, base = '/'): string {
	return siteUrl(`setup/${slug}.zip`, base);
}

/** One file of an example program, as plain text; `file` is its path inside the program's folder. */
export function exampleFileUrl(slug: string, file: string, base = '/'): string {
	return siteUrl(`setup/${slug}/${file}`, base);
}

/** What changed in each trace format across Go releases. */
export function changesUrl(base = '/'): string {
	return siteUrl('reference/changes/', base);
}
