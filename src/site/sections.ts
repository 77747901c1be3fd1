/**
 * The site's sections, in navigation order. A section that is not built yet stays listed
 * (so readers know it is coming) but is never linked, so no link leads nowhere.
 */
export interface Section {
	/** Navigation label. */
	title: string;
	/** Where the section lives once built, from the site's root (`siteUrl` adds the base path). */
	path: string;
	/** One sentence for the home page. */
	description: string;
	/** Whether its pages exist yet. */
	ready: boolean;
}

export const sections: readonly Section[] = [
	{
		title: 'Lessons',
		path: 'lessons/',
		description:
			'Step-by-step lessons on schedtrace, scheddetail, gctrace and gcpacertrace, on traces captured from real Go programs.',
		ready: true,
	},
	{
		title: 'Set up',
		path: 'setup/',
		description:
			'The example programs to download, the hey load generator and the Go releases used: all you need, besides Go, to run every step yourself.',
		ready: true,
	},
	{
		title: 'Reference',
		path: 'reference/',
		description: 'Every field of every trace format, on a page of its own, with what changed in each Go release.',
		ready: true,
	},
	{
		title: 'Practice',
		path: 'practice/',
		description: 'Endless questions on real trace lines, checked as you answer; fields you miss come back more often.',
		ready: true,
	},
	{
		title: 'Teach',
		path: 'teach/',
		description:
			'One link gives a whole class the same questions; print a worksheet with its answer key, or show lessons in a projector view.',
		ready: true,
	},
	{
		title: 'Explain a line',
		path: 'explain/',
		description: 'Paste one trace line and see each of its fields explained, with a link you can share.',
		ready: true,
	},
	{
		title: 'Analyze a log',
		path: 'analyze/',
		description:
			'Drop a whole trace log to get every line explained, charts over time and findings, all in your browser.',
		ready: true,
	},
	{
		title: 'GC lab',
		path: 'lab/',
		description:
			'The real Go runtime in your browser: set GOGC, GOMEMLIMIT and the allocation rate, and watch its gctrace and pacer lines arrive, annotated and charted.',
		ready: true,
	},
];
