import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

// The sampled pages differ per run: say, first and last, how to check the same ones again.
const seedLine = () =>
	`Page sample seed: ${process.env.E2E_SAMPLE_SEED} (E2E_SAMPLE_SEED=${process.env.E2E_SAMPLE_SEED} repeats it)`;

/** Prints `N passed, N failed` and the page sample's seed after the list reporter's output. */
export default class SummaryReporter implements Reporter {
	private passed = 0;
	private failed = 0;
	private skipped = 0;

	onBegin(): void {
		process.stdout.write(`${seedLine()}\n`);
	}

	onTestEnd(test: TestCase, result: TestResult): void {
		// Count each test once, by its final outcome after any retries.
		if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
		if (result.status === 'passed') this.passed++;
		else if (result.status === 'skipped') this.skipped++;
		else this.failed++;
	}

	onEnd(_result: FullResult): void {
		const skipped = this.skipped ? `, ${this.skipped} skipped` : '';
		process.stdout.write(`${this.passed} passed, ${this.failed} failed${skipped}\n`);
		process.stdout.write(`${seedLine()}\n`);
	}

	printsToStdio(): boolean {
		return true;
	}
}
