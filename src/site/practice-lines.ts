/**
 * The real lines practice sets are drawn from: a few of every topic, line form and Go release
 * from the captures, small enough to send to the browser (`/practice/lines.json`).
 */
import { sampleCandidateLines, type CandidateLine } from '~/trace/index.ts';
import { captures, captureText } from './captures.ts';

/** Lines per topic, line form and era. */
const PER_GROUP = 8;

let cached: CandidateLine[] | undefined;

/** The candidate lines, in capture order; the same at build time and in the browser. */
export function practiceLines(): CandidateLine[] {
	cached ??= sampleCandidateLines(
		// The GC lab's runs (combined/*-lab-*.txt) are the lessons' try-it test data: practice sets keep
		// to the other captures, so adding a lab scenario does not change every seeded set.
		captures.filter((c) => !c.file.includes('-lab-')).map((c) => ({ file: c.file, text: captureText(c.file) })),
		PER_GROUP,
	);
	return cached;
}
