/**
 * `<practice-page>`: makes practice sets in the browser. The page ships one fixed set; this
 * replaces it with the set the address asks for (or a fresh one, written into the address so it
 * can be shared and survives a reload), says what it changed in a bad address and corrects the
 * address, and adds "More questions".
 */
import '../quiz/trace-quiz.ts';
import { dueFields, MAX_COUNT, nextDue, quizTopics, topicOfField } from '../../../trace/index.ts';
import { nothingDueText, reviewStatus } from '../../../present/progress-words.ts';
import { siteBase } from '../../shared/site-base.ts';
import { practiceSetHtml, type SetDescription } from './practice-html.ts';
import { freshSeed, loadPracticeLines, questionsOf, setAddress, setFromAddress } from './practice-sets.ts';
import { focusFromMissed } from '../../../trace/index.ts';
import { practiceNotes } from '../../../present/practice-notes.ts';
import { loadQuizStore } from '../quiz/quiz-store.ts';

class PracticePage extends HTMLElement {
	private status!: HTMLElement;
	private setSlot!: HTMLElement;
	private current: SetDescription | null = null;

	connectedCallback(): void {
		if (this.current) return;
		this.status = this.querySelector('.practice-status')!;
		this.setSlot = this.querySelector('.practice-set')!;
		const form = this.querySelector<HTMLFormElement>('.practice-form')!;
		const more = this.querySelector<HTMLButtonElement>('.practice-more')!;
		form.hidden = false;
		more.hidden = false;
		more.addEventListener('click', () => {
			if (!this.current) return;
			const next = { ...this.current, seed: freshSeed(), weights: focusFromMissed(loadQuizStore().data.missed) };
			history.pushState(null, '', setAddress(next));
			void this.show(next, true);
		});
		addEventListener('popstate', () => void this.fromAddress());
		void this.fromAddress();
	}

	private async fromAddress(): Promise<void> {
		if (new URLSearchParams(location.search).has('review') && (await this.review())) return;
		const { set, params, fresh } = setFromAddress(true);
		// A fresh seed, or a parameter that could not be used as given: the address names the set shown.
		const corrected = params.problems.length > 0;
		if (fresh || corrected) history.replaceState(null, '', setAddress(set));
		this.status.textContent = practiceNotes(params.problems, corrected).join(' ');
		const form = this.querySelector<HTMLFormElement>('.practice-form')!;
		for (const box of form.querySelectorAll<HTMLInputElement>('input[name="topics"]')) {
			box.checked = set.topics.includes(box.value as (typeof quizTopics)[number]);
		}
		form.querySelector<HTMLInputElement>('input[name="count"]')!.value = String(set.count);
		await this.show(set, false);
	}

	/** A review set on the fields that are due (`?review=1`); false, with a word, when none is. */
	private async review(): Promise<boolean> {
		const now = new Date();
		const records = loadQuizStore().data.fields ?? {};
		const due = dueFields(records, now).filter((k) => topicOfField(k) !== null);
		if (due.length === 0) {
			const address = new URL(location.href);
			address.searchParams.delete('review');
			history.replaceState(null, '', address);
			await this.fromAddress();
			this.status.textContent = nothingDueText(nextDue(records), now);
			return true;
		}
		const params = new URLSearchParams(location.search);
		const seed = /^[a-z0-9]{1,32}$/.test(params.get('seed') ?? '') ? params.get('seed')! : freshSeed();
		const topics = quizTopics.filter((t) => due.some((k) => topicOfField(k) === t));
		const set: SetDescription = { seed, topics, count: Math.min(MAX_COUNT, Math.max(5, due.length)), only: due };
		history.replaceState(null, '', `${location.pathname}?review=1&seed=${seed}${location.hash}`);
		this.status.textContent = reviewStatus(due.length);
		await this.show(set, false);
		return true;
	}

	private async show(set: SetDescription, focus: boolean): Promise<void> {
		try {
			const questions = questionsOf(set, await loadPracticeLines());
			this.current = set;
			this.setSlot.innerHTML = practiceSetHtml(set, questions, siteBase);
			this.setSlot.dataset.seed = set.seed;
			if (focus) this.setSlot.querySelector<HTMLElement>('.practice-set-heading')?.focus();
		} catch {
			this.status.textContent =
				'The lines for new sets could not be loaded, so this is the page’s fixed set. Reload the page to try again.';
		}
	}
}

if (!customElements.get('practice-page')) customElements.define('practice-page', PracticePage);
