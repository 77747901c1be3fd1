/**
 * `<lesson-progress>`: records that this lesson was visited, shows its "done" toggle (the page
 * renders it hidden inside), and marks each lesson in the list as visited or done (in words,
 * not only a colour).
 */
import { loadProgress, type ProgressStore } from './progress-store.ts';
import { doneButtonText } from './progress-words.ts';

/** Writes each lesson's state into the list's `[data-lesson-state]` slots. */
export function showLessonStates(store: ProgressStore, root: ParentNode = document): void {
	for (const slot of root.querySelectorAll<HTMLElement>('[data-lesson-state]')) {
		const state = store.progress.lessons[slot.dataset.lessonState ?? ''];
		slot.textContent = state?.completed ? '✓ Done' : state ? 'Visited' : '';
	}
}

class LessonProgress extends HTMLElement {
	connectedCallback(): void {
		const slug = this.dataset.slug;
		if (!slug || this.dataset.ready !== undefined) return;
		this.dataset.ready = '';
		const store = loadProgress();
		const now = new Date().toISOString();
		const entry = (store.progress.lessons[slug] ??= { visited: now });
		store.progress.last = slug;
		store.save();

		// The page renders the button hidden, in its place (so nothing moves when it appears).
		const button = this.querySelector<HTMLButtonElement>('button.lesson-done');
		if (!button) return;
		button.hidden = false;
		const render = () => {
			button.setAttribute('aria-pressed', String(Boolean(entry.completed)));
			button.textContent = entry.completed ? doneButtonText.done : doneButtonText.notDone;
			showLessonStates(store);
		};
		button.addEventListener('click', () => {
			if (entry.completed) delete entry.completed;
			else entry.completed = new Date().toISOString();
			store.save();
			render();
			notice.textContent = store.problem ?? '';
		});
		const notice = this.querySelector<HTMLElement>('.progress-notice')!;
		notice.textContent = store.problem ?? '';
		render();
	}
}

if (!customElements.get('lesson-progress')) customElements.define('lesson-progress', LessonProgress);
