/**
 * The classroom page's report of a class's hand-in codes as HTML: per set, a table of the
 * questions (how many got each right, the common wrong answers), the fields the class finds
 * hard, and the codes that could not be read, each with why. DOM-free; all text is escaped.
 */
import type { CodeProblem, SetReport } from '../../../present/hand-in.ts';
import { escapeHtml, proseHtml } from '../../../present/html.ts';
import { fieldUrl, practiceUrl } from '../../../present/urls.ts';
import { getField, practiceQuery } from '../../../trace/index.ts';
import { describeSet } from './practice-html.ts';

function fieldLink(key: string, base: string): string {
	return `<a href="${escapeHtml(fieldUrl(key, base))}">${escapeHtml(getField(key)?.label ?? key)}</a>`;
}

function setTable(report: SetReport, index: number, base: string): string {
	const { set } = report;
	const query = practiceQuery({ seed: set.seed, topics: set.topics, count: set.count });
	const learners = `${report.learners} ${report.learners === 1 ? 'learner' : 'learners'}`;
	const focus = Object.keys(set.weights ?? {}).length
		? ' This set was weighted to one learner’s missed fields, so it is theirs alone.'
		: '';
	const rows = report.questions.map((q) => {
		const wrong = q.wrong.length
			? `<ul class="class-wrong">${q.wrong
					.slice(0, 3)
					.map((w) => `<li>${proseHtml(w.answer)} <span class="class-count">(${w.count})</span></li>`)
					.join('')}${q.wrong.length > 3 ? `<li>${q.wrong.length - 3} other answers</li>` : ''}</ul>`
			: q.answered
				? 'none'
				: '';
		return (
			`<tr><th scope="row">${q.number}. ${proseHtml(q.question.prompt)}</th>` +
			`<td class="class-right">${q.answered ? `${q.right} of ${q.answered}` : 'not answered'}</td>` +
			`<td>${wrong}</td><td>${q.question.fields.map((k) => fieldLink(k, base)).join(', ')}</td></tr>`
		);
	});
	const hard = report.hardFields.length
		? `<ul>${report.hardFields
				.slice(0, 8)
				.map((f) => `<li>${fieldLink(f.key, base)}: ${f.wrong} wrong of ${f.answered} answers</li>`)
				.join('')}</ul>`
		: '<p>No field had a wrong answer.</p>';
	const id = `class-set-${index}`;
	return (
		`<section class="class-set" aria-labelledby="${id}">` +
		`<h3 id="${id}">Set “${escapeHtml(set.seed)}”: ${learners}</h3>` +
		`<p>${escapeHtml(describeSet(set, report.questions.length))}; <a href="${escapeHtml(practiceUrl(query, base))}">open the set</a>.${focus}</p>` +
		// The scrolling box is a region of its own: named by its table and its set, apart from the set's section.
		`<div class="class-table-wrap" tabindex="0" role="region" aria-labelledby="${id}-table ${id}">` +
		`<table class="class-table"><caption id="${id}-table">Answers per question, checked again here</caption>` +
		`<thead><tr><th scope="col">Question</th><th scope="col">Right</th><th scope="col">Common wrong answers (how many)</th><th scope="col">Fields</th></tr></thead>` +
		`<tbody>${rows.join('')}</tbody></table></div>` +
		`<h4>Fields this class finds hard</h4>${hard}</section>`
	);
}

/** The whole report: one section per set, then the codes not counted. */
export function classReportHtml(
	reports: readonly SetReport[],
	problems: readonly CodeProblem[],
	repeats: number,
	base = '/',
): string {
	const counted = reports.reduce((n, r) => n + r.learners, 0);
	const summary =
		`<p class="class-summary">${counted} ${counted === 1 ? 'code' : 'codes'} counted` +
		`${problems.length ? `, ${problems.length} not counted` : ''}` +
		`${repeats ? `, ${repeats} pasted twice (counted once)` : ''}.</p>`;
	const bad = problems.length
		? `<section class="class-problems" aria-labelledby="class-problems-heading"><h3 id="class-problems-heading">Codes not counted</h3><ul>${problems
				.map((p) => `<li>Code ${p.position} (<code>${escapeHtml(p.excerpt)}</code>): ${escapeHtml(p.message)}</li>`)
				.join('')}</ul></section>`
		: '';
	return summary + reports.map((r, i) => setTable(r, i + 1, base)).join('') + bad;
}
