/**
 * Runs a lesson's GC lab experiment (TryIt.astro) and checks the reader's answers. Each of the
 * experiment's runs has its own panel, run by the lab's own LabRun one after the other; when the
 * last one ends, the core works out the answer keys from the lines (lab-checks.ts) and the
 * questions open. Running again replaces the lines, and the keys with them.
 */
import {
	checkLabAnswer,
	labAnswerKeys,
	labRunFacts,
	type LabAnswerKeys,
	type LabExperimentId,
	type LabRunFacts,
} from '../../../trace/index.ts';
import {
	labAnswerText,
	labExperiments,
	labFeedback,
	labShortfallText,
	type LabExperiment,
} from '../../../present/lab-experiments.ts';
import { LabRun } from '../lab/lab-run.ts';

export class TryItRun {
	private readonly root: HTMLElement;
	private readonly experiment: LabExperiment;
	private readonly labRuns: LabRun[] = [];
	private facts: LabRunFacts[] = [];
	private keys: LabAnswerKeys | null = null;
	private running = false;

	constructor(root: HTMLElement) {
		this.root = root;
		this.experiment = labExperiments[root.dataset.experiment as LabExperimentId];
		this.part<HTMLFormElement>('questions').addEventListener('submit', (e) => {
			e.preventDefault();
			this.check();
		});
	}

	private part<T extends HTMLElement = HTMLElement>(name: string): T {
		return this.root.querySelector<T>(`[data-part="${name}"]`)!;
	}

	private say(message: string): void {
		this.part('box-status').textContent = message;
	}

	/** The answers can be given once there are lines to give them from. */
	private setAnswering(on: boolean): void {
		for (const input of this.part('questions').querySelectorAll<HTMLInputElement | HTMLButtonElement>(
			'input, button',
		)) {
			input.disabled = !on;
		}
	}

	start(): void {
		if (this.running) return;
		this.running = true;
		this.facts = [];
		this.keys = null;
		this.part<HTMLButtonElement>('run').disabled = true;
		this.setAnswering(false);
		for (const p of this.root.querySelectorAll<HTMLElement>('[data-feedback]')) p.textContent = '';
		this.part('why').hidden = true;
		this.experiment.runs.forEach((_, i) => (this.part(`run-${i + 1}`).hidden = true));
		this.runOne(0);
	}

	private runOne(i: number): void {
		const runs = this.experiment.runs;
		const panel = this.part(`run-${i + 1}`);
		panel.hidden = false;
		this.say(runs.length > 1 ? `Run ${i + 1} of ${runs.length}: ${runs[i]!.label}.` : `Running: ${runs[i]!.label}.`);
		this.labRuns[i] ??= new LabRun(panel, { onEnd: (lines, ok) => this.ended(i, lines, ok) });
		this.labRuns[i].start(runs[i]!.settings);
	}

	private ended(i: number, lines: readonly string[], ok: boolean): void {
		if (!ok) {
			this.done('The run did not finish (its status says why), so there is nothing to answer from. Run it again.');
			return;
		}
		this.facts[i] = labRunFacts(lines);
		if (i + 1 < this.experiment.runs.length) {
			this.runOne(i + 1);
			return;
		}
		this.keys = labAnswerKeys(this.experiment.id, this.facts);
		if (!this.keys.ok) {
			this.done(labShortfallText(this.keys.shortfall));
			return;
		}
		this.setAnswering(true);
		this.done(
			this.experiment.runs.length > 1
				? 'Both runs ended. Answer the questions below from their lines.'
				: 'The run ended. Answer the questions below from its lines.',
		);
	}

	private done(message: string): void {
		this.running = false;
		const button = this.part<HTMLButtonElement>('run');
		button.disabled = false;
		button.textContent = 'Run it again';
		this.say(message);
	}

	private check(): void {
		if (!this.keys?.ok) return;
		const form = this.part<HTMLFormElement>('questions');
		let answered = 0;
		for (const question of this.experiment.questions) {
			const key = this.keys.keys[question.id]!;
			const name = `try-${this.experiment.id}-${question.id}`;
			const response =
				key.type === 'choice'
					? (form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? null)
					: (form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '');
			const result = checkLabAnswer(key, response);
			if (!result.problem) answered++;
			let text = labFeedback(this.experiment.id, question.id, this.facts, result);
			if (!result.correct && !result.problem) {
				text += ` The answer from these lines: ${labAnswerText(this.experiment.id, question.id, key)}.`;
			}
			const out = this.root.querySelector<HTMLElement>(`[data-feedback="${question.id}"]`)!;
			out.textContent = text;
			out.dataset.correct = String(result.correct);
		}
		this.part('why').hidden = answered < this.experiment.questions.length;
	}
}
