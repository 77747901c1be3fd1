/** Links that show a trace line annotated on /explain/, optionally with one field selected. */
export function explainUrl(origin: string, line: string, fieldKey?: string): string {
	const url = new URL('/explain/', origin);
	url.searchParams.set('line', line);
	if (fieldKey) url.hash = `field=${fieldKey}`;
	return url.href;
}
