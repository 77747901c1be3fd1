/**
 * The projector view toggle: large type and high contrast for a classroom screen. The choice is
 * kept in localStorage (when the browser allows it) so it follows the teacher from page to page;
 * the head script in Base.astro applies it before the page paints, and `?view=projector` in an
 * address turns it on.
 */
const VIEW_KEY = 'godebug-explained:view';

function remember(on: boolean): void {
	try {
		if (on) localStorage.setItem(VIEW_KEY, 'projector');
		else localStorage.removeItem(VIEW_KEY);
	} catch {
		// Storage blocked or full: the view still changes for this page.
	}
}

const root = document.documentElement;
for (const button of document.querySelectorAll<HTMLButtonElement>('.projector-toggle')) {
	const sync = () => button.setAttribute('aria-pressed', String(root.dataset.view === 'projector'));
	sync();
	if (button.dataset.offer !== undefined || root.dataset.view === 'projector') button.hidden = false;
	button.addEventListener('click', () => {
		const on = root.dataset.view !== 'projector';
		if (on) root.dataset.view = 'projector';
		else delete root.dataset.view;
		remember(on);
		sync();
	});
}

export {};
