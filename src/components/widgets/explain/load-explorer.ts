/**
 * Loads `<trace-explorer>` (the trace core with it, most of the page's script) only when it is
 * needed: at once when the address carries a `?line=` to explain, else when the reader first
 * reaches the form (focus, pointer, input). A submit before it has loaded waits for it instead
 * of reloading the page; the explorer then explains what the box already holds.
 */
const explorer = document.querySelector('trace-explorer');
const load = () => import('./trace-explorer.ts');

if (explorer) {
	// Not decoded here: the explorer refuses an over-long address before it decodes it.
	if (/[?&]line=/.test(location.search)) void load();
	else {
		const triggers = ['focusin', 'pointerdown', 'input'] as const;
		const start = () => {
			for (const type of triggers) explorer.removeEventListener(type, start);
			void load();
		};
		for (const type of triggers) explorer.addEventListener(type, start);
	}
	explorer.addEventListener('submit', (e) => {
		if (customElements.get('trace-explorer')) return;
		e.preventDefault();
		void load();
	});
}

export {};
