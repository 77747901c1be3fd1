/** `<copy-link>`: adds a button that copies the page's address, and says whether it worked. */
class CopyLinkElement extends HTMLElement {
	connectedCallback(): void {
		if (this.querySelector('button')) return;
		// The address as the reader sees it (the build's canonical address may differ in a preview).
		const href = location.href.split('#')[0];
		const tools = document.createElement('span');
		tools.dataset.scriptOutput = '';
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'button button-small';
		button.textContent = 'Copy link';
		const status = document.createElement('span');
		status.setAttribute('role', 'status');
		button.addEventListener('click', async () => {
			try {
				await navigator.clipboard.writeText(href);
				status.textContent = ' Link copied.';
			} catch {
				status.textContent = ` Copying is blocked here; the link is ${href}`;
			}
		});
		tools.append(' ', button, status);
		this.append(tools);
	}
}

if (!customElements.get('copy-link')) customElements.define('copy-link', CopyLinkElement);
