/**
 * `<godebug-line>`: a trace line annotated field by field inside someone else's page. A blogger
 * writes `<script type="module" src="https://…/embed.js"></script>` and
 * `<godebug-line>gc 1 @0.019s 0%: …</godebug-line>`; readers see the annotation the site's own
 * pages show, each field linked to its page on the site. The element's text is never changed, so
 * without JavaScript (or for a feed reader) the line still reads as written. Styles live in a
 * shadow root, so the host's styles neither reach in nor are touched.
 */
import { explainUrl, fieldUrl } from '../present/urls.ts';
import { renderTraceLine } from '../present/trace-line-html.ts';
import { parseLine } from '../trace/index.ts';

/** The stylesheet, put in by the bundler (src/pages/embed.js.ts) from the site's own styles. */
declare const EMBED_CSS: string;

/** The site this script was loaded from (`https://host/base/`): links go there, under its base path. */
const siteRoot = new URL('./', import.meta.url);
const absolute = (path: string): string => new URL(path, siteRoot.origin).href;

let count = 0;

/** One line's annotation, with every link made absolute and pointing at the site's pages. */
function annotate(line: string): string {
	count += 1;
	const base = siteRoot.pathname;
	const html = renderTraceLine(parseLine(line), { id: `gl${count}`, base, collapsed: true });
	const template = document.createElement('template');
	template.innerHTML = html;
	for (const link of template.content.querySelectorAll<HTMLAnchorElement>('a[href]')) {
		const key = link.dataset.key;
		// Fields go to their page; an in-page anchor would not reach into a shadow root anyway.
		if (link.classList.contains('tok')) {
			link.href = absolute(key ? fieldUrl(key, base) : explainUrl(line, undefined, base));
		} else if (link.getAttribute('href')?.startsWith('/')) {
			link.href = absolute(link.getAttribute('href')!);
		}
	}
	const credit = document.createElement('p');
	credit.className = 'credit';
	const open = document.createElement('a');
	open.href = absolute(explainUrl(line, undefined, base));
	open.textContent = 'Open in GODEBUG Explained';
	credit.append(open);
	template.content.append(credit);
	const wrapper = document.createElement('div');
	wrapper.className = 'godebug-embed';
	wrapper.append(template.content);
	return wrapper.outerHTML;
}

class GodebugLine extends HTMLElement {
	connectedCallback(): void {
		if (this.shadowRoot) return;
		// Only the ends are trimmed of the line breaks around it: a dump's P, M and G lines begin
		// with two spaces, as the runtime prints them.
		const lines = (this.textContent ?? '')
			.split('\n')
			.map((l) => l.trimEnd())
			.filter((l) => l.trim() !== '');
		if (lines.length === 0) return;
		const root = this.attachShadow({ mode: 'open' });
		// A constructed stylesheet: a page's content security policy does not apply to it, as it
		// would to a <style> element (this site's own /embed/ page allows styles only by hash).
		const sheet = new CSSStyleSheet();
		sheet.replaceSync(EMBED_CSS);
		root.adoptedStyleSheets = [sheet];
		root.innerHTML = lines.map(annotate).join('');
	}
}

if (!customElements.get('godebug-line')) customElements.define('godebug-line', GodebugLine);
