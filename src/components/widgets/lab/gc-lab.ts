/**
 * `<gc-lab>`: the /lab/ page's behaviour. Reads the settings from the address into the form
 * (saying what it had to change), keeps the address in step with the form, and starts and
 * stops runs. The code that runs the program and shows its lines, charts and findings
 * (lab-run.ts, with the charts) is downloaded when the reader first reaches for the form.
 */
import {
	labCommand,
	labQuery,
	parseLabSettings,
	type LabSettings,
	type ParsedLabSettings,
} from '../../../present/lab-settings.ts';
import type { LabRun } from './lab-run.ts';

class GcLab extends HTMLElement {
	private run: Promise<LabRun> | null = null;

	private find<T extends HTMLElement = HTMLElement>(name: string): T {
		return this.querySelector<T>(`[data-part="${name}"]`)!;
	}

	private get form(): HTMLFormElement {
		return this.find<HTMLFormElement>('form');
	}

	/** The form's values, read as the address would be. */
	private read(): ParsedLabSettings {
		const params = new URLSearchParams();
		for (const [name, value] of new FormData(this.form)) params.set(name, String(value));
		return parseLabSettings(params.toString());
	}

	private fill(settings: LabSettings): void {
		const query = new URLSearchParams(labQuery(settings));
		for (const [name, value] of query) {
			const input = this.form.elements.namedItem(name);
			if (input instanceof HTMLInputElement) input.value = value;
		}
		this.find('command').textContent = `As a native run: ${labCommand(settings)}`;
	}

	private showNotes(notes: string[]): void {
		this.find('notes').replaceChildren(
			...notes.map((note) => {
				const li = document.createElement('li');
				li.textContent = note;
				return li;
			}),
		);
	}

	private loadRun(): Promise<LabRun> {
		this.run ??= import('./lab-run.ts')
			.then((module) => new module.LabRun(this))
			.catch((error: unknown) => {
				this.run = null;
				throw error;
			});
		return this.run;
	}

	connectedCallback(): void {
		this.find('tool').hidden = false;
		const { settings, notes } = parseLabSettings(location.search);
		this.fill(settings);
		this.showNotes(notes);
		const prefetch = () => void this.loadRun().catch(() => {});
		this.form.addEventListener('focusin', prefetch, { once: true });
		this.form.addEventListener('pointerover', prefetch, { once: true });
		this.form.addEventListener('change', () => this.fill(this.read().settings));
		this.form.addEventListener('submit', (e) => {
			e.preventDefault();
			const { settings, notes } = this.read();
			this.fill(settings);
			this.showNotes(notes);
			// The address is the experiment: a teacher can copy it as it is.
			history.replaceState(null, '', labQuery(settings));
			this.loadRun().then(
				(run) => run.start(settings),
				(error: unknown) => {
					const status = this.find('status');
					status.textContent = `The lab could not be loaded: ${(error as Error).message}. Check the connection and try again.`;
					status.classList.add('is-problem');
				},
			);
		});
		this.find('stop').addEventListener('click', () => void this.run?.then((run) => run.stop()));
		this.find('apply').addEventListener('click', () => {
			const { settings, notes } = this.read();
			this.showNotes(notes);
			history.replaceState(null, '', labQuery(settings));
			void this.run?.then((run) => run.apply(settings));
		});
	}
}

if (!customElements.get('gc-lab')) customElements.define('gc-lab', GcLab);
