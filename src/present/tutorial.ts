/**
 * The tutorial the lessons follow, named once: its title, who publishes it and where. The
 * lessons take its steps (build the web service, put load on it, read the traces) on real
 * captures, and say so where the runtime's source disagrees with it.
 */
export const tutorial = {
	title: 'GODEBUG',
	/** The course it is part of. */
	course: 'Ardan Labs’ Go training',
	publisher: 'Ardan Labs',
	url: 'https://github.com/ardanlabs/gotraining/tree/master/topics/go/profiling/godebug',
	licence: 'Apache License 2.0',
} as const;
