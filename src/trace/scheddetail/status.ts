/**
 * The status numbers of scheddetail's P and G lines (`status=4`), with their runtime names,
 * meanings and the releases that can print them. Source: the `_G…` and `_P…` constants in
 * src/runtime/runtime2.go; from Go 1.4 a G's status is read with `readgstatus`, so a G whose
 * stack the GC is scanning carries the `_Gscan` bit, 0x1000 (4096).
 */

/** One status number. */
export interface StatusInfo {
	/** The runtime constant, as named in the newest release that has it. */
	name: string;
	/** What the status means, in plain words. */
	meaning: string;
	/** First Go minor release that can print it. */
	since: number;
	/** Last Go minor release that can print it; absent while current. */
	until?: number;
	/** Renames and other history, when there is any. */
	note?: string;
}

/** The `_Gscan` bit that `readgstatus` shows while the GC scans a G's stack (Go 1.4+). */
export const G_SCAN_BIT = 0x1000;

const scanning = ', and being scanned by the GC';

/** G status numbers (the G line's `status=`), including the `_Gscan` combinations. */
export const gStatusNames: Readonly<Record<number, StatusInfo>> = {
	0: { name: '_Gidle', meaning: 'just allocated, not yet initialised', since: 2 },
	1: { name: '_Grunnable', meaning: 'runnable, waiting on a run queue', since: 2 },
	2: { name: '_Grunning', meaning: 'running Go code on an M', since: 2 },
	3: { name: '_Gsyscall', meaning: 'in a system call', since: 2 },
	4: { name: '_Gwaiting', meaning: 'waiting (blocked; the wait reason says on what)', since: 2 },
	5: {
		name: '_Gmoribund_unused',
		meaning: 'unused: the runtime defines this status but never sets it',
		since: 2,
	},
	6: { name: '_Gdead', meaning: 'dead: exited, or unused on a free list', since: 2 },
	7: {
		name: '_Genqueue_unused',
		meaning: 'enqueue (unused from Go 1.13)',
		since: 4,
		note: 'Named Genqueue in Go 1.4, _Genqueue in 1.5–1.12 and _Genqueue_unused from 1.13.',
	},
	8: { name: '_Gcopystack', meaning: 'its stack is being moved', since: 4 },
	9: { name: '_Gpreempted', meaning: 'stopped by a preemption request (suspendG)', since: 14 },
	10: { name: '_Gleaked', meaning: 'leaked: a goroutine the GC found to be leaked', since: 26 },
	11: {
		name: '_Gdeadextra',
		meaning: 'dead, attached to an extra M kept for cgo callbacks',
		since: 26,
	},
	[G_SCAN_BIT + 1]: { name: '_Gscanrunnable', meaning: `runnable${scanning}`, since: 4 },
	[G_SCAN_BIT + 2]: { name: '_Gscanrunning', meaning: `running${scanning}`, since: 4 },
	[G_SCAN_BIT + 3]: { name: '_Gscansyscall', meaning: `in a system call${scanning}`, since: 4 },
	[G_SCAN_BIT + 4]: { name: '_Gscanwaiting', meaning: `waiting${scanning}`, since: 4 },
	[G_SCAN_BIT + 7]: {
		name: 'Gscanenqueue',
		meaning: `enqueue${scanning}`,
		since: 4,
		until: 12,
	},
	[G_SCAN_BIT + 9]: { name: '_Gscanpreempted', meaning: `preempted${scanning}`, since: 14 },
	[G_SCAN_BIT + 10]: { name: '_Gscanleaked', meaning: `leaked${scanning}`, since: 26 },
	[G_SCAN_BIT + 11]: {
		name: '_Gscandeadextra',
		meaning: `dead on an extra M${scanning}`,
		since: 26,
	},
};

/** P status numbers (the P line's `status=`). */
export const pStatusNames: Readonly<Record<number, StatusInfo>> = {
	0: { name: '_Pidle', meaning: 'idle: not running Go code or the scheduler', since: 2 },
	1: { name: '_Prunning', meaning: 'running: owned by an M', since: 2 },
	2: {
		name: '_Psyscall',
		meaning: 'in a system call',
		since: 2,
		until: 25,
		note:
			'Renamed _Psyscall_unused in Go 1.26 and no longer set: a P in a system call is ' +
			"recognised by its goroutine's state instead.",
	},
	3: { name: '_Pgcstop', meaning: 'stopped for a stop-the-world', since: 2 },
	4: { name: '_Pdead', meaning: 'dead: no longer used after GOMAXPROCS shrank', since: 2 },
};

/** Describes a G status number in words, for example 4100 as `_Gscanwaiting: waiting, …`. */
export function describeGStatus(status: number): string {
	const known = gStatusNames[status];
	if (known !== undefined) return `${known.name}: ${known.meaning}`;
	if (status >= G_SCAN_BIT && status < 2 * G_SCAN_BIT) {
		const base = gStatusNames[status - G_SCAN_BIT];
		if (base !== undefined) {
			return `_Gscan + ${base.name}: ${base.meaning}${scanning} (a combination no release prints)`;
		}
	}
	return `unknown G status ${status}`;
}

/** Describes a P status number in words, for example 1 as `_Prunning: running: owned by an M`. */
export function describePStatus(status: number): string {
	const known = pStatusNames[status];
	return known !== undefined ? `${known.name}: ${known.meaning}` : `unknown P status ${status}`;
}
