/**
 * Fields of a `GODEBUG=inittrace=1` line (Go 1.16+), in print order:
 * `init internal/bytealg @0.008 ms, 0 ms clock, 0 bytes, 0 allocs`. The format reference does
 * not cover inittrace; these entries rest on the print statements in src/runtime/proc.go.
 */
import { defineFields } from '../fields.ts';

const MS_PRECISION =
	'fmtNSAsMS: 10 ms or more prints whole ms, truncated; below 10 ms two significant digits, ' +
	'truncated, at most three decimals; under 1 µs prints `0`';
const SOURCE = 'src/runtime/proc.go, doInit (doInit1 in newer releases)';

/** The inittrace catalogue. */
export const inittraceFields = defineFields([
	{
		key: 'inittrace/package',
		label: 'Package',
		printed: 'init # @…',
		unit: 'text',
		summary: 'The import path of the package whose init work this line measures.',
		since: 16,
		changes: [],
		source: `${SOURCE}: funcpkgpath(findfunc(…)) of the package's first init function`,
	},
	{
		key: 'inittrace/start',
		label: 'Start time',
		printed: '@# ms',
		unit: 'ms',
		precision: MS_PRECISION,
		summary:
			'Milliseconds from the start of runtime.main (runtimeInitTime) to the start of this ' + 'package’s init work.',
		since: 16,
		changes: [],
		source: `${SOURCE}: fmtNSAsMS(start-runtimeInitTime)`,
	},
	{
		key: 'inittrace/clock',
		label: 'Init time',
		printed: '# ms clock',
		unit: 'ms',
		precision: MS_PRECISION,
		summary:
			'Wall-clock time the package’s own init work took, waiting included; the packages it ' +
			'imports were initialised before the clock started.',
		since: 16,
		changes: [],
		source: `${SOURCE}: fmtNSAsMS(end-start)`,
	},
	{
		key: 'inittrace/bytes',
		label: 'Bytes allocated',
		printed: '# bytes',
		unit: 'bytes',
		summary:
			'Heap bytes the init goroutine allocated while running this package’s init work, ' +
			'each object counted at its rounded-up size-class size; goroutines the init work ' +
			'starts are not counted.',
		since: 16,
		changes: [],
		source:
			`${SOURCE}: after.bytes-before.bytes; inittrace.bytes is added to in mallocgc ` +
			'(postMallocgcDebug in Go 1.26) only when inittrace.id == getg().goid',
	},
	{
		key: 'inittrace/allocs',
		label: 'Allocations',
		printed: '# allocs',
		unit: 'count',
		summary:
			'Heap allocations (mallocgc calls) the init goroutine made while running this ' +
			'package’s init work; goroutines the init work starts are not counted.',
		since: 16,
		changes: [],
		source:
			`${SOURCE}: after.allocs-before.allocs; inittrace.allocs is added to in mallocgc ` +
			'(preMallocgcDebug in Go 1.26) only when inittrace.id == getg().goid',
	},
]);
