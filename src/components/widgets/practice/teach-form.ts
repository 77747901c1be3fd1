/**
 * `<teach-form>`: keeps the assignment link, worksheet and projector links in step with the form,
 * gives each visit a fresh seed (a "New seed" button for more), and copies the link.
 */
import { parsePracticeParams, practiceQuery } from '../../../trace/index.ts';
import { practiceNotes } from '../../../present/practice-notes.ts';
import { practiceUrl, worksheetUrl } from '../../../present/urls.ts';
import { siteBase } from '../../shared/site-base.ts';
import { freshSeed } from './practice-sets.ts';

class TeachForm extends HTMLElement {
	connectedCallback(): void {
		const form = this.querySelector<HTMLFormElement>('form')!;
		const seed = form.querySelector<HTMLInputElement>('input[name="seed"]')!;
		const newSeed = this.querySelector<HTMLButtonElement>('.teach-new-seed')!;
		const link = this.querySelector<HTMLAnchorElement>('.teach-link')!;
		const copyBox = this.querySelector<HTMLElement>('.teach-copy')!;
		const copyStatus = this.querySelector<HTMLElement>('.teach-copy-status')!;
		const note = this.querySelector<HTMLElement>('.teach-note')!;
		const update = () => {
			// The same reading of the form as the practice page makes of the address.
			const p = parsePracticeParams(`?${new URLSearchParams(new FormData(form) as unknown as Record<string, string>)}`);
			const query = practiceQuery({ seed: p.seed ?? freshSeed(), topics: p.topics, count: p.count });
			link.href = link.textContent = new URL(practiceUrl(query, siteBase), location.origin).href;
			this.querySelector<HTMLAnchorElement>('.teach-worksheet')!.href = worksheetUrl(query, siteBase);
			this.querySelector<HTMLAnchorElement>('.teach-projector')!.href = practiceUrl(
				`${query}&view=projector`,
				siteBase,
			);
			const notes = practiceNotes(p.problems);
			if (!form.querySelector('input[name="topics"]:checked'))
				notes.push(`No topic is chosen, so the link asks for ${p.topics.join(' and ')}.`);
			note.textContent = notes.join(' ');
			copyStatus.textContent = '';
		};
		seed.value = freshSeed();
		newSeed.hidden = false;
		copyBox.hidden = false;
		newSeed.addEventListener('click', () => {
			seed.value = freshSeed();
			update();
		});
		form.addEventListener('input', update);
		this.querySelector('.teach-copy-button')!.addEventListener('click', async () => {
			try {
				await navigator.clipboard.writeText(link.href);
				copyStatus.textContent = ' Link copied.';
			} catch {
				copyStatus.textContent = ' Copying is blocked here; select the link above and copy it.';
			}
		});
		update();
	}
}

if (!customElements.get('teach-form')) customElements.define('teach-form', TeachForm);
