/**
 * Registers the service worker that `npm run build` generates (scripts/service-worker.ts), so
 * every page works offline after one visit. A new release waits until the reader asks for it:
 * the notice offers a reload, so a page never mixes one release's HTML with another's scripts.
 * Without service workers (or in `astro dev`, which has none) nothing happens.
 */
import { siteBase } from '~/components/shared/site-base.ts';
import { siteUrl } from '~/present/urls.ts';

let offered = false;

function offerUpdate(waiting: ServiceWorker): void {
	if (offered) return;
	offered = true;
	const notice = document.querySelector<HTMLElement>('.release-notice');
	const button = notice?.querySelector<HTMLButtonElement>('[data-action="update"]');
	const dismiss = notice?.querySelector<HTMLButtonElement>('[data-action="dismiss"]');
	if (!notice || !button || !dismiss) return;
	let asked = false;
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		// Reload only when the reader asked, never behind their back.
		if (asked) location.reload();
	});
	button.addEventListener('click', () => {
		asked = true;
		button.disabled = true;
		// The generated worker handles this message by calling skipWaiting().
		waiting.postMessage({ type: 'SKIP_WAITING' });
	});
	// Fixed at the bottom of the screen, it must not stay over what the reader is doing.
	dismiss.addEventListener('click', () => {
		notice.hidden = true;
	});
	notice.hidden = false;
}

async function register(): Promise<void> {
	const registration = await navigator.serviceWorker.register(siteUrl('sw.js', siteBase), { scope: siteBase });
	// An installed worker while another controls the page is a new release; with no controller
	// this is the first visit, and there is nothing to replace.
	const watch = (worker: ServiceWorker | null): void => {
		worker?.addEventListener('statechange', () => {
			if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
		});
	};
	if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
	// The check the navigation started may already be installing.
	watch(registration.installing);
	registration.addEventListener('updatefound', () => watch(registration.installing));
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
	// After the page has loaded: the worker then fetches the whole site for offline reading, which
	// must not compete with what the reader is waiting for.
	const start = () =>
		register().catch(() => {
			// No worker (private mode, blocked storage): the site works online as before.
		});
	if (document.readyState === 'complete') void start();
	else window.addEventListener('load', () => void start(), { once: true });
}
