import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** What every page and widget must pass: WCAG 2.2, levels A and AA. */
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeScope {
	/** Only this part of the page (a CSS selector), where a test checks one widget's state. */
	include?: string;
	/** axe's best-practice rules too, beyond WCAG. */
	bestPractice?: boolean;
}

/** axe's WCAG violations on the page as it is now, one line each: the rule, its help, and where. */
export async function axeViolations(page: Page, { include, bestPractice = false }: AxeScope = {}): Promise<string[]> {
	// Legacy mode runs axe inside the page: the default opens a page of its own for every check, to
	// gather results from frames of other origins, which this site never has.
	let builder = new AxeBuilder({ page }).withTags(bestPractice ? [...wcag, 'best-practice'] : wcag).setLegacyMode(true);
	// Violations alone: the passes on a long page (thousands of highlighted spans) are not worth sending back.
	builder = builder.options({ resultTypes: ['violations'] });
	if (include) builder = builder.include(include);
	const { violations } = await builder.analyze();
	return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
}
