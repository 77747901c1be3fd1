/** Reads the YAML frontmatter of a Markdown or MDX file, for content checks outside Astro. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export function readFrontmatter(file: string): { data: Record<string, unknown>; body: string } {
	const text = readFileSync(file, 'utf8');
	const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
	if (!match) throw new Error(`${file} has no frontmatter block`);
	return { data: (parse(match[1]) ?? {}) as Record<string, unknown>, body: text.slice(match[0].length) };
}
