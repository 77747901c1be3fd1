/**
 * `<lesson-resume>`: on the home page and the lesson list, offers "continue where you left off"
 * and marks lessons visited or done. Lesson titles come from the page's own list of links.
 */
import { showLessonStates } from './lesson-progress.ts';
import { movedLessons } from '../../../present/urls.ts';
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
		// Progress may name lessons the site no longer has: a folded one continues at its new home,
		// any other unknown id is left out of the count.
		const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-lesson-link]')];
		const resumeAt = last === undefined ? undefined : (movedLessons[last] ?? last);
		const link = links.find((a) => a.dataset.lessonLink === resumeAt);
		if (!link) return;
		const listed = new Set(links.map((a) => a.dataset.lessonLink));
		const done = Object.entries(store.progress.lessons).filter(([slug, l]) => l.completed && listed.has(slug)).length;
		const total = listed.size;
		const continueLink = document.createElement('a');
		continueLink.href = link.href;
		continueLink.textContent = `Continue where you left off: ${link.textContent?.trim()}`;
		slot.replaceChildren(continueLink, ` (${done} of ${total} lessons done)`);
	}
}

if (!customElements.get('lesson-resume')) customElements.define('lesson-resume', LessonResume);
