/**
 * `<practice-hand-in>`: on the practice page, makes a hand-in code of the learner's answers to
 * the set on the page (its questions as shown, its answers as saved) for a teacher to collect,
 * and copies it.
 */
import { encodeHandIn } from '../../../present/hand-in.ts';
import { parsePracticeParams, type Question } from '../../../trace/index.ts';
import { loadQuizStore } from '../quiz/quiz-store.ts';
import type { QuestionPayload } from '../quiz/render.ts';
import { freshSeed } from './practice-sets.ts';

class PracticeHandIn extends HTMLElement {
	connectedCallback(): void {
		if (this.dataset.ready) return;
		this.dataset.ready = '';
		const output = this.querySelector<HTMLElement>('.hand-in-output')!;
		const code = this.querySelector<HTMLTextAreaElement>('textarea')!;
		const status = this.querySelector<HTMLElement>('.hand-in-status')!;
		this.querySelector<HTMLElement>('.hand-in-actions')!.hidden = false;
		this.querySelector<HTMLElement>('.hand-in-no-js')!.hidden = true;
		this.querySelector('.hand-in-make')!.addEventListener('click', () => {
			const quiz = document.querySelector<HTMLElement>('.practice-set trace-quiz');
			const params = parsePracticeParams(location.search);
			if (!quiz || params.seed === null) {
				status.textContent = 'There is no set on the page to hand in yet.';
				return;
			}
			const questions: Question[] = [...quiz.querySelectorAll('script.quiz-data')].map(
				(s) => (JSON.parse(s.textContent ?? '') as QuestionPayload).question,
			);
			const store = loadQuizStore();
			const quizId = quiz.dataset.quizId ?? '';
			const responses = Object.fromEntries(questions.map((q) => [q.id, store.answer(quizId, q.id)?.response]));
			const answered = Object.values(responses).filter((r) => r !== undefined).length;
			code.value = encodeHandIn(
				{ seed: params.seed, topics: params.topics, count: params.count, weights: params.weights },
				questions,
				responses,
				freshSeed(),
			);
			output.hidden = false;
			status.textContent = `Your code holds your answers to ${answered} of ${questions.length} questions. Copy it and send it to your teacher.`;
			code.focus();
			code.select();
		});
		this.querySelector('.hand-in-copy')!.addEventListener('click', async () => {
			try {
				await navigator.clipboard.writeText(code.value);
				status.textContent = 'Code copied.';
			} catch {
				code.select();
				status.textContent = 'Copying is blocked here; the code is selected, copy it with your keyboard.';
			}
		});
	}
}

if (!customElements.get('practice-hand-in')) customElements.define('practice-hand-in', PracticeHandIn);
