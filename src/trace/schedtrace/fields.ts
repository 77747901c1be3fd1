/**
 * Fields of a `GODEBUG=schedtrace=X` line, in the order the runtime prints them.
 * Source: `schedtrace` in src/runtime/proc.go (Go 1.6+; proc1.go in 1.5; the C function
 * `runtime·schedtrace` in src/pkg/runtime/proc.c for 1.2–1.3 and src/runtime/proc.c for 1.4).
 * The runtime documentation never lists these fields, so every meaning comes from the code.
 */
import { defineFields } from '../fields.ts';

/** The schedtrace line's fields, in print order. */
export const schedtraceFields = defineFields([
	{
		key: 'schedtrace/elapsed',
		label: 'Elapsed time',
		printed: 'SCHED #ms:',
		unit: 'ms',
		precision: 'Whole milliseconds, truncated.',
		summary:
			'Milliseconds since the first schedtrace line was printed (so the first line always ' +
			'says 0ms), which is close to, but not the same as, the start of the program.',
		since: 2,
		changes: [],
		source: 'src/runtime/proc.go, schedtrace: (now-starttime)/1e6, starttime set on the first call',
	},
	{
		key: 'schedtrace/gomaxprocs',
		label: 'GOMAXPROCS',
		printed: 'gomaxprocs=#',
		unit: 'count',
		summary: 'The number of Ps, the slots that may run Go code at the same time: the GOMAXPROCS setting.',
		since: 2,
		changes: [],
		source: 'src/runtime/proc.go, schedtrace: gomaxprocs',
	},
	{
		key: 'schedtrace/idleprocs',
		label: 'Idle Ps',
		printed: 'idleprocs=#',
		unit: 'count',
		summary:
			'How many Ps are on the idle list, running neither Go code nor the scheduler; 0 means no ' +
			'P is idle, not that every P is running a goroutine.',
		since: 2,
		changes: [],
		source: 'src/runtime/proc.go, schedtrace: sched.npidle (sched.npidle.Load() from Go 1.20)',
	},
	{
		key: 'schedtrace/threads',
		label: 'Threads',
		printed: 'threads=#',
		unit: 'count',
		summary:
			'How many OS threads (Ms) the runtime has created and that have not exited, whether ' +
			'running, idle, blocked in a system call or serving the runtime (such as sysmon), so ' +
			'not only the threads in use.',
		since: 2,
		changes: [
			{
				go: 10,
				note: 'Counted as created minus freed Ms (mcount()); before Go 1.10 an M could never exit.',
			},
		],
		source: 'src/runtime/proc.go, schedtrace: mcount() = sched.mnext - sched.nmfreed ' + '(sched.mcount in Go 1.2–1.9)',
	},
	{
		key: 'schedtrace/spinningthreads',
		label: 'Spinning threads',
		printed: 'spinningthreads=#',
		unit: 'count',
		summary: 'How many Ms are out of work and actively looking for goroutines to run (spinning).',
		since: 4,
		changes: [
			{
				go: 4,
				note:
					'Added to this line; Go 1.2–1.3 printed the same count only in the scheddetail ' + 'header, as nmspinning=.',
			},
		],
		source: 'src/runtime/proc.go, schedtrace: sched.nmspinning (.Load() from Go 1.20)',
	},
	{
		key: 'schedtrace/needspinning',
		label: 'Need spinning',
		printed: 'needspinning=#',
		unit: 'flag',
		precision: 'Always printed as 1 or 0 (a uint32 used as a flag).',
		summary:
			'1 when work was submitted but no idle P could be woken for it, so the scheduler needs an ' +
			'M to start spinning; 0 otherwise.',
		since: 20,
		changes: [],
		source: 'src/runtime/proc.go, schedtrace: sched.needspinning.Load()',
	},
	{
		key: 'schedtrace/idlethreads',
		label: 'Idle threads',
		printed: 'idlethreads=#',
		unit: 'count',
		summary:
			'How many Ms are parked on the idle list waiting for work; idle Ms locked to a goroutine ' +
			'are counted separately, as nmidlelocked in the scheddetail header.',
		since: 2,
		changes: [],
		source: 'src/runtime/proc.go, schedtrace: sched.nmidle',
	},
	{
		key: 'schedtrace/runqueue',
		label: 'Global run queue',
		printed: 'runqueue=#',
		unit: 'count',
		summary:
			'How many runnable goroutines wait in the global run queue that all Ps share; the ' +
			'per-P queues are the bracket that follows.',
		since: 2,
		changes: [],
		source: 'src/runtime/proc.go, schedtrace: sched.runqsize (sched.runq.size from Go 1.25)',
	},
	{
		key: 'schedtrace/local-runqueues',
		label: 'Local run queues',
		printed: '[# # …]',
		unit: 'list',
		summary:
			"One number per P, in order P0, P1, …: how many runnable goroutines wait in that P's " +
			'local run queue, not counting the goroutine running on the P or (from Go 1.5) the one ' +
			'in its runnext slot.',
		since: 2,
		changes: [
			{
				go: 25,
				note: 'Printed with spaces inside the brackets, [ 0 0 ], and followed by ' + 'schedticks=[ … ].',
			},
		],
		source:
			'src/runtime/proc.go, schedtrace: t - h (runqtail - runqhead) for each P in allp, ' +
			'printed only when not detailed',
	},
	{
		key: 'schedtrace/schedticks',
		label: 'Schedule ticks',
		printed: 'schedticks=[ # # … ]',
		unit: 'list',
		precision: 'Running totals: subtract the previous line to get a rate.',
		summary:
			'One number per P, in P order: a running total of the goroutines that P started on a ' +
			'fresh time slice; a goroutine that inherits the running time slice (the runnext ' +
			'hand-off) does not add to it.',
		since: 25,
		changes: [],
		source:
			'src/runtime/proc.go, schedtrace: pp.schedtick for each P in allp, ' +
			'printed only when not detailed; incremented in execute only when !inheritTime',
	},
]);
