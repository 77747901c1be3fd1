/**
 * `<lesson-resume>`: on the home page and the lesson list, offers "continue where you left off"
 * and marks lessons visited or done. Lesson titles come from the page's own list of links.
 */
import { showLessonStates } from './lesson-progress.ts';
import { loadProgress } from './progress-store.ts';

class LessonResume extends HTMLElement {
	connectedCallback(): void {
		const store = loadProgress();
		showLessonStates(store);
		const slot = this.querySelector<HTMLElement>('.resume');
		const last = store.progress.last;
		if (!slot) return;
		if (store.problem) {
			slot.textContent = store.problem;
			return;
		}
		const link = last ? document.querySelector<HTMLAnchorElement>(`a[data-lesson-link="${CSS.escape(last)}"]`) : null;
		if (!link) return;
		const done = Object.values(store.progress.lessons).filter((l) => l.completed).length;
		const total = document.querySelectorAll('a[data-lesson-link]').length;
		const continueLink = document.createElement('a');
		continueLink.href = link.href;
		continueLink.textContent = `Continue where you left off: ${link.textContent?.trim()}`;
		slot.replaceChildren(continueLink, ` (${done} of ${total} lessons done)`);
	}
}

if (!customElements.get('lesson-resume')) customElements.define('lesson-resume', LessonResume);
