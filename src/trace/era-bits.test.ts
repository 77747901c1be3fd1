// Eras as bit sets must give exactly the eras the range functions give.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { era, intersectEras, LATEST_GO_MINOR, OLDEST_GO_MINOR, unionEras } from './era.ts';
import { ANY_RELEASE, eraBits, eraOfBits, NO_RELEASE } from './era-bits.ts';

/** Every era made of up to two ranges, as bits, with the ranges it was built from. */
function sampleEras(): { bits: number; ranges: ReturnType<typeof era> }[] {
	const out = [];
	for (let from = OLDEST_GO_MINOR; from <= LATEST_GO_MINOR; from += 2) {
		for (let to = from; to <= LATEST_GO_MINOR; to += 3) {
			out.push({ bits: eraBits(from, to), ranges: era(from, to) });
			for (let gap = to + 2; gap <= LATEST_GO_MINOR; gap += 5) {
				out.push({ bits: eraBits(from, to) | eraBits(gap), ranges: unionEras(era(from, to), era(gap)) });
			}
		}
	}
	return out;
}

test('eraBits and eraOfBits agree with era, intersectEras and unionEras', () => {
	assert.deepEqual(eraOfBits(ANY_RELEASE), era(OLDEST_GO_MINOR));
	assert.deepEqual(eraOfBits(NO_RELEASE), []);
	const eras = sampleEras();
	for (const a of eras) {
		assert.deepEqual(eraOfBits(a.bits), a.ranges);
		for (const b of eras) {
			assert.deepEqual(eraOfBits(a.bits & b.bits), intersectEras(a.ranges, b.ranges));
			assert.deepEqual(eraOfBits(a.bits | b.bits), unionEras(a.ranges, b.ranges));
		}
	}
});

test('eraOfBits returns one shared, frozen value per set', () => {
	const bits = eraBits(14, 14) | eraBits(19, 20);
	assert.equal(eraOfBits(bits), eraOfBits(bits));
	assert.ok(Object.isFrozen(eraOfBits(bits)) && Object.isFrozen(eraOfBits(bits)[0]));
});
