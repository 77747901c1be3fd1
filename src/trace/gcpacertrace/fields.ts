/**
 * Fields of `GODEBUG=gcpacertrace=1` output, in print order within each line: the assist-ratio
 * line (cycle start), the end-of-mark controller line (`H_m_prev=…` in Go 1.5–1.17,
 * `N% CPU …` from Go 1.18) and the sweep-done line (Go 1.6+). Floats print as
 * `+2.500000e-001` through Go 1.25 and in shortest form from Go 1.26. Source: the format
 * reference §6.
 */
import { defineFields } from '../fields.ts';

const MIB_PRECISION = 'MiB truncated with >>20: `0 MB` means under 1 MiB';
const FLOAT_PRECISION =
	'7 significant digits (`+6.000000e-001`) through Go 1.25; shortest exact form (`0.6`) ' + 'from Go 1.26';
const FLOAT_CHANGE = { go: 26, note: 'Printed in shortest form (`0.6`), not `+6.000000e-001`.' };
const ASSIST_SOURCE = 'src/runtime/mgcpacer.go (mgc.go in older releases), gcControllerState.startCycle';
const CONTROLLER_SOURCE = 'src/runtime/mgc.go (later mgcpacer.go), gcControllerState.endCycle';
const PACER_SOURCE = 'src/runtime/mgcpacer.go, gcControllerState.endCycle';
// The old controller line is Go 1.5–1.17, and Go 1.18 kept it behind a GOEXPERIMENT.
const NOPACERREDESIGN_CHANGE = {
	go: 18,
	note: 'Printed only with GOEXPERIMENT=nopacerredesign; Go 1.19 removed the line.',
};
const SWEEP_SOURCE = 'src/runtime/mgcsweep.go, sweepone (activeSweep.end in newer releases)';
// activeSweep.end compared the sweeper count before its decrement, so the line never printed.
const SWEEP_DONE_GONE = {
	go: 19,
	note:
		'Never printed from Go 1.19 to 1.24: activeSweep.end tests the state before the ' +
		'decrement (`state != sweepDrainedMask`), so the last sweeper never matches.',
};
const SWEEP_DONE_BACK = { go: 25, note: 'Printed again: activeSweep.end tests `state-1`.' };

/** The gcpacertrace catalogue. */
export const gcpacertraceFields = defineFields([
	// `pacer: assist ratio=+6.000000e-001 (scan 3 MB in 7->8 MB) workers=1++0.000000e+000`
	{
		key: 'gcpacertrace/assist-ratio',
		label: 'Assist ratio',
		printed: 'assist ratio=#',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary: 'Scan work a goroutine owes as mark assist for each byte it allocates during this cycle.',
		since: 5,
		changes: [{ go: 6, note: 'Prints assistWorkPerByte, which replaced assistRatio.' }, FLOAT_CHANGE],
		source: `${ASSIST_SOURCE}: c.assistWorkPerByte (c.assistRatio in Go 1.5)`,
	},
	{
		key: 'gcpacertrace/heap-scan',
		label: 'Scannable heap',
		printed: '(scan # MB in …->… MB)',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary: 'The scannable part of the heap when the cycle started.',
		since: 5,
		changes: [],
		source: `${ASSIST_SOURCE}: memstats.heap_scan>>20 (gcController.heapScan from Go 1.18)`,
	},
	{
		key: 'gcpacertrace/heap-live-start',
		label: 'Heap at start',
		printed: '(scan … MB in #->… MB)',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary: 'The heap-live counter when the cycle started.',
		since: 5,
		changes: [],
		source: `${ASSIST_SOURCE}: work.initialHeapLive>>20`,
	},
	{
		key: 'gcpacertrace/heap-goal',
		label: 'Heap goal',
		printed: '(scan … MB in …-># MB)',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary:
			'The heap goal this cycle starts out paced toward, after the runtime raised it to leave ' +
			'at least some room above the heap at the start (1 MiB through Go 1.17, 64 KiB from 1.18).',
		since: 5,
		changes: [
			{ go: 8, note: 'Read from memstats.next_gc.' },
			{ go: 18, note: 'Read from c.heapGoal in the redesigned pacer; the minimum room is 64 KiB, not 1 MiB.' },
			{ go: 19, note: 'Read from the goal computed by gcController.trigger() (heapGoalInternal’s minRunway).' },
		],
		source: `${ASSIST_SOURCE}: heapGoal>>20 (c.heapGoal in Go 1.5–1.7 and 1.18, memstats.next_gc in 1.8–1.17)`,
	},
	{
		key: 'gcpacertrace/dedicated-workers',
		label: 'Dedicated workers',
		printed: 'workers=#+…',
		unit: 'count',
		summary:
			'How many dedicated background mark workers this cycle runs, each taking a whole P: ' +
			'GOMAXPROCS/4 rounded to the nearest whole number when that is within 30% of it.',
		since: 5,
		changes: [{ go: 10, note: 'Rounded to the nearest whole number; Go 1.5–1.9 rounded GOMAXPROCS/4 down.' }],
		source: `${ASSIST_SOURCE}: c.dedicatedMarkWorkersNeeded`,
	},
	{
		key: 'gcpacertrace/fractional-workers',
		label: 'Fractional workers',
		printed: 'workers=…+#',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary:
			'The fractional mark worker goal: a whole number of fractional workers in Go 1.5–1.9, ' +
			'the share of a P they should use from Go 1.10.',
		since: 5,
		changes: [
			{
				go: 10,
				note: 'Now fractionalUtilizationGoal, a float; with its sign it prints as ' + '`1++0.000000e+000`.',
			},
			FLOAT_CHANGE,
		],
		source: `${ASSIST_SOURCE}: ` + 'c.fractionalUtilizationGoal (c.fractionalMarkWorkersNeeded before Go 1.10)',
	},

	// Go 1.5–1.17: `pacer: H_m_prev=4194304 h_t=+7.000000e-001 H_T=7130316 …`
	{
		key: 'gcpacertrace/prev-heap-marked',
		label: 'Previous marked heap (H_m_prev)',
		printed: 'H_m_prev=#',
		unit: 'bytes',
		summary: 'Bytes the previous cycle marked as live.',
		since: 5,
		until: 18,
		changes: [NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: H_m_prev = memstats.heap_marked (c.heapMarked later)`,
	},
	{
		key: 'gcpacertrace/trigger-ratio',
		label: 'Trigger ratio (h_t)',
		printed: 'h_t=#',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary: 'Heap growth over the previous marked heap at which this cycle was set to start.',
		since: 5,
		until: 18,
		changes: [NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: h_t = memstats.triggerRatio (c.triggerRatio later)`,
	},
	{
		key: 'gcpacertrace/trigger-heap',
		label: 'Trigger heap (H_T)',
		printed: 'H_T=#',
		unit: 'bytes',
		summary: 'The heap size in bytes at which this cycle was set to start.',
		since: 5,
		until: 18,
		changes: [{ go: 8, note: 'Read from memstats.gc_trigger instead of memstats.next_gc.' }, NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: H_T = memstats.gc_trigger (memstats.next_gc in Go 1.5–1.7)`,
	},
	{
		key: 'gcpacertrace/actual-growth-ratio',
		label: 'Actual growth ratio (h_a)',
		printed: 'h_a=#',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary: 'How much the heap actually grew over the previous marked heap by the end of mark.',
		since: 5,
		until: 18,
		changes: [NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: h_a = float64(H_a)/float64(H_m_prev) - 1`,
	},
	{
		key: 'gcpacertrace/actual-heap',
		label: 'Actual heap (H_a)',
		printed: 'H_a=#',
		unit: 'bytes',
		summary: 'The heap-live counter in bytes at the end of mark.',
		since: 5,
		until: 18,
		changes: [NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: H_a = memstats.heap_live (c.heapLive later)`,
	},
	{
		key: 'gcpacertrace/goal-growth-ratio',
		label: 'Goal growth ratio (h_g)',
		printed: 'h_g=#',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary:
			'The heap growth the GC aims for: GOGC/100 up to Go 1.9; by Go 1.14, the growth to the goal ' +
			'in force (gcEffectiveGrowthRatio), so the heap minimum and a late start’s raise show in it.',
		since: 5,
		until: 18,
		changes: [NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: h_g = goalGrowthRatio`,
	},
	{
		key: 'gcpacertrace/goal-heap',
		label: 'Goal heap (H_g)',
		printed: 'H_g=#',
		unit: 'bytes',
		summary:
			'The heap goal in bytes, the previous marked heap times 1 + h_g; up to Go 1.9 the GOGC ' +
			'goal alone, without the raise the assist line’s goal gets after a late start.',
		since: 5,
		until: 18,
		changes: [NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: H_g = int64(float64(H_m_prev) * (1 + h_g))`,
	},
	{
		key: 'gcpacertrace/actual-utilization',
		label: 'Actual utilization (u_a)',
		printed: 'u_a=#',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary:
			'The pacer’s mark utilization, the background share it assumes (0.25) plus the assist ' +
			'share it measured: not the CPU marking used, since idle marking is left out.',
		since: 5,
		until: 18,
		changes: [NOPACERREDESIGN_CHANGE],
		source:
			`${CONTROLLER_SOURCE}: u_a = utilization = gcGoalUtilization (gcBackgroundUtilization from ` +
			'Go 1.10) + assistTime / (assistDuration × GOMAXPROCS)',
	},
	{
		key: 'gcpacertrace/goal-utilization',
		label: 'Goal utilization (u_g)',
		printed: 'u_g=#',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary: 'The share of CPU the GC aims to use for marking: 0.25, or 0.30 from Go 1.10.',
		since: 5,
		until: 18,
		changes: [{ go: 10, note: 'gcGoalUtilization went from 0.25 to 0.30.' }, NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: u_g = gcGoalUtilization`,
	},
	{
		key: 'gcpacertrace/scan-work',
		label: 'Scan work (W_a)',
		printed: 'W_a=#',
		unit: 'bytes',
		summary: 'Scan work this cycle performed, in bytes.',
		since: 5,
		until: 18,
		changes: [NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: W_a = c.scanWork (c.heapScanWork later)`,
	},
	{
		key: 'gcpacertrace/goal-delta',
		label: 'Goal minus trigger (goalΔ)',
		printed: 'goalΔ=#',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary: 'The goal growth ratio minus the trigger ratio (h_g − h_t).',
		since: 5,
		until: 18,
		changes: [NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: goalGrowthRatio-h_t`,
	},
	{
		key: 'gcpacertrace/actual-delta',
		label: 'Actual minus trigger (actualΔ)',
		printed: 'actualΔ=#',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary: 'The actual growth ratio minus the trigger ratio (h_a − h_t).',
		since: 5,
		until: 18,
		changes: [NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: h_a-h_t`,
	},
	{
		key: 'gcpacertrace/utilization-ratio',
		label: 'Utilization ratio (u_a/u_g)',
		printed: 'u_a/u_g=#',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary:
			'u_a over u_g: above 1 means assists took more CPU than the goal left for them; with the ' +
			'assumed 0.25 in u_a it cannot fall below 1 in Go 1.5–1.9, or 0.83 in Go 1.10–1.17.',
		since: 5,
		until: 18,
		changes: [NOPACERREDESIGN_CHANGE],
		source: `${CONTROLLER_SOURCE}: u_a/u_g`,
	},

	// Go 1.18+: `pacer: 27% CPU (25 exp.) for 2621440+65536+131072 B work (2752512 B exp.) in …`
	{
		key: 'gcpacertrace/cpu-utilization',
		label: 'Mark utilization',
		printed: '#% CPU',
		unit: 'percent',
		precision: 'int(utilization*100), truncated',
		summary:
			'The pacer’s mark utilization this cycle: the 25% it assumes the background workers took, ' +
			'plus the assist share it measured, so it never prints below 25 and leaves out idle marking.',
		since: 18,
		changes: [],
		source:
			`${PACER_SOURCE}: int(utilization*100), utilization = gcBackgroundUtilization + ` +
			'assistTime / (assistDuration × procs)',
	},
	{
		key: 'gcpacertrace/cpu-utilization-goal',
		label: 'Mark CPU goal',
		printed: '(# exp.)',
		unit: 'percent',
		precision: 'int(gcGoalUtilization*100), truncated',
		summary: 'The mark utilization the pacer aims for, in percent: gcGoalUtilization, always 25.',
		since: 18,
		changes: [],
		source: `${PACER_SOURCE}: int(gcGoalUtilization * 100)`,
	},
	{
		key: 'gcpacertrace/heap-scan-work',
		label: 'Heap scan work',
		printed: 'for #+…+… B work',
		unit: 'bytes',
		summary: 'Heap scan work this cycle performed, in bytes.',
		since: 18,
		changes: [],
		source: `${PACER_SOURCE}: c.heapScanWork.Load()`,
	},
	{
		key: 'gcpacertrace/stack-scan-work',
		label: 'Stack scan work',
		printed: 'for …+#+… B work',
		unit: 'bytes',
		summary: 'Goroutine stack scan work this cycle performed, in bytes.',
		since: 18,
		changes: [],
		source: `${PACER_SOURCE}: c.stackScanWork.Load()`,
	},
	{
		key: 'gcpacertrace/globals-scan-work',
		label: 'Globals scan work',
		printed: 'for …+…+# B work',
		unit: 'bytes',
		summary: 'Global-variable scan work this cycle performed, in bytes.',
		since: 18,
		changes: [],
		source: `${PACER_SOURCE}: c.globalsScanWork.Load()`,
	},
	{
		key: 'gcpacertrace/expected-scan-work',
		label: 'Expected scan work',
		printed: '(# B exp.)',
		unit: 'bytes',
		summary: 'The scan work the pacer expected from the last cycle: heap plus stacks plus globals.',
		since: 18,
		changes: [],
		source: `${PACER_SOURCE}: c.lastHeapScan + c.lastStackScan + c.globalsScan`,
	},
	{
		key: 'gcpacertrace/heap-live-trigger',
		label: 'Heap at trigger',
		printed: 'in # B -> … B',
		unit: 'bytes',
		summary: 'The heap-live counter in bytes when this cycle was triggered.',
		since: 18,
		changes: [],
		source: `${PACER_SOURCE}: c.triggered (c.trigger in Go 1.18)`,
	},
	{
		key: 'gcpacertrace/heap-live-end',
		label: 'Heap at mark end',
		printed: 'in … B -> # B',
		unit: 'bytes',
		summary: 'The heap-live counter in bytes at the end of mark.',
		since: 18,
		changes: [],
		source: `${PACER_SOURCE}: c.heapLive.Load()`,
	},
	{
		key: 'gcpacertrace/goal-overshoot',
		label: 'Overshoot (∆goal)',
		printed: '(∆goal #, …)',
		unit: 'bytes',
		summary: 'The heap at mark end minus the heap goal, in bytes: positive means the heap ' + 'overshot its goal.',
		since: 18,
		changes: [],
		source: `${PACER_SOURCE}: int64(live)-int64(c.lastHeapGoal) (int64(c.heapLive)-int64(c.heapGoal) in Go 1.18)`,
	},
	{
		key: 'gcpacertrace/cons-mark',
		label: 'Cons/mark estimate',
		printed: 'cons/mark #)',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary: 'The pacer’s previous estimate of how fast the program allocates relative to how ' + 'fast the GC marks.',
		since: 18,
		changes: [FLOAT_CHANGE],
		source: `${PACER_SOURCE}: oldConsMark`,
	},
	{
		key: 'gcpacertrace/controller-reset',
		label: 'Controller reset',
		printed: '[controller reset]',
		unit: 'marker',
		summary:
			'Appended, with no space before it, when the pacer’s cons/mark controller reported that its update failed (`ok` false) and it was reset.',
		since: 18,
		until: 19,
		changes: [],
		source: `${PACER_SOURCE}: if !ok { print("[controller reset]") }`,
	},

	// `pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 1063 pages at …`
	{
		key: 'gcpacertrace/sweep-heap-live',
		label: 'Heap when sweep done',
		printed: 'heap size #MB',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary: 'The heap-live counter when the last span of the cycle was swept.',
		since: 6,
		changes: [SWEEP_DONE_GONE, SWEEP_DONE_BACK],
		source: `${SWEEP_SOURCE}: heapLive>>20`,
	},
	{
		key: 'gcpacertrace/sweep-allocated',
		label: 'Allocated during sweep',
		printed: 'allocated #MB during sweep',
		unit: 'MB',
		precision: MIB_PRECISION,
		summary:
			'How much the heap grew while sweeping (`MB during sweep`); Go 1.6–1.8 printed the ' +
			'span bytes allocated instead (`MB of spans`).',
		since: 6,
		changes: [
			{
				go: 9,
				note: 'Now heap growth since sweeping began, printed `MB during sweep` instead of `MB of ' + 'spans`.',
			},
			SWEEP_DONE_GONE,
			SWEEP_DONE_BACK,
		],
		source: `${SWEEP_SOURCE}: ` + '(live-mheap_.sweepHeapLiveBasis)>>20 (mheap_.spanBytesAlloc>>20 in Go 1.6–1.8)',
	},
	{
		key: 'gcpacertrace/pages-swept',
		label: 'Pages swept',
		printed: 'swept # pages',
		unit: 'count',
		summary: 'Pages swept in this sweep cycle.',
		since: 6,
		changes: [SWEEP_DONE_GONE, SWEEP_DONE_BACK],
		source: `${SWEEP_SOURCE}: mheap_.pagesSwept`,
	},
	{
		key: 'gcpacertrace/sweep-pages-per-byte',
		label: 'Sweep pace',
		printed: 'at # pages/byte',
		unit: 'ratio',
		precision: FLOAT_PRECISION,
		summary: 'The proportional sweep ratio: pages to sweep for each byte allocated.',
		since: 7,
		changes: [SWEEP_DONE_GONE, SWEEP_DONE_BACK, FLOAT_CHANGE],
		source: `${SWEEP_SOURCE}: mheap_.sweepPagesPerByte`,
	},
]);
