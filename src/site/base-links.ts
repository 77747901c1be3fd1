/**
 * Lessons and field texts write links from the site's root (`[lesson 6](/lessons/the-detailed-dump/)`).
 * This integration gives those links the site's base path at build time, so authors keep writing
 * root paths and the site still works when served under `/repo/`. Astro 7 renders Markdown and MDX
 * with Sätteri, whose plugins an integration adds to the configured processor's options.
 */
import type { AstroIntegration } from 'astro';
import { siteUrl } from '../present/urls.ts';

/** `url` with the base path when it is a path from the site's root (not `//host/…`); otherwise as written. */
export function withBase(url: string, base: string): string {
	return url.startsWith('/') && !url.startsWith('//') ? siteUrl(url, base) : url;
}

/** The parts of Sätteri's mdast plugin API used here (its types come with Astro, not from this project). */
interface UrlNode {
	url: string;
}
interface JsxNode {
	attributes: { type: string; name?: string; value?: unknown }[];
}
interface PluginContext {
	setProperty(node: object, key: string, value: unknown): void;
}

/** A Sätteri mdast plugin: Markdown links, link definitions and images, and `href`/`src` on MDX's JSX tags. */
export function baseLinksPlugin(base: string) {
	const url = (node: UrlNode, ctx: PluginContext) => {
		const rebased = withBase(node.url, base);
		if (rebased !== node.url) ctx.setProperty(node, 'url', rebased);
	};
	const jsx = (node: JsxNode, ctx: PluginContext) => {
		let changed = false;
		const attributes = node.attributes.map((attr) => {
			const isLink = attr.type === 'mdxJsxAttribute' && (attr.name === 'href' || attr.name === 'src');
			if (!isLink || typeof attr.value !== 'string') return attr;
			const value = withBase(attr.value, base);
			changed ||= value !== attr.value;
			return { ...attr, value };
		});
		if (changed) ctx.setProperty(node, 'attributes', attributes);
	};
	return {
		name: 'godebug-base-links',
		link: url,
		definition: url,
		image: url,
		mdxJsxFlowElement: jsx,
		mdxJsxTextElement: jsx,
	};
}

/** The integration: adds the plugin when the build has a base path other than `/`. */
export function baseLinks(): AstroIntegration {
	return {
		name: 'godebug-base-links',
		hooks: {
			'astro:config:setup': ({ config }) => {
				if (siteUrl('', config.base) === '/') return;
				const { processor } = config.markdown;
				if (processor.name !== 'satteri') {
					throw new Error(
						`Root links in lessons need the Sätteri Markdown processor to get the base path; found ${processor.name}.`,
					);
				}
				(processor.options as { mdastPlugins: unknown[] }).mdastPlugins.push(baseLinksPlugin(config.base));
			},
		},
	};
}
