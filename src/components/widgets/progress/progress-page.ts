/**
 * `<progress-page>`: fills the server-rendered field tables from this browser's answers, and
 * exports, imports (merging, never overwriting) and clears progress.
 */
import { dueDate, dueFields, nextDue, standingOf, type FieldRecord } from '../../../trace/index.ts';
import { dueTodayText, dueWords, nothingDueText, standingWords } from '../../../present/progress-words.ts';
import { loadProgress, mergeProgress, PROGRESS_KEY } from '../lessons/progress-store.ts';
import { loadQuizStore, QUIZ_KEY } from '../quiz/quiz-store.ts';
import {
	importSummary,
	MAX_PROGRESS_FILE_BYTES,
	progressFile,
	progressFileName,
	readProgressFile,
} from './progress-file.ts';

class ProgressPage extends HTMLElement {
	private message!: HTMLElement;

	connectedCallback(): void {
		if (this.message) return;
		this.message = this.querySelector('.progress-message')!;
		this.querySelector<HTMLElement>('.progress-actions')!.hidden = false;
		this.querySelector('.progress-export')!.addEventListener('click', () => this.exportFile());
		this.querySelector<HTMLInputElement>('.progress-import')!.addEventListener('change', (e) => {
			const input = e.target as HTMLInputElement;
			const file = input.files?.[0];
			if (file) void this.importFile(file).finally(() => (input.value = ''));
		});
		const dialog = this.querySelector<HTMLDialogElement>('.progress-confirm')!;
		this.querySelector('.progress-clear')!.addEventListener('click', () => dialog.showModal());
		dialog.addEventListener('close', () => {
			if (dialog.returnValue === 'clear') this.clearAll();
			this.querySelector<HTMLButtonElement>('.progress-clear')!.focus();
		});
		this.render();
	}

	private render(): void {
		const quiz = loadQuizStore();
		const records: Record<string, FieldRecord> = quiz.data.fields ?? {};
		const now = new Date();
		for (const row of this.querySelectorAll<HTMLTableRowElement>('tr[data-field]')) {
			const record = records[row.dataset.field!];
			const standing = standingOf(record, now);
			const words = standingWords[standing];
			const cell = row.querySelector<HTMLElement>('.progress-standing')!;
			cell.dataset.standing = standing;
			const mark = document.createElement('span');
			mark.setAttribute('aria-hidden', 'true');
			mark.textContent = words.mark;
			const counts = record ? ` (${record.right} right, ${record.wrong} wrong)` : '';
			cell.replaceChildren(mark, ` ${words.label}${counts}`);
			row.querySelector('.progress-due')!.textContent = record ? `Next review: ${dueWords(dueDate(record), now)}` : '';
		}
		const due = dueFields(records, now).length;
		const summary = this.querySelector<HTMLElement>('.progress-summary')!;
		const counts = Object.keys(records).length
			? `You have met ${Object.keys(records).length} fields. `
			: 'You have not answered any questions yet. ';
		summary.textContent =
			counts + (due ? dueTodayText(due) : nothingDueText(nextDue(records), now).replace(/ Here is .*$/, ''));
		this.querySelector<HTMLElement>('.progress-review')!.hidden = due === 0;
		const problem = quiz.problem ?? loadProgress().problem;
		if (problem) this.message.textContent = problem;
	}

	private exportFile(): void {
		const now = new Date();
		const file = progressFile(loadQuizStore().data, loadProgress().progress, now);
		const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
		const a = document.createElement('a');
		a.href = url;
		a.download = progressFileName(now);
		a.click();
		setTimeout(() => URL.revokeObjectURL(url), 0);
		this.message.textContent = `Saved ${a.download}. Import it on another device with “Import progress” on this page.`;
	}

	private async importFile(file: File): Promise<void> {
		const result = readProgressFile(file.size > MAX_PROGRESS_FILE_BYTES ? '' : await file.text(), file.size);
		if (!result.ok) {
			this.message.textContent = result.message;
			return;
		}
		loadQuizStore().mergeIn(result.file.quiz);
		const lessons = loadProgress();
		lessons.progress = mergeProgress(lessons.progress, result.file.lessons);
		lessons.save();
		this.render();
		this.message.textContent = importSummary(result.file);
	}

	private clearAll(): void {
		try {
			localStorage.removeItem(QUIZ_KEY);
			localStorage.removeItem(PROGRESS_KEY);
		} catch {
			// Storage blocked: nothing was kept, so nothing to clear.
		}
		this.render();
		this.message.textContent = 'All progress in this browser was cleared.';
	}
}

if (!customElements.get('progress-page')) customElements.define('progress-page', ProgressPage);
