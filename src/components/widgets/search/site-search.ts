/**
 * `<site-search>`: runs the query in `?q=` (and each new one) against the Pagefind index built
 * after `astro build`, and lists the results as links with an excerpt. Fields the query names
 * (a printed token such as `needspinning`, a label, a key) come first, from the catalogue entries
 * the page carries; a word no page contains is said so, not answered with Pagefind's fallback.
 */
import { fieldsNamedBy, nearestPrintedWord, type FieldSearchEntry } from '../../../present/field-search.ts';
import { searchUrl, siteUrl } from '../../../present/urls.ts';
import { siteBase } from '../../shared/site-base.ts';
import { hasWordStarting, pagefindQuery, queryTerms } from './search-terms.ts';

interface PagefindResult {
	url: string;
	excerpt: string;
	content: string;
	meta: { title?: string };
}
interface Pagefind {
	search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const MAX_RESULTS = 20;
/** Results read before deciding: enough to see whether a word really is in them. */
const CANDIDATES = 40;

class SiteSearch extends HTMLElement {
	private pagefind: Promise<Pagefind> | null = null;
	private fields: FieldSearchEntry[] = [];

	connectedCallback(): void {
		const form = this.querySelector('form')!;
		const input = this.querySelector('input')!;
		this.fields = JSON.parse(this.querySelector('.search-fields')?.textContent ?? '[]') as FieldSearchEntry[];
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

	/** The query's words no page contains: not in the pages found, and not a word of the index (a quoted search). */
	private async absentTerms(pagefind: Pagefind, terms: string[], found: PagefindResult[]): Promise<string[]> {
		const absent: string[] = [];
		for (const term of terms) {
			if (found.some((r) => hasWordStarting(`${r.meta.title ?? ''} ${r.content}`, term))) continue;
			// A quoted search matches the word and its forms (scheduling: scheduler), never a shorter word.
			if ((await pagefind.search(`"${term}"`)).results.length === 0) absent.push(term);
		}
		return absent;
	}

	private async run(query: string): Promise<void> {
		const status = this.querySelector<HTMLElement>('.search-status')!;
		const list = this.querySelector<HTMLElement>('.search-results')!;
		const hint = this.querySelector<HTMLElement>('.search-hint')!;
		list.replaceChildren();
		hint.replaceChildren();
		const searched = pagefindQuery(query);
		const terms = queryTerms(searched);
		const fields = fieldsNamedBy(query, this.fields);
		if (!terms.length && !fields.length) {
			status.textContent = 'Type a word to search for, such as idleprocs or heap goal.';
			return;
		}
		status.textContent = 'Searching…';
		let pages: PagefindResult[] = [];
		let absent: string[] = [];
		try {
			if (terms.length) {
				const pagefind = await this.load();
				const search = await pagefind.search(searched);
				const found = await Promise.all(search.results.slice(0, CANDIDATES).map((r) => r.data()));
				absent = await this.absentTerms(pagefind, terms, found);
				const fieldUrls = new Set(fields.map((f) => f.url));
				if (!absent.length) pages = found.filter((r) => !fieldUrls.has(r.url));
			}
		} catch {
			if (!fields.length) {
				status.textContent = 'The search index could not be loaded. Every field is listed in the reference.';
				return;
			}
		}
		pages = pages.slice(0, Math.max(0, MAX_RESULTS - fields.length));
		const count = fields.length + pages.length;
		if (count === 0) {
			const words = absent.length ? absent : terms;
			status.textContent = `No page contains ${words.map((w) => `“${w}”`).join(' or ')}.`;
			this.suggest(hint, words);
			return;
		}
		status.textContent = `${count} ${count === 1 ? 'page matches' : 'pages match'} “${query.trim()}”.`;
		for (const f of fields) list.append(this.fieldItem(f));
		for (const r of pages) list.append(this.pageItem(r));
	}

	/** What to try next after a search that found nothing: a field token one or two letters away, and the reference. */
	private suggest(hint: HTMLElement, words: string[]): void {
		const near = words.map((w) => nearestPrintedWord(w, this.fields)).find((w) => w !== null);
		if (near) {
			const link = document.createElement('a');
			link.href = `${searchUrl(siteBase)}?q=${encodeURIComponent(near)}`;
			link.textContent = near;
			hint.append('Did you mean ', link, '? ');
		}
		hint.append('Check the spelling, or search for the start of a word (sched finds schedtrace and scheduler).');
	}

	private fieldItem(f: FieldSearchEntry): HTMLLIElement {
		const item = document.createElement('li');
		item.className = 'search-field';
		const link = document.createElement('a');
		link.href = f.url;
		const format = f.key.split('/')[0];
		// The format tells apart fields of one name (gctrace's and gcpacertrace's heap goal).
		link.textContent = `Field: ${f.label} (${format})`;
		const about = document.createElement('p');
		const printed = document.createElement('code');
		printed.textContent = f.printed;
		const formatName = document.createElement('code');
		formatName.textContent = format;
		about.append('Printed as ', printed, ' in ', formatName, ' output.');
		item.append(link, about);
		return item;
	}

	private pageItem(r: PagefindResult): HTMLLIElement {
		const item = document.createElement('li');
		const link = document.createElement('a');
		link.href = r.url;
		link.textContent = r.meta.title ?? r.url;
		const excerpt = document.createElement('p');
		// Pagefind's excerpt is text from our own pages with <mark> around the matches.
		excerpt.innerHTML = r.excerpt;
		item.append(link, excerpt);
		return item;
	}
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
