/**
 * `<trace-quiz>`: behaviour for questions rendered by `render.ts`. Shows Check and Try again,
 * checks an answer (`feedbackFor`), announces the result in the question's live region, keeps a
 * score, saves answers (`quiz-store.ts`) and restores them on the next visit, and resets.
 * Questions added later (a practice set rendered in the browser) are wired by `refresh()`.
 *
 * Markup: `<trace-quiz data-quiz-id="…">` around questions from `renderQuestion`, with optional
 * slots `.quiz-score` (score line), `.quiz-reset` (a hidden button this shows) and `.quiz-notice`
 * (storage problems). Answers are saved under the quiz id.
 */
import { siteBase } from '../../shared/site-base.ts';
import { feedbackFor, scoreText, type Feedback } from './feedback.ts';
import { loadQuizStore, type QuizStore } from './quiz-store.ts';
import type { QuestionPayload } from './render.ts';

interface Wired {
	el: HTMLElement;
	payload: QuestionPayload;
	feedback: HTMLElement;
	retry: HTMLButtonElement;
}

/** Text with its `backticked` printed tokens as code elements; every piece stays text. */
function withCode(text: string): (string | HTMLElement)[] {
	return text.split('`').map((part, i) => {
		if (i % 2 === 0) return part;
		const code = document.createElement('code');
		code.textContent = part;
		return code;
	});
}

export class TraceQuizElement extends HTMLElement {
	private store: QuizStore | null = null;
	private questions: Wired[] = [];

	get quizId(): string {
		return this.dataset.quizId ?? 'quiz';
	}

	connectedCallback(): void {
		if (this.store) return;
		this.store = loadQuizStore();
		this.notice(this.store.problem);
		const reset = this.querySelector<HTMLButtonElement>('.quiz-reset');
		if (reset) {
			reset.hidden = false;
			reset.addEventListener('click', () => this.reset());
		}
		this.refresh();
	}

	/** Wires questions not yet wired, forgets removed ones (a new practice set) and updates the score. */
	refresh(): void {
		this.questions = this.questions.filter((w) => this.contains(w.el));
		for (const el of this.querySelectorAll<HTMLElement>('.quiz-question:not([data-wired])')) {
			const data = el.querySelector('script.quiz-data')?.textContent;
			if (!data) continue;
			const wired: Wired = {
				el,
				payload: JSON.parse(data) as QuestionPayload,
				feedback: el.querySelector<HTMLElement>('.quiz-feedback')!,
				retry: el.querySelector<HTMLButtonElement>('.quiz-retry')!,
			};
			el.dataset.wired = '';
			el.querySelector<HTMLElement>('.quiz-actions')!.hidden = false;
			el.querySelector('.quiz-check')!.addEventListener('click', () => this.check(wired));
			wired.retry.addEventListener('click', () => this.retry(wired, true));
			el.querySelector('input[type="text"]')?.addEventListener('keydown', (e) => {
				if ((e as KeyboardEvent).key === 'Enter') {
					e.preventDefault();
					this.check(wired);
				}
			});
			this.questions.push(wired);
			this.restore(wired);
		}
		this.updateScore();
	}

	private response(w: Wired): string | null {
		const text = w.el.querySelector<HTMLInputElement>('input[type="text"]');
		if (text) return text.value;
		return w.el.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? null;
	}

	private setResponse(w: Wired, response: string | undefined): void {
		const text = w.el.querySelector<HTMLInputElement>('input[type="text"]');
		if (text) text.value = response ?? '';
		for (const radio of w.el.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
			radio.checked = response !== undefined && radio.value === response;
		}
	}

	private check(w: Wired): void {
		const response = this.response(w);
		const feedback = feedbackFor(w.payload, response, siteBase);
		this.show(w, feedback);
		if (feedback.verdict === 'problem' || !this.store) return;
		this.store.recordAnswer(this.quizId, w.payload.question, feedback.verdict === 'right', response ?? undefined);
		this.notice(this.store.problem);
		this.updateScore();
	}

	private show(w: Wired, feedback: Feedback | null): void {
		w.feedback.replaceChildren();
		w.el.dataset.state = feedback?.verdict ?? '';
		w.retry.hidden = !feedback || feedback.verdict === 'problem';
		if (!feedback) return;
		const p = document.createElement('p');
		const strong = document.createElement('strong');
		strong.textContent = feedback.headline;
		p.append(strong, ' ', ...withCode(feedback.detail));
		w.feedback.append(p);
		if (feedback.links.length) {
			const links = document.createElement('p');
			links.append('Read about: ');
			feedback.links.forEach((link, i) => {
				const a = document.createElement('a');
				a.href = link.href;
				a.textContent = link.label;
				links.append(...(i ? [', ', a] : [a]));
			});
			links.append('.');
			w.feedback.append(links);
		}
	}

	private restore(w: Wired): void {
		const saved = this.store?.answer(this.quizId, w.payload.question.id);
		if (!saved) return;
		this.setResponse(w, saved.response);
		// Restored feedback is not news: keep screen readers from announcing every question on arrival.
		w.feedback.setAttribute('aria-live', 'off');
		if (saved.response !== undefined) this.show(w, feedbackFor(w.payload, saved.response, siteBase));
		else w.el.dataset.state = saved.correct ? 'right' : 'wrong';
		setTimeout(() => w.feedback.setAttribute('aria-live', 'polite'), 0);
	}

	private retry(w: Wired, focus: boolean): void {
		this.setResponse(w, undefined);
		this.show(w, null);
		if (focus) w.el.querySelector<HTMLInputElement>('input')?.focus();
	}

	private reset(): void {
		this.store?.resetQuiz(this.quizId);
		for (const w of this.questions) {
			this.retry(w, false);
			w.el.querySelector('details')?.removeAttribute('open');
		}
		this.updateScore();
		this.notice(this.store?.problem ?? null, 'This quiz was reset.');
	}

	private updateScore(): void {
		const slot = this.querySelector<HTMLElement>('.quiz-score');
		if (!slot || !this.store) return;
		const ids = this.questions.map((w) => w.payload.question.id);
		const answered = ids.filter((id) => this.store!.answer(this.quizId, id)).length;
		slot.textContent = scoreText(this.store.score(this.quizId, ids), answered, ids.length);
	}

	private notice(problem: string | null, otherwise = ''): void {
		const slot = this.querySelector<HTMLElement>('.quiz-notice');
		if (slot) slot.textContent = problem ?? otherwise;
	}
}

if (!customElements.get('trace-quiz')) customElements.define('trace-quiz', TraceQuizElement);
