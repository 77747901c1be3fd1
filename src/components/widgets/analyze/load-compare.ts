/**
 * Loads `<compare-runs>` (compare-runs.ts, and the core's analysis with it: most of /analyze/'s
 * script) only when it is used: at once when the address carries a comparison to open, else when
 * the reader first reaches the section (focus, pointer, a file dragged over it). The form shows
 * at once; a submit, a press of the example button or a file dropped on one side before the code
 * has arrived is done once it has, as the element would have done it.
 */
import { comparisonFromFragment } from './share.ts';

const compare = document.querySelector<HTMLElement>('compare-runs');
const loaded = () => customElements.get('compare-runs') !== undefined;
let loading: Promise<unknown> | null = null;

if (compare) {
	const form = compare.querySelector<HTMLFormElement>('[data-part="compare-form"]')!;
	const status = compare.querySelector<HTMLElement>('[data-part="compare-status"]')!;
	/** The element's code, downloaded once; a failed download may be tried again. */
	const load = (): Promise<unknown> =>
		(loading ??= import('./compare-runs.ts').catch((error: unknown) => {
			loading = null;
			status.textContent = `The comparison could not be loaded: ${(error as Error).message}. Check the connection and try again.`;
			status.classList.add('is-problem');
			throw error;
		}));
	const whenLoaded = (then: () => void) => load().then(then, () => {});

	form.hidden = false;
	const triggers = ['focusin', 'pointerover', 'dragenter', 'input'] as const;
	const start = () => {
		for (const type of triggers) compare.removeEventListener(type, start);
		void whenLoaded(() => {});
	};
	for (const type of triggers) compare.addEventListener(type, start);
	const openFragment = () => {
		if (comparisonFromFragment(location.hash) !== null) void whenLoaded(() => {});
	};
	window.addEventListener('hashchange', openFragment);
	openFragment();

	// Done once the element is defined (it handles these itself from then on).
	form.addEventListener('submit', (e) => {
		if (loaded()) return;
		e.preventDefault();
		void whenLoaded(() => form.requestSubmit());
	});
	compare.addEventListener('click', (e) => {
		const example = (e.target as Element).closest<HTMLButtonElement>('[data-part="compare-example"]');
		if (!example || loaded()) return;
		void whenLoaded(() => example.click());
	});
	// A file dropped on one side's box is that side's log, not the analyzer's (as compare-runs.ts).
	compare.addEventListener('drop', (e) => {
		const input = (e.target as Element).closest('fieldset')?.querySelector<HTMLInputElement>('input[type="file"]');
		if (!input || loaded()) return;
		e.preventDefault();
		e.stopPropagation();
		if (e.dataTransfer?.files.length) input.files = e.dataTransfer.files;
	});
}

export {};
