/**
 * What a learner reads reliably, field by field, and when each field is due for review.
 *
 * Review spacing is Sebastian Leitner's card-box system ("So lernt man lernen", 1972), with the
 * common doubling intervals: each field sits in one of five boxes. A right answer moves it up a
 * box, a wrong one back to box 1; a field in box N is due INTERVAL_DAYS[N-1] days after it was
 * last answered. Only a field's first answer on a given question counts as a review: answering
 * the same question again after its feedback (the same day) moves no box.
 */
import type { FieldKey } from '../types.ts';

/** Days until a field in box 1, 2, … 5 is due again. */
export const INTERVAL_DAYS = [1, 2, 4, 8, 16] as const;
export const TOP_BOX = INTERVAL_DAYS.length;
/** A wrong answer this recent keeps a field on the "missed recently" list. */
const RECENT_DAYS = 7;
const DAY_MS = 86_400_000;

/** One field's record, as stored. */
export interface FieldRecord {
	/** Leitner box, 1 to TOP_BOX. */
	box: number;
	right: number;
	wrong: number;
	/** When the field was last reviewed (ISO). */
	lastAt: string;
	/** When the field was last answered wrong (ISO), if ever. */
	lastWrongAt?: string;
}

/** How well a learner reads a field, as the progress page groups them. */
export type Standing = 'unseen' | 'missed' | 'learning' | 'reliable';

/** The record after one review; `record` is undefined for a field met for the first time. */
export function reviewField(record: FieldRecord | undefined, correct: boolean, at: Date): FieldRecord {
	const iso = at.toISOString();
	if (!correct) {
		return { box: 1, right: record?.right ?? 0, wrong: (record?.wrong ?? 0) + 1, lastAt: iso, lastWrongAt: iso };
	}
	const next: FieldRecord = {
		box: record ? Math.min(TOP_BOX, record.box + 1) : 2,
		right: (record?.right ?? 0) + 1,
		wrong: record?.wrong ?? 0,
		lastAt: iso,
	};
	if (record?.lastWrongAt) next.lastWrongAt = record.lastWrongAt;
	return next;
}

/** When the field is next due. */
export function dueDate(record: FieldRecord): Date {
	const box = Math.min(TOP_BOX, Math.max(1, Math.trunc(record.box)));
	return new Date(Date.parse(record.lastAt) + INTERVAL_DAYS[box - 1] * DAY_MS);
}

/** Fields due on or before `now`, the longest overdue first. */
export function dueFields(records: Readonly<Record<string, FieldRecord>>, now: Date): FieldKey[] {
	return Object.entries(records)
		.map(([key, r]) => ({ key, due: dueDate(r).getTime() }))
		.filter((d) => Number.isFinite(d.due) && d.due <= now.getTime())
		.sort((a, b) => a.due - b.due || a.key.localeCompare(b.key))
		.map((d) => d.key as FieldKey);
}

/** The earliest due date among `records`, or null when there are none. */
export function nextDue(records: Readonly<Record<string, FieldRecord>>): Date | null {
	let min = Infinity;
	for (const r of Object.values(records)) min = Math.min(min, dueDate(r).getTime());
	return Number.isFinite(min) ? new Date(min) : null;
}

/**
 * `missed`: answered wrong in the last RECENT_DAYS days and not since put right twice;
 * `reliable`: in box 3 or higher (right at least twice in a row, spaced over days);
 * `learning`: met, neither of those.
 */
export function standingOf(record: FieldRecord | undefined, now: Date): Standing {
	if (!record) return 'unseen';
	const wrongAgo = record.lastWrongAt ? now.getTime() - Date.parse(record.lastWrongAt) : Infinity;
	if (wrongAgo <= RECENT_DAYS * DAY_MS && record.box <= 2) return 'missed';
	return record.box >= 3 ? 'reliable' : 'learning';
}

/**
 * Two records of one field, from two devices, as one. Without each answer's history an exact
 * merge is impossible; this keeps the later review's box and dates, and the larger counts, so
 * importing the same file twice changes nothing.
 */
export function mergeRecords(a: FieldRecord, b: FieldRecord): FieldRecord {
	const later = Date.parse(b.lastAt) > Date.parse(a.lastAt) ? b : a;
	const wrongAt = [a.lastWrongAt, b.lastWrongAt].filter((x): x is string => !!x).sort();
	const merged: FieldRecord = {
		box: later.box,
		right: Math.max(a.right, b.right),
		wrong: Math.max(a.wrong, b.wrong),
		lastAt: later.lastAt,
	};
	if (wrongAt.length) merged.lastWrongAt = wrongAt.at(-1)!;
	return merged;
}

/** Whether `value` is a well-formed record (for stored and imported data). */
export function isFieldRecord(value: unknown): value is FieldRecord {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
	const date = (s: unknown) => typeof s === 'string' && Number.isFinite(Date.parse(s));
	return (
		Number.isInteger(r.box) &&
		(r.box as number) >= 1 &&
		(r.box as number) <= TOP_BOX &&
		count(r.right) &&
		count(r.wrong) &&
		date(r.lastAt) &&
		(r.lastWrongAt === undefined || date(r.lastWrongAt))
	);
}
