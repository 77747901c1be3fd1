/**
 * The decision guide and the normal ranges as a reader sees them: each finding as what you see,
 * what it means and what to run next, and each range's sources as links. The words themselves
 * live in the core (findings.ts, normal-ranges.ts); this adds the addresses.
 */
import { findingRules, getField, type FindingKind, type RangeSource } from '../trace/index.ts';

import { analyzeUrl, captureFileUrl, fieldUrl, lessonUrl } from './urls.ts';

/** Section labels, said the same on the analyzer page and in the lesson. */
export const decisionLabels = {
	see: 'What you see',
	means: 'What it means',
	next: 'What to run next',
	lesson: 'Lesson',
} as const;

export interface DecisionRow {
	kind: FindingKind;
	/** The finding's title: the pattern as it shows in the traces. */
	see: string;
	means: string;
	action: string;
	command: string;
	/** The rule's full statement on the analyzer page. */
	ruleUrl: string;
	/** The lesson's slug and address. */
	lesson: string;
	lessonUrl: string;
	fields: { label: string; url: string }[];
}

/** The anchor of a rule on the analyzer page. */
export function ruleAnchor(kind: FindingKind): string {
	return `rule-${kind}`;
}

/** Every finding rule as a row of the decision guide, in the rules' order. */
export function decisionRows(base = '/'): DecisionRow[] {
	return findingRules.map((rule) => ({
		kind: rule.kind,
		see: rule.title,
		means: rule.means,
		action: rule.next.action,
		command: rule.next.command,
		ruleUrl: `${analyzeUrl(base)}#${ruleAnchor(rule.kind)}`,
		lesson: rule.lesson,
		lessonUrl: lessonUrl(rule.lesson, base),
		fields: rule.fields.map((key) => ({ label: getField(key)?.label ?? key, url: fieldUrl(key, base) })),
	}));
}

/** A source of a normal range as a reader sees it: its words and, for a document or capture, a link. */
export interface SourceLink {
	/** What kind of source, in words: “Go runtime source”, “Go document”, “capture”. */
	kind: string;
	/** The file and symbol, the document's address, or the capture's path. */
	name: string;
	says: string;
	href: string | null;
}

const sourceKinds: Record<RangeSource['kind'], string> = {
	runtime: 'runtime source',
	doc: 'Go document',
	capture: 'capture',
};

export function sourceLink(source: RangeSource, base = '/'): SourceLink {
	return {
		kind: sourceKinds[source.kind],
		name: source.kind === 'runtime' ? `runtime/${source.where}` : source.where.replace(/^https:\/\//, ''),
		says: source.says,
		href: source.kind === 'doc' ? source.where : source.kind === 'capture' ? captureFileUrl(source.where, base) : null,
	};
}
