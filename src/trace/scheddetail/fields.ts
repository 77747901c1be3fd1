/**
 * Fields of a `GODEBUG=schedtrace=X,scheddetail=1` dump, in print order: the header fields
 * that end its `SCHED` line, then the P, M and G lines. Source: `schedtrace(detailed=true)` in
 * src/runtime/proc.go (Go 1.6+; proc1.go in 1.5; the C `runtime·schedtrace` in proc.c before).
 * Absent ids print `-1` through Go 1.19 and `nil` from 1.20 (commit 98e16488237b).
 */
import { defineFields } from '../fields.ts';

const SRC = 'src/runtime/proc.go, schedtrace';
const NIL_CHANGE = { go: 20, note: 'None prints nil instead of -1.' } as const;
const WORDS_CHANGE = {
	go: 5,
	note: 'Printed true/false instead of 1/0 (the runtime moved from C to Go).',
} as const;

/** The scheddetail header, P, M and G fields, in print order. */
export const scheddetailFields = defineFields([
	// The header: the end of the dump's SCHED line.
	{
		key: 'scheddetail/gcwaiting',
		label: 'GC waiting',
		printed: 'gcwaiting=#',
		unit: 'flag',
		summary: 'Whether a stop-the-world is pending or in effect ' + '(the runtime\'s "gc is waiting to run" flag).',
		since: 2,
		changes: [{ go: 20, note: 'Printed true/false instead of 1/0 (now an atomic.Bool).' }],
		source: `${SRC}: sched.gcwaiting (sched.gcwaiting.Load() from Go 1.20)`,
	},
	{
		key: 'scheddetail/nmidlelocked',
		label: 'Idle locked threads',
		printed: 'nmidlelocked=#',
		unit: 'count',
		summary: 'How many Ms locked to a goroutine (with runtime.LockOSThread) are parked waiting for work.',
		since: 2,
		changes: [],
		source: `${SRC}: sched.nmidlelocked`,
	},
	{
		key: 'scheddetail/nmspinning',
		label: 'Spinning threads',
		printed: 'nmspinning=#',
		unit: 'count',
		summary:
			'How many Ms are out of work and looking for goroutines to run: the count that Go 1.4 ' +
			'moved to the main line as spinningthreads=.',
		since: 2,
		until: 3,
		changes: [],
		source: 'src/pkg/runtime/proc.c, runtime·schedtrace: runtime·sched.nmspinning',
	},
	{
		key: 'scheddetail/stopwait',
		label: 'Ps left to stop',
		printed: 'stopwait=#',
		unit: 'count',
		summary: 'How many Ps still have to stop before a stop-the-world in progress is complete.',
		since: 2,
		changes: [],
		source: `${SRC}: sched.stopwait`,
	},
	{
		key: 'scheddetail/sysmonwait',
		label: 'Sysmon waiting',
		printed: 'sysmonwait=#',
		unit: 'flag',
		summary:
			"Whether sysmon, the runtime's background monitor thread, is in its deep sleep; it never " +
			'is while schedtrace is set, so only a crash dump with scheddetail alone can show true.',
		since: 2,
		changes: [{ go: 20, note: 'Printed true/false instead of 1/0 (now an atomic.Bool).' }],
		source:
			`${SRC}: sched.sysmonwait (sched.sysmonwait.Load() from Go 1.20); set only in sysmon, ` +
			'which skips its deep sleep when debug.schedtrace > 0',
	},

	// The P lines: one per P, P0 first.
	{
		key: 'scheddetail/p-id',
		label: 'P',
		printed: 'P#:',
		unit: 'id',
		summary: "The P's number, from 0 to GOMAXPROCS-1.",
		since: 2,
		changes: [],
		source: `${SRC}: i, the P's index in allp`,
	},
	{
		key: 'scheddetail/p-status',
		label: 'P status',
		printed: 'status=#',
		unit: 'status',
		summary:
			"The P's state as a number: 0 idle, 1 running, 2 in a system call (until Go 1.25), " +
			'3 stopped for a stop-the-world, 4 dead (GOMAXPROCS shrank).',
		since: 2,
		changes: [
			{
				go: 26,
				note: 'Status 2 (_Psyscall) is retired: a P in a system call is recognised by ' + "its goroutine's state.",
			},
		],
		source: `${SRC}: pp.status`,
	},
	{
		key: 'scheddetail/p-schedtick',
		label: 'Schedule ticks',
		printed: 'schedtick=#',
		unit: 'count',
		summary:
			'A running total for this P of the goroutines it started on a fresh time slice; from ' +
			'Go 1.5 a goroutine that inherits the running time slice (the runnext hand-off) does ' +
			'not add to it.',
		since: 2,
		changes: [
			{
				go: 5,
				note:
					'Counts only fresh time slices (execute with inheritTime false); up to Go 1.4 ' +
					'every goroutine started on the P counted.',
			},
		],
		source: `${SRC}: pp.schedtick, incremented in execute (proc.go) when !inheritTime`,
	},
	{
		key: 'scheddetail/p-syscalltick',
		label: 'System call ticks',
		printed: 'syscalltick=#',
		unit: 'count',
		summary: 'A running total for this P, incremented on every system call.',
		since: 2,
		changes: [],
		source: `${SRC}: pp.syscalltick`,
	},
	{
		key: 'scheddetail/p-m',
		label: "P's M",
		printed: 'm=#',
		unit: 'id',
		summary: 'The id of the M (OS thread) that owns this P, or none (-1 through Go 1.19, nil from 1.20).',
		since: 2,
		changes: [NIL_CHANGE],
		source: `${SRC}: pp.m.ptr().id, or -1/nil when there is none`,
	},
	{
		key: 'scheddetail/p-runqsize',
		label: 'Local run queue',
		printed: 'runqsize=#',
		unit: 'count',
		summary:
			"How many runnable goroutines wait in this P's local run queue: this P's entry in the " +
			'bracket of the plain schedtrace line.',
		since: 2,
		changes: [{ go: 3, note: 'The ring capacity after a slash (runqsize=0/128) is gone.' }],
		source: `${SRC}: t - h (runqtail - runqhead)`,
	},
	{
		key: 'scheddetail/p-runq-capacity',
		label: 'Run queue capacity',
		printed: 'runqsize=…/#',
		unit: 'count',
		summary:
			"The capacity of this P's run queue ring buffer, which started at 128 and doubled when " +
			'full; Go 1.3 replaced it with a fixed ring.',
		since: 2,
		until: 2,
		changes: [],
		source: 'src/pkg/runtime/proc.c, runtime·schedtrace: p->runqsize (s)',
	},
	{
		key: 'scheddetail/p-gfreecnt',
		label: 'Free G cache',
		printed: 'gfreecnt=#',
		unit: 'count',
		summary: 'How many dead goroutines this P keeps cached, ready to be reused for new goroutines.',
		since: 2,
		changes: [],
		source: `${SRC}: pp.gFree.size (p->gfreecnt until Go 1.11, gFree.n in 1.12–1.24)`,
	},
	{
		key: 'scheddetail/p-timerslen',
		label: 'Timers',
		printed: 'timerslen=#',
		unit: 'count',
		summary: "How many timers are in this P's timer heap.",
		since: 14,
		changes: [],
		source: `${SRC}: len(pp.timers.heap) (len(pp.timers) in Go 1.14–1.22)`,
	},

	// The M lines: one per M, walking allm, newest first.
	{
		key: 'scheddetail/m-id',
		label: 'M',
		printed: 'M#:',
		unit: 'id',
		summary: "The M's (OS thread's) id; the lines go from the newest M to the oldest, " + 'so ids usually descend.',
		since: 2,
		changes: [],
		source: `${SRC}: mp.id`,
	},
	{
		key: 'scheddetail/m-p',
		label: "M's P",
		printed: 'p=#',
		unit: 'id',
		summary: 'The id of the P attached to this M, or none (-1 through Go 1.19, nil from 1.20).',
		since: 2,
		changes: [NIL_CHANGE],
		source: `${SRC}: mp.p.ptr().id, or -1/nil when there is none`,
	},
	{
		key: 'scheddetail/m-curg',
		label: 'Current G',
		printed: 'curg=#',
		unit: 'id',
		summary: 'The id of the user goroutine running on this M, or none ' + '(-1 through Go 1.19, nil from 1.20).',
		since: 2,
		changes: [NIL_CHANGE],
		source: `${SRC}: mp.curg.goid, or -1/nil when there is none`,
	},
	{
		key: 'scheddetail/m-mallocing',
		label: 'Mallocing',
		printed: 'mallocing=#',
		unit: 'count',
		summary: 'Not 0 while the M is inside the memory allocator.',
		since: 2,
		changes: [],
		source: `${SRC}: mp.mallocing`,
	},
	{
		key: 'scheddetail/m-throwing',
		label: 'Throwing',
		printed: 'throwing=#',
		unit: 'count',
		summary: 'Not 0 while the M is throwing a fatal error; from Go 1.19 the number is the kind of throw.',
		since: 2,
		changes: [{ go: 19, note: 'A throwType, still printed as a number.' }],
		source: `${SRC}: mp.throwing`,
	},
	{
		key: 'scheddetail/m-gcing',
		label: 'GCing',
		printed: 'gcing=#',
		unit: 'count',
		summary:
			'Set while the M has stopped the world (for a collection or other stop-the-world work), one reason preemption is disabled; Go 1.5 replaced it with preemptoff=.',
		since: 2,
		until: 4,
		changes: [],
		source: 'src/pkg/runtime/proc.c (src/runtime/proc.c in Go 1.4), runtime·schedtrace: mp->gcing',
	},
	{
		key: 'scheddetail/m-preemptoff',
		label: 'Preempt-off reason',
		printed: 'preemptoff=#',
		unit: 'text',
		precision: 'Usually empty, printed as nothing between the "=" and " locks=": an empty value, not a missing field.',
		summary:
			'Why the runtime has turned off preemption on this M, as a short reason such as "gcing"; ' +
			'usually empty, meaning no such reason is set.',
		since: 5,
		changes: [{ go: 5, note: 'Replaced gcing=.' }],
		source: `${SRC}: mp.preemptoff`,
	},
	{
		key: 'scheddetail/m-locks',
		label: 'Lock depth',
		printed: 'locks=#',
		unit: 'count',
		summary: "The M's runtime lock depth: above 0 while it holds runtime-internal locks.",
		since: 2,
		changes: [],
		source: `${SRC}: mp.locks`,
	},
	{
		key: 'scheddetail/m-dying',
		label: 'Dying',
		printed: 'dying=#',
		unit: 'count',
		summary: 'Not 0 when the M is crashing.',
		since: 2,
		changes: [],
		source: `${SRC}: mp.dying`,
	},
	{
		key: 'scheddetail/m-helpgc',
		label: 'GC helper',
		printed: 'helpgc=#',
		unit: 'count',
		summary: "The M's garbage-collection helper index, from the GC helper mechanism removed in Go 1.12.",
		since: 2,
		until: 11,
		changes: [],
		source: `${SRC}: mp.helpgc`,
	},
	{
		key: 'scheddetail/m-spinning',
		label: 'Spinning',
		printed: 'spinning=#',
		unit: 'flag',
		summary: 'Whether the M is out of work and looking for goroutines to run.',
		since: 2,
		changes: [WORDS_CHANGE],
		source: `${SRC}: mp.spinning`,
	},
	{
		key: 'scheddetail/m-blocked',
		label: 'Blocked',
		printed: 'blocked=#',
		unit: 'flag',
		summary:
			'Whether the M is blocked on a note (parked); in Go 1.3–1.6 every line shows the flag of ' +
			'the M doing the printing instead, a runtime bug.',
		since: 3,
		changes: [WORDS_CHANGE, { go: 7, note: "Shows each M's own flag (mp.blocked); before, the printing M's flag." }],
		source: `${SRC}: mp.blocked ` + "(in Go 1.3–1.6 the printing M's flag: m->blocked, getg().m.blocked)",
	},
	{
		key: 'scheddetail/m-lockedg',
		label: 'Locked G',
		printed: 'lockedg=#',
		unit: 'id',
		summary:
			'The id of the goroutine locked to this M (runtime.LockOSThread), or none (-1 through ' +
			'Go 1.19, nil from 1.20).',
		since: 2,
		changes: [NIL_CHANGE],
		source: `${SRC}: mp.lockedg.ptr().goid, or -1/nil when there is none`,
	},

	// The G lines: one per G in allgs, dead ones included.
	{
		key: 'scheddetail/g-id',
		label: 'G',
		printed: 'G#:',
		unit: 'id',
		summary: 'The goroutine id; a dump lists every goroutine the runtime keeps, ' + 'dead ones (status 6) included.',
		since: 2,
		changes: [],
		source: `${SRC}: gp.goid`,
	},
	{
		key: 'scheddetail/g-status',
		label: 'G status',
		printed: 'status=#(…)',
		unit: 'status',
		summary:
			"The goroutine's state as a number: 1 runnable, 2 running, 3 in a system call, 4 waiting, " +
			'6 dead and so on, plus 4096 while the GC is scanning its stack.',
		since: 2,
		changes: [
			{ go: 4, note: 'Read with readgstatus: 7, 8 and the 4096 (_Gscan) bit can appear.' },
			{ go: 14, note: '9 (_Gpreempted) can appear.' },
			{ go: 26, note: '10 (_Gleaked) and 11 (_Gdeadextra) can appear.' },
		],
		source: `${SRC}: readgstatus(gp) (gp->status in Go 1.2–1.3)`,
	},
	{
		key: 'scheddetail/g-wait-reason',
		label: 'Wait reason',
		printed: 'status=…(#)',
		unit: 'text',
		precision:
			'Empty, printed "()", until the goroutine first parks, and again once it exits (dead ' +
			'goroutines, status 6); printed as is, so a reason can hold parentheses: "GC worker (idle)".',
		summary:
			'Why the goroutine last parked, such as "chan receive"; waking does not clear it, so it is ' +
			'current only with status 4 (waiting), and it is empty when the goroutine has not parked ' +
			'since it was created or reused.',
		since: 2,
		changes: [
			{ go: 11, note: 'Reasons come from a fixed table (waitReasonStrings).' },
			{ go: 20, note: '"timer goroutine (idle)" is gone.' },
		],
		source: `${SRC}: gp.waitreason.String() (gp.waitreason until Go 1.10)`,
	},
	{
		key: 'scheddetail/g-m',
		label: "G's M",
		printed: 'm=#',
		unit: 'id',
		summary: 'The id of the M running this goroutine, or none (-1 through Go 1.19, nil from 1.20).',
		since: 2,
		changes: [NIL_CHANGE],
		source: `${SRC}: gp.m.id, or -1/nil when there is none`,
	},
	{
		key: 'scheddetail/g-lockedm',
		label: 'Locked M',
		printed: 'lockedm=#',
		unit: 'id',
		summary:
			'The id of the M this goroutine is locked to (runtime.LockOSThread), or none (-1 through ' +
			'Go 1.19, nil from 1.20).',
		since: 2,
		changes: [NIL_CHANGE],
		source: `${SRC}: gp.lockedm.ptr().id, or -1/nil when there is none`,
	},
]);
