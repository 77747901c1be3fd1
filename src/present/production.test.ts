import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oldestCheckedGo, runtimeMetrics, type MetricName } from '../trace/index.ts';
import { metricWords } from './production.ts';

test('a metric present in the oldest release checked is not said to have arrived there', () => {
	const names = Object.keys(runtimeMetrics) as MetricName[];
	const oldest = names.find((n) => runtimeMetrics[n].since === oldestCheckedGo)!;
	const newer = names.find((n) => runtimeMetrics[n].since > oldestCheckedGo)!;
	assert.equal(metricWords(oldest).releases, `Go 1.${oldestCheckedGo} and later, older not checked`);
	assert.equal(metricWords(newer).releases, `Go 1.${runtimeMetrics[newer].since} and later`);
});
