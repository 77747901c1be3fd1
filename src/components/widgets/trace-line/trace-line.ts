/**
 * `<trace-line>`: behaviour for an annotated line rendered by `render.ts`. The fields are
 * one tab stop (arrow keys, Home and End move between them); hovering or focusing a field
 * highlights it and its explanation both ways; on a line whose field list is collapsed (a lesson's),
 * choosing a field explains it under the line, from its row in the list; a button copies a link that shows this line
 * annotated with the field selected. A line marked `data-arrival` selects and focuses the field
 * named by `#field=<key>` in the address, once per page.
 */
import { explainUrl } from '../../../present/urls.ts';
import { siteBase } from '../../shared/site-base.ts';
import { copyLinkLabel, traceToolsHtml } from './copy-label.ts';

let arrivalHandled = false;

export class TraceLineElement extends HTMLElement {
	private tokens: HTMLAnchorElement[] = [];
	private fields: HTMLElement[] = [];
	private selected = -1;
	private status: HTMLElement | null = null;
	private copyButton: HTMLButtonElement | null = null;
	private started = false;

	connectedCallback(): void {
		this.tokens = [...this.querySelectorAll<HTMLAnchorElement>('a.tok')];
		this.fields = [...this.querySelectorAll<HTMLElement>('.trace-fields .field')];
		if (this.tokens.length === 0 || this.started) return;
		this.started = true;
		const preset = this.tokens.findIndex((t) => t.classList.contains('is-selected'));
		this.selected = preset;
		this.setTabStop(preset >= 0 ? preset : 0);
		this.addTools();
		this.addEventListener('keydown', (e) => this.onKeydown(e));
		this.addEventListener('click', (e) => this.onClick(e));
		this.addEventListener('focusin', (e) => this.highlight(this.indexOf(e.target)));
		this.addEventListener('focusout', () => this.highlight(-1));
		this.addEventListener('pointerover', (e) => this.highlight(this.indexOf(e.target)));
		this.addEventListener('pointerleave', () => this.highlight(-1));
		this.handleArrival();
	}

	private get lineText(): string {
		return this.querySelector('.trace-code')?.textContent ?? '';
	}

	private indexOf(target: EventTarget | null): number {
		const el = (target as Element | null)?.closest?.('[data-index]');
		return el && this.contains(el) ? Number(el.getAttribute('data-index')) : -1;
	}

	private setTabStop(i: number): void {
		this.tokens.forEach((t, j) => (t.tabIndex = j === i ? 0 : -1));
	}

	private highlight(i: number): void {
		this.tokens.forEach((t, j) => t.classList.toggle('is-active', j === i));
		this.fields.forEach((f, j) => f.classList.toggle('is-active', j === i));
	}

	/** Marks field `i` selected (it stays highlighted) and makes it the tab stop. */
	select(i: number, focus: boolean): void {
		if (i < 0 || i >= this.tokens.length) return;
		this.selected = i;
		this.tokens.forEach((t, j) => t.classList.toggle('is-selected', j === i));
		this.fields.forEach((f, j) => f.classList.toggle('is-selected', j === i));
		this.setTabStop(i);
		this.explainUnderLine(i);
		if (focus) this.tokens[i].focus();
		this.updateCopyLabel();
	}

	/** On a collapsed line, shows field `i`'s name, value and meaning under it, copied from its (escaped) row. */
	private explainUnderLine(i: number): void {
		const list = this.querySelector('details.trace-fields-more');
		const row = this.fields[i];
		if (!list || !row) return;
		let panel = this.querySelector<HTMLElement>('.trace-focus');
		if (!panel) {
			panel = document.createElement('div');
			panel.className = 'trace-focus';
			list.before(panel);
		}
		panel.dataset.index = String(i);
		panel.innerHTML =
			`<p class="trace-focus-name">${row.querySelector('dt')?.innerHTML ?? ''}</p>` +
			`<p class="trace-focus-meaning">${row.querySelector('dd')?.innerHTML ?? ''}</p>`;
	}

	private onKeydown(e: KeyboardEvent): void {
		const i = this.tokens.indexOf(e.target as HTMLAnchorElement);
		if (i < 0) return;
		const last = this.tokens.length - 1;
		const next: Record<string, number> = {
			ArrowRight: Math.min(i + 1, last),
			ArrowDown: Math.min(i + 1, last),
			ArrowLeft: Math.max(i - 1, 0),
			ArrowUp: Math.max(i - 1, 0),
			Home: 0,
			End: last,
		};
		if (!(e.key in next)) return;
		e.preventDefault();
		this.select(next[e.key], true);
	}

	private onClick(e: MouseEvent): void {
		const token = (e.target as Element).closest('a.tok');
		if (!token || !this.contains(token)) return;
		// The explanation is already highlighted beside the line; select instead of jumping.
		e.preventDefault();
		this.select(this.tokens.indexOf(token as HTMLAnchorElement), true);
	}

	/** Shows the tools row the page rendered hidden, or adds one (lines drawn in the browser). */
	private addTools(): void {
		if (!this.querySelector('.trace-tools'))
			this.querySelector('figure')?.insertAdjacentHTML('afterend', traceToolsHtml(undefined));
		const tools = this.querySelector<HTMLElement>('.trace-tools');
		if (!tools) return;
		tools.hidden = false;
		this.copyButton = tools.querySelector('button.copy-link');
		this.status = tools.querySelector('.copy-status');
		this.copyButton?.addEventListener('click', () => this.copyLink());
		this.updateCopyLabel();
	}

	private selectedKey(): string | undefined {
		return this.tokens[this.selected]?.dataset.key;
	}

	private updateCopyLabel(): void {
		if (!this.copyButton) return;
		const key = this.selectedKey();
		const label = key ? this.fields[this.selected]?.querySelector('.field-name')?.textContent : undefined;
		this.copyButton.textContent = copyLinkLabel(label ?? undefined);
	}

	private async copyLink(): Promise<void> {
		const url = new URL(explainUrl(this.lineText, this.selectedKey(), siteBase), location.origin).href;
		try {
			await navigator.clipboard.writeText(url);
			this.say('Link copied.');
		} catch {
			this.say(`Copying is blocked here; the link is: ${url}`);
		}
	}

	private say(message: string): void {
		if (this.status) this.status.textContent = message;
	}

	private handleArrival(): void {
		// Only lines that show what the address carries (on /explain/) take `#field=`.
		if (arrivalHandled || !this.hasAttribute('data-arrival')) return;
		const key = new URLSearchParams(location.hash.slice(1)).get('field');
		if (!key) return;
		const i = this.tokens.findIndex((t) => t.dataset.key === key);
		if (i < 0) return;
		arrivalHandled = true;
		this.select(i, true);
	}
}

if (!customElements.get('trace-line')) customElements.define('trace-line', TraceLineElement);
