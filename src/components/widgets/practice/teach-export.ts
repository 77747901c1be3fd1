/**
 * `<teach-export>`: the classroom page's LMS downloads. Builds Moodle XML or a QTI 2.1 package in
 * the browser from the same questions the site shows: the practice set the teach form describes
 * (made by the core from its seed, topics and count) or a lesson's quiz (as the lesson page built it).
 */
import { parsePracticeParams, type Question } from '../../../trace/index.ts';
import { exportFileNames, moodleXml, qtiPackage, type ExportSet } from '../../../present/lms-export.ts';
import { lessonQuizzesUrl } from '../../../present/urls.ts';
import { siteBase } from '../../shared/site-base.ts';
import { describeSet } from './practice-html.ts';
import { loadPracticeLines, questionsOf } from './practice-sets.ts';

interface LessonQuiz {
	slug: string;
	number: number;
	title: string;
	questions: Question[];
}

let lessonQuizzes: Promise<LessonQuiz[]> | undefined;

function loadLessonQuizzes(): Promise<LessonQuiz[]> {
	lessonQuizzes ??= fetch(lessonQuizzesUrl(siteBase)).then((r) => {
		if (!r.ok) throw new Error(`status ${r.status}`);
		return r.json() as Promise<LessonQuiz[]>;
	});
	return lessonQuizzes;
}

function download(name: string, data: BlobPart, type: string): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.hidden = true;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

class TeachExport extends HTMLElement {
	private status!: HTMLElement;

	connectedCallback(): void {
		if (this.status) return;
		this.status = this.querySelector<HTMLElement>('.teach-export-status')!;
		this.querySelector<HTMLElement>('.teach-export-buttons')!.hidden = false;
		this.querySelector<HTMLElement>('.teach-export-no-js')!.hidden = true;
		const lesson = this.querySelector<HTMLSelectElement>('select[name="export-lesson"]')!;
		// Choosing a lesson means exporting it.
		lesson.addEventListener('change', () => {
			this.querySelector<HTMLInputElement>('input[name="export-what"][value="lesson"]')!.checked = true;
		});
		this.querySelector('.teach-download-moodle')!.addEventListener('click', () => void this.export('moodle'));
		this.querySelector('.teach-download-qti')!.addEventListener('click', () => void this.export('qti'));
	}

	/** The chosen questions and what they are. */
	private async chosen(): Promise<{ set: ExportSet; questions: Question[] }> {
		const what = this.querySelector<HTMLInputElement>('input[name="export-what"]:checked')?.value;
		if (what === 'lesson') {
			const slug = this.querySelector<HTMLSelectElement>('select[name="export-lesson"]')!.value;
			const quiz = (await loadLessonQuizzes()).find((q) => q.slug === slug);
			if (!quiz) throw new Error(`no quiz for lesson ${slug}`);
			const link = new URL(
				this.querySelector<HTMLOptionElement>(`option[value="${slug}"]`)!.dataset.href!,
				location.href,
			);
			return {
				set: {
					title: `Lesson ${quiz.number}: ${quiz.title}`,
					about: `The quiz of lesson ${quiz.number} of GODEBUG Explained, ${link.href}`,
					slug: `lesson-${quiz.number}`,
				},
				questions: quiz.questions,
			};
		}
		// The set the teach form's assignment link gives: the same reading of the same address.
		const link = document.querySelector<HTMLAnchorElement>('.teach-link')!;
		const p = parsePracticeParams(new URL(link.href).search);
		const set = { seed: p.seed ?? '', topics: p.topics, count: p.count };
		const questions = questionsOf(set, await loadPracticeLines());
		return {
			set: {
				title: `Set “${set.seed}”`,
				about: `${describeSet(set, questions.length)}, drawn from real captures; the same set online: ${link.href}`,
				slug: set.seed,
			},
			questions,
		};
	}

	private async export(format: 'moodle' | 'qti'): Promise<void> {
		this.status.textContent = 'Making the file…';
		try {
			const { set, questions } = await this.chosen();
			const names = exportFileNames(set);
			if (format === 'moodle') download(names.moodle, moodleXml(set, questions), 'application/xml');
			else download(names.qti, qtiPackage(set, questions) as Uint8Array<ArrayBuffer>, 'application/zip');
			this.status.textContent = `Downloaded ${format === 'moodle' ? names.moodle : names.qti}: ${set.title}, ${questions.length} questions.`;
		} catch {
			this.status.textContent =
				'The questions could not be loaded, so nothing was downloaded. Reload the page to try again.';
		}
	}
}

if (!customElements.get('teach-export')) customElements.define('teach-export', TeachExport);
