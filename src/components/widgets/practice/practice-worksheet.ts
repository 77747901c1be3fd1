/**
 * `<practice-worksheet>`: replaces the page's fixed worksheet with the set the address asks for
 * (the same set as the practice page at that address), says what it changed in a bad address
 * and corrects it, and adds a print button.
 */
import { practiceNotes } from '../../../present/practice-notes.ts';
import { worksheetHtml } from './practice-html.ts';
import { loadPracticeLines, questionsOf, setAddress, setFromAddress } from './practice-sets.ts';

class PracticeWorksheet extends HTMLElement {
	async connectedCallback(): Promise<void> {
		const status = document.querySelector<HTMLElement>('.ws-status')!;
		const print = document.querySelector<HTMLButtonElement>('.ws-print')!;
		print.hidden = false;
		print.addEventListener('click', () => print.ownerDocument.defaultView?.print());
		// A worksheet is for a class: never the reader's own focus fields.
		const { set, params, fresh } = setFromAddress(false);
		const corrected = params.problems.length > 0;
		if (fresh || corrected) history.replaceState(null, '', setAddress(set));
		status.textContent = practiceNotes(params.problems, corrected).join(' ');
		try {
			const questions = questionsOf(set, await loadPracticeLines());
			this.querySelector('.ws-content')!.innerHTML = worksheetHtml(set, questions);
			this.dataset.seed = set.seed;
		} catch {
			status.textContent =
				'The lines for this set could not be loaded, so this is the page’s fixed set. Reload the page to try again.';
		}
	}
}

if (!customElements.get('practice-worksheet')) customElements.define('practice-worksheet', PracticeWorksheet);
