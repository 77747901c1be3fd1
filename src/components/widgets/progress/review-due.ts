/**
 * `<review-due>`: on the home page, says how many fields are due for review, with a link to review them.
 * Which fields a review set can ask about comes with the quiz generator, most of the core: it is
 * downloaded only when some field is due, so a first visit to the home page does without it.
 */
import { dueFields } from '../../../trace/index.ts';
import { dueTodayText } from '../../../present/progress-words.ts';
import { reviewUrl } from '../../../present/urls.ts';
import { siteBase } from '../../shared/site-base.ts';
import { loadQuizStore } from '../quiz/quiz-store.ts';

class ReviewDue extends HTMLElement {
	connectedCallback(): void {
		const due = dueFields(loadQuizStore().data.fields ?? {}, new Date());
		// A failed download (offline before the copy is kept) leaves the line out, as with nothing due.
		if (due.length > 0) this.show(due).catch(() => {});
	}

	private async show(due: readonly string[]): Promise<void> {
		const reviewable = (await import('./review-topics.ts')).reviewable(due);
		if (reviewable.length === 0) return;
		const out = this.querySelector<HTMLElement>('.review-due')!;
		const link = document.createElement('a');
		link.href = reviewUrl(siteBase);
		link.textContent = 'Review them now';
		out.replaceChildren(`${dueTodayText(reviewable.length)} `, link, '.');
	}
}

if (!customElements.get('review-due')) customElements.define('review-due', ReviewDue);
