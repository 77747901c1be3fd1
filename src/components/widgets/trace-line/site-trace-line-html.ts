/** The annotated-line HTML for pages' own scripts, with field links under the site's base path. */
import type { ParsedLine } from '../../../trace/index.ts';
import { renderTraceLine as render, type RenderOptions } from '../../../present/trace-line-html.ts';
import { siteBase } from '../../shared/site-base.ts';

export function renderTraceLine(parsed: ParsedLine, opts: RenderOptions): string {
	return render(parsed, { base: siteBase, ...opts });
}
