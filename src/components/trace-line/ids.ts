let count = 0;

/** A fresh id prefix for one annotated line; the build renders pages one at a time, so a counter is unique per page. */
export function nextTraceLineId(): string {
	count += 1;
	return `tl${count}`;
}
