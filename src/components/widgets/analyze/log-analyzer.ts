/**
 * `<log-analyzer>`: the /analyze/ page's behaviour. A log comes from the text box, a chosen or
 * dropped file, an example capture or a share link. This element only takes the input: the
 * code that reads and shows a log (analyzer-view.ts, with the charts and the line browser) is
 * downloaded when a log is first given, or as the reader starts to give one. Opened at `#watch`
 * by `explain --watch`, it follows the program that command runs.
 */
import type { AnalyzerView } from './analyzer-view.ts';
import { logFromFragment } from './share.ts';
import { watchEventsUrl, watchFragment } from '~/present/urls.ts';
import { siteBase } from '~/components/shared/site-base.ts';

class LogAnalyzer extends HTMLElement {
	private view: Promise<AnalyzerView> | null = null;

	private find<T extends HTMLElement = HTMLElement>(name: string): T {
		return this.querySelector<T>(`[data-part="${name}"]`)!;
	}

	private say(message: string, problem: boolean): void {
		const status = this.find('status');
		status.textContent = message;
		status.classList.toggle('is-problem', problem);
	}

	/** The view, downloaded once; a failed download may be tried again. */
	private loadView(): Promise<AnalyzerView> {
		this.view ??= import('./analyzer-view.ts')
			.then((module) => new module.AnalyzerView(this))
			.catch((error: unknown) => {
				this.view = null;
				throw error;
			});
		return this.view;
	}

	private withView(use: (view: AnalyzerView) => unknown): void {
		this.loadView().then(use, (error: unknown) =>
			this.say(
				`The analyzer could not be loaded: ${(error as Error).message}. Check the connection and try again.`,
				true,
			),
		);
	}

	private analyze(blob: Blob, name: string): void {
		this.withView((view) => view.analyze(blob, name));
	}

	connectedCallback(): void {
		this.find('tool').hidden = false;
		// A reader about to give a log: fetch the code meanwhile.
		const prefetch = () => void this.loadView().catch(() => {});
		this.find('tool').addEventListener('focusin', prefetch, { once: true });
		this.find('tool').addEventListener('pointerover', prefetch, { once: true });
		const text = this.find<HTMLTextAreaElement>('text');
		this.find<HTMLFormElement>('paste-form').addEventListener('submit', (e) => {
			e.preventDefault();
			this.analyze(new Blob([text.value], { type: 'text/plain' }), 'the pasted text');
		});
		const file = this.find<HTMLInputElement>('file');
		file.addEventListener('change', () => {
			if (file.files?.[0]) this.analyze(file.files[0], file.files[0].name);
		});
		// The box invites the drop, but a file dropped anywhere on the page is read too, rather
		// than the browser leaving the page to show it.
		const zone = this.find('drop');
		zone.addEventListener('dragenter', () => zone.classList.add('is-over'));
		zone.addEventListener('dragleave', (e) => {
			if (!zone.contains(e.relatedTarget as Node | null)) zone.classList.remove('is-over');
		});
		window.addEventListener('dragenter', prefetch, { once: true });
		window.addEventListener('dragover', (e) => e.preventDefault());
		window.addEventListener('drop', (e) => {
			e.preventDefault();
			zone.classList.remove('is-over');
			const dropped = e.dataTransfer?.files[0];
			if (dropped) this.analyze(dropped, dropped.name);
			else this.say('Nothing to read in what was dropped: drop a file, such as trace.log.', true);
		});
		this.find('cancel').addEventListener('click', () => void this.view?.then((view) => view.cancel()));
		for (const item of document.querySelectorAll<HTMLElement>('[data-capture]')) {
			const button = item.querySelector<HTMLButtonElement>('.example-button')!;
			button.addEventListener('click', () =>
				this.withView((view) => view.analyzeExample(item.dataset.capture!, item.dataset.href!)),
			);
			button.hidden = false;
		}
		const openFragment = () => {
			if (logFromFragment(location.hash) !== null) this.withView((view) => view.openFragment());
		};
		window.addEventListener('hashchange', openFragment);
		openFragment();
		// `explain --watch` opens the page at #watch: follow the program it runs.
		if (location.hash === `#${watchFragment}`) this.withView((view) => view.watch(watchEventsUrl(siteBase)));
	}
}

if (!customElements.get('log-analyzer')) customElements.define('log-analyzer', LogAnalyzer);
