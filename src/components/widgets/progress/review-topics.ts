/**
 * The due fields a review set can ask about. Its own module, imported dynamically by
 * review-due.ts: `topicOfField` comes with the quiz generator and most of the core.
 */
import { topicOfField } from '../../../trace/index.ts';

export function reviewable(due: readonly string[]): string[] {
	return due.filter((key) => topicOfField(key) !== null);
}
