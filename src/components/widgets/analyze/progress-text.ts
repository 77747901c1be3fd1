/**
 * The words beside the analyzer's progress bar: how much is read and, once the rate is known,
 * about how long the rest will take. DOM-free, so node --test covers it.
 */
import { bytesText } from '../../../present/summary.ts';

/** Reading this long (ms) gives a rate steady enough to say the time left. */
const settleMs = 400;

export function progressText(read: number, total: number, elapsedMs: number): string {
	const done = `${bytesText(read)} of ${bytesText(total)} read`;
	if (read <= 0 || read >= total || elapsedMs < settleMs) return done;
	const seconds = ((total - read) / read) * (elapsedMs / 1000);
	if (seconds < 1) return `${done}, less than a second left`;
	if (seconds < 90) return `${done}, about ${Math.ceil(seconds)} s left`;
	return `${done}, about ${Math.round(seconds / 60)} min left`;
}
