/**
 * Registers the service worker that `npm run build` generates (scripts/service-worker.ts), so
 * every page works offline after one visit. A new release waits until the reader asks for it:
 * the notice offers a reload, so a page never mixes one release's HTML with another's scripts.
 * Without service workers (or in `astro dev`, which has none) nothing happens.
 */
import { siteBase } from '~/components/shared/site-base.ts';
import { siteUrl } from '~/present/urls.ts';

function offerUpdate(waiting: ServiceWorker): void {
	const notice = document.querySelector<HTMLElement>('.release-notice');
	const button = notice?.querySelector('button');
	if (!notice || !button) return;
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
	notice.hidden = false;
}

async function register(): Promise<void> {
	const registration = await navigator.serviceWorker.register(siteUrl('sw.js', siteBase), { scope: siteBase });
	// A waiting worker is a new release; with no controller this is the first visit, nothing to replace.
	if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
	registration.addEventListener('updatefound', () => {
		const installing = registration.installing;
		installing?.addEventListener('statechange', () => {
			if (installing.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(installing);
		});
	});
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
	register().catch(() => {
		// No worker (private mode, blocked storage): the site works online as before.
	});
}
