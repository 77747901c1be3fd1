/**
 * The published site the CLI links to. A terminal makes a full URL clickable, so every page
 * the CLI names is printed as one: the site's origin joined to the path `src/present/urls.ts`
 * gives, under the site's base path.
 */
import { publishedSite } from '../present/urls.ts';

/** The environment variable that points the CLI at another copy of the site (a fork, a sub-path host). */
export const siteVariable = 'GODEBUG_EXPLAINED_SITE';

export interface Site {
	/** The base path the site is served under (`/`, or `/godebug-explained/` on a project page). */
	base: string;
	/** A path from the host's root (as `src/present/urls.ts` returns it) as a full URL. */
	link(pathFromRoot: string): string;
}

/**
 * The site at `address` (`https://example.org/sub/`): its origin, and its path as the base.
 * Returns a sentence saying what is wrong when `address` is not an http(s) URL.
 */
export function siteAt(address: string): Site | string {
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return `"${address}" is not a URL; expected the site's address, such as ${publishedSite}`;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return `"${address}" is not an http or https address; expected the site's address, such as ${publishedSite}`;
	const origin = url.origin;
	return { base: url.pathname, link: (pathFromRoot) => new URL(pathFromRoot, origin).href };
}
