/** `<review-due>`: on the home page, says how many fields are due for review, with a link to review them. */
import { dueFields, topicOfField } from '../../../trace/index.ts';
import { dueTodayText } from '../../../present/progress-words.ts';
import { reviewUrl } from '../../../present/urls.ts';
import { siteBase } from '../../shared/site-base.ts';
import { loadQuizStore } from '../quiz/quiz-store.ts';

class ReviewDue extends HTMLElement {
	connectedCallback(): void {
		const out = this.querySelector<HTMLElement>('.review-due')!;
		const due = dueFields(loadQuizStore().data.fields ?? {}, new Date()).filter((k) => topicOfField(k) !== null);
		if (due.length === 0) return;
		const link = document.createElement('a');
		link.href = reviewUrl(siteBase);
		link.textContent = 'Review them now';
		out.replaceChildren(`${dueTodayText(due.length)} `, link, '.');
	}
}

if (!customElements.get('review-due')) customElements.define('review-due', ReviewDue);
