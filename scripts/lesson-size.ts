/**
 * How long each lesson is, as a learner meets it: `npm run lessons:size [-- DIST]` loads every built
 * lesson in Chromium at 1280×800 and prints the words before the quiz (what is on screen: a closed
 * field table does not count), the quiz's words, and the page's height in screens.
 */
import path from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunch } from './chromium.ts';
import { startSite } from './site-server.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const viewport = { width: 1280, height: 800 };

interface LessonSize {
	path: string;
	wordsBeforeQuiz: number;
	quizWords: number;
	screensBeforeQuiz: number;
	screens: number;
}

const site = await startSite(['--dir', dist]);
const browser = await chromium.launch(chromiumLaunch);
try {
	const page = await browser.newPage({ viewport });
	await page.goto(`${site.origin}/lessons/`);
	const paths = await page.$$eval('main a[href*="/lessons/"]', (links) => [
		...new Set(links.map((a) => new URL((a as HTMLAnchorElement).href).pathname).filter((p) => p !== '/lessons/')),
	]);
	const sizes: LessonSize[] = [];
	for (const lessonPath of paths) {
		await page.goto(site.origin + lessonPath);
		if ((await page.locator('article.lesson').count()) === 0) continue;
		sizes.push({ path: lessonPath, ...(await page.evaluate(measure, viewport.height)) });
	}
	const rows = sizes.map((s) => [
		s.path,
		String(s.wordsBeforeQuiz),
		String(s.quizWords),
		s.screensBeforeQuiz.toFixed(1),
		s.screens.toFixed(1),
	]);
	const total = sizes.reduce((sum, s) => sum + s.wordsBeforeQuiz, 0);
	const quizTotal = sizes.reduce((sum, s) => sum + s.quizWords, 0);
	rows.push(['total', String(total), String(quizTotal), '', '']);
	console.log('| lesson | words before quiz | quiz words | screens before quiz | screens |');
	console.log('|---|---:|---:|---:|---:|');
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} finally {
	await browser.close();
	site.stop();
}

/** Runs in the page. Words are counted from `innerText`, so only what is rendered counts. */
function measure(screenHeight: number): Omit<LessonSize, 'path'> {
	const count = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
	const article = document.querySelector<HTMLElement>('article.lesson')!;
	const quiz = article.querySelector<HTMLElement>('.quiz');
	const screens = document.documentElement.scrollHeight / screenHeight;
	const articleTop = article.getBoundingClientRect().top + window.scrollY;
	const quizTop = quiz ? quiz.getBoundingClientRect().top + window.scrollY : articleTop + article.offsetHeight;
	const quizWords = quiz ? count(quiz.innerText) : 0;
	// What comes before the quiz: remove the quiz and everything after it in the article.
	if (quiz) {
		let from: Node = quiz;
		while (from.parentNode !== article) from = from.parentNode!;
		for (let node: Node | null = from; node;) {
			const next: Node | null = node.nextSibling;
			node.parentNode!.removeChild(node);
			node = next;
		}
	}
	return {
		wordsBeforeQuiz: count(article.innerText),
		quizWords,
		screensBeforeQuiz: (quizTop - articleTop) / screenHeight,
		screens,
	};
}
