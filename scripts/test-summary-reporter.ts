/**
 * A `node --test` reporter that prints one closing line, `N passed, N failed`, counting
 * tests and not the suites that group them. Used beside the spec reporter.
 */
interface TestEvent {
	type: string;
	data: { details?: { type?: string }; skip?: unknown; todo?: unknown };
}

export default async function* summary(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	for await (const event of source) {
		if (event.data.details?.type === 'suite') continue;
		if (event.type === 'test:pass') {
			if (event.data.skip || event.data.todo) skipped++;
			else passed++;
		} else if (event.type === 'test:fail') failed++;
	}
	yield `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}
