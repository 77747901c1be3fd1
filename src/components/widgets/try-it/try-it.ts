/**
 * `<try-it>`: a lesson's GC lab experiment (TryIt.astro). Shows the Run button; the code that
 * runs the experiment and checks the answers (try-it-run.ts, with the lab and its charts) is
 * downloaded when the reader presses it, and the Go runtime after that.
 */
import type { TryItRun } from './try-it-run.ts';

class TryIt extends HTMLElement {
	private run: Promise<TryItRun> | null = null;

	connectedCallback(): void {
		const button = this.querySelector<HTMLButtonElement>('[data-part="run"]')!;
		const status = this.querySelector<HTMLElement>('[data-part="box-status"]')!;
		button.hidden = false;
		button.addEventListener('click', () => {
			status.textContent = 'Loading the lab…';
			this.run ??= import('./try-it-run.ts').then((module) => new module.TryItRun(this));
			this.run.then(
				(run) => run.start(),
				(error: unknown) => {
					this.run = null;
					status.textContent = `The lab could not be loaded: ${(error as Error).message}. Check the connection and try again.`;
				},
			);
		});
	}
}

if (!customElements.get('try-it')) customElements.define('try-it', TryIt);
