import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memLimitText, parseLabEvent } from './lab-output.ts';

test('the program’s lines give their event and values; other lines give null', () => {
	assert.deepEqual(
		parseLabEvent(
			'lab: start go=go1.26.8 os=js arch=wasm gomaxprocs=1 numcpu=1 gogc=100 gomemlimit=9223372036854775807 rate=20',
		),
		{
			event: 'start',
			values: {
				go: 'go1.26.8',
				os: 'js',
				arch: 'wasm',
				gomaxprocs: '1',
				numcpu: '1',
				gogc: '100',
				gomemlimit: '9223372036854775807',
				rate: '20',
			},
		},
	);
	assert.deepEqual(parseLabEvent('lab: end t=2.00 allocated=99.9 leaked=0.0 cycles=15')?.values.cycles, '15');
	assert.equal(parseLabEvent('gc 1 @0.032s 2%: 0.20+4.9+0.036 ms clock'), null);
	assert.equal(parseLabEvent('lab: unknown x=1'), null);
	assert.equal(parseLabEvent(''), null);
});

test('GOMEMLIMIT: the largest int64 is no limit, bytes are MiB', () => {
	assert.equal(memLimitText('9223372036854775807'), 'none');
	assert.equal(memLimitText(String(16 * 1024 * 1024)), '16 MiB');
	assert.equal(memLimitText(undefined), 'unknown');
});
