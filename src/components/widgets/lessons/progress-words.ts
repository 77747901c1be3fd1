/** The words of a lesson's "done" toggle, shared by the page (its place) and the script (its state). */
export const doneButtonText = {
	notDone: 'Mark this lesson as done',
	done: '✓ Done: you finished this lesson',
};
