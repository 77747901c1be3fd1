/** Turns parsed values into short readable text, shared by the site and the CLI. */
import type { FieldInfo, FieldUnit } from './fields.ts';
import type { Token } from './types.ts';

const unitSuffix: Partial<Record<FieldUnit, string>> = {
	ms: ' ms',
	us: ' µs',
	s: ' s',
	MB: ' MB',
	KiB: ' KiB',
	bytes: ' B',
	percent: '%',
};

/** The token's value as a reader should see it: as printed, with its unit (`0.022 ms`, `4 MB`). */
export function formatTokenValue(token: Token, field: FieldInfo | undefined): string {
	if (token.value === null) return `${token.text} (none)`;
	if (!field) return token.text;
	switch (field.unit) {
		case 'flag':
			return token.text === 'true' || token.text === 'false'
				? token.text
				: `${token.text} (${token.value ? 'true' : 'false'})`;
		case 'marker':
			return token.text;
		case 'text':
			return token.text === '' ? '(empty)' : token.text;
		default:
			return `${token.text}${unitSuffix[field.unit] ?? ''}`;
	}
}

/** Colour groups shared by the annotator and code-block highlighting; each also has its own underline style. */
export type FieldCategory = 'time' | 'memory' | 'count' | 'rate' | 'state';

const categoryOfUnit: Record<FieldUnit, FieldCategory> = {
	ms: 'time',
	us: 'time',
	s: 'time',
	MB: 'memory',
	KiB: 'memory',
	bytes: 'memory',
	count: 'count',
	id: 'count',
	list: 'count',
	percent: 'rate',
	ratio: 'rate',
	flag: 'state',
	status: 'state',
	text: 'state',
	marker: 'state',
};

/** The colour group of a field, from its unit. */
export function fieldCategory(field: FieldInfo): FieldCategory {
	return categoryOfUnit[field.unit];
}
