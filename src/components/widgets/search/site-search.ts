/**
 * `<site-search>`: runs the query in `?q=` (and each new one) against the Pagefind index built
 * after `astro build`, and lists the results as links with an excerpt.
 */
import { siteUrl } from '../../../present/urls.ts';
import { siteBase } from '../../shared/site-base.ts';

interface PagefindResult {
	url: string;
	excerpt: string;
	meta: { title?: string; printed?: string };
}
interface Pagefind {
	search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const MAX_RESULTS = 20;
/** Results read before ordering: enough to find a field page that prints the query. */
const CANDIDATES = 40;

/**
 * A field page whose printed form contains the query (`needspinning`, `MB goal`) is what a
 * reader searching for a token from a trace line wants, so it comes first.
 */
function printsQuery(result: PagefindResult, query: string): boolean {
	const printed = result.meta.printed?.toLowerCase();
	const words = query.toLowerCase().trim().split(/\s+/).join(' ');
	return printed !== undefined && words !== '' && printed.replace(/[#…]/g, ' ').replace(/\s+/g, ' ').includes(words);
}

class SiteSearch extends HTMLElement {
	private pagefind: Promise<Pagefind> | null = null;

	connectedCallback(): void {
		const form = this.querySelector('form')!;
		const input = this.querySelector('input')!;
		const query = new URLSearchParams(location.search).get('q') ?? '';
		input.value = query;
		form.addEventListener('submit', (e) => {
			e.preventDefault();
			const url = new URL(location.href);
			url.searchParams.set('q', input.value);
			history.replaceState(null, '', url);
			void this.run(input.value);
		});
		if (query.trim()) void this.run(query);
		else input.focus();
	}

	private load(): Promise<Pagefind> {
		// The index is written next to the built pages, so it is loaded at run time, not bundled.
		const path = siteUrl('pagefind/pagefind.js', siteBase);
		this.pagefind ??= import(/* @vite-ignore */ path) as Promise<Pagefind>;
		return this.pagefind;
	}

	private async run(query: string): Promise<void> {
		const status = this.querySelector<HTMLElement>('.search-status')!;
		const list = this.querySelector<HTMLElement>('.search-results')!;
		list.replaceChildren();
		if (!query.trim()) {
			status.textContent = 'Type a word to search for, such as idleprocs or heap goal.';
			return;
		}
		status.textContent = 'Searching…';
		let results: PagefindResult[];
		try {
			const search = await (await this.load()).search(query);
			const candidates = await Promise.all(search.results.slice(0, CANDIDATES).map((r) => r.data()));
			const exact = candidates.filter((r) => printsQuery(r, query));
			results = [...exact, ...candidates.filter((r) => !exact.includes(r))].slice(0, MAX_RESULTS);
		} catch {
			status.textContent = 'The search index could not be loaded. Every field is listed in the reference.';
			return;
		}
		status.textContent = results.length
			? `${results.length} ${results.length === 1 ? 'page matches' : 'pages match'} “${query}”.`
			: `No page matches “${query}”.`;
		for (const r of results) {
			const item = document.createElement('li');
			const link = document.createElement('a');
			link.href = r.url;
			link.textContent = r.meta.title ?? r.url;
			const excerpt = document.createElement('p');
			// Pagefind's excerpt is text from our own pages with <mark> around the matches.
			excerpt.innerHTML = r.excerpt;
			item.append(link, excerpt);
			list.append(item);
		}
	}
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
