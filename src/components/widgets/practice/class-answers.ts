/**
 * `<class-answers>`: the classroom page's view of a class's hand-in codes. Reads pasted or
 * dropped codes, makes each set again from its seed with the core and checks every answer
 * here, then shows the report. Nothing is sent anywhere.
 */
import { classReports, readHandIns } from '../../../present/hand-in.ts';
import { siteBase } from '../../shared/site-base.ts';
import { classReportHtml } from './class-report-html.ts';
import { loadPracticeLines, questionsOf } from './practice-sets.ts';

/** Largest paste or file read, in characters: far above a class's codes. */
const MAX_TEXT = 2_000_000;

class ClassAnswers extends HTMLElement {
	connectedCallback(): void {
		if (this.dataset.ready) return;
		this.dataset.ready = '';
		const codes = this.querySelector<HTMLTextAreaElement>('textarea')!;
		const status = this.querySelector<HTMLElement>('.class-status')!;
		const output = this.querySelector<HTMLElement>('.class-report')!;
		const files = this.querySelector<HTMLInputElement>('input[type="file"]')!;
		this.querySelector<HTMLElement>('.class-actions')!.hidden = false;
		this.querySelector<HTMLElement>('.class-no-js')!.hidden = true;

		const show = async () => {
			const text = codes.value;
			if (text.trim() === '') {
				status.textContent = 'Paste the class’s codes first.';
				output.replaceChildren();
				return;
			}
			if (text.length > MAX_TEXT) {
				status.textContent = `That is ${text.length.toLocaleString('en')} characters, far more than a class’s codes; only the first ${MAX_TEXT.toLocaleString('en')} are read.`;
			} else status.textContent = '';
			const { handIns, problems, repeats } = readHandIns(text.slice(0, MAX_TEXT));
			try {
				const lines = handIns.length ? await loadPracticeLines() : [];
				const reports = classReports(handIns, (set) => questionsOf(set, lines));
				output.innerHTML = classReportHtml(reports, problems, repeats, siteBase);
			} catch {
				status.textContent = 'The lines the sets are made from could not be loaded. Reload the page to try again.';
			}
		};
		const addFiles = async (list: FileList | null) => {
			if (!list?.length) return;
			const texts = await Promise.all([...list].map((f) => f.slice(0, MAX_TEXT).text()));
			codes.value = [codes.value.trim(), ...texts].filter(Boolean).join('\n');
			await show();
		};
		this.querySelector('.class-show')!.addEventListener('click', () => void show());
		files.addEventListener('change', () => void addFiles(files.files));
		codes.addEventListener('dragover', (e) => e.preventDefault());
		codes.addEventListener('drop', (e) => {
			if (!e.dataTransfer?.files.length) return;
			e.preventDefault();
			void addFiles(e.dataTransfer.files);
		});
	}
}

if (!customElements.get('class-answers')) customElements.define('class-answers', ClassAnswers);
