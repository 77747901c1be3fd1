/**
 * The line browser: a virtualised listbox over every line of the log. Only the rows in view
 * exist in the DOM (fixed row height, one scroll container); their text comes from the worker.
 * The list is one tab stop with `aria-activedescendant`: Up, Down, Page Up, Page Down, Home and
 * End move, Enter (or a click) selects, and the selected line is shown annotated below.
 */
import type { Row } from './protocol.ts';

const rowHeight = 24;
/** Browsers cap an element's height; past this the scroll position is scaled to the rows. */
const maxSpacerPx = 8_000_000;
const overscan = 8;

/** Fetches rows of the log by line index (the worker holds the text). */
export interface RowFetcher {
	rows(start: number, count: number): Promise<Row[]>;
}

export class LineBrowser {
	private count = 0;
	private active = -1;
	private selected = -1;
	private source: RowFetcher | null = null;
	private drawn = new Map<number, HTMLElement>();
	private generation = 0;
	private frame = 0;
	private readonly spacer: HTMLElement;

	private readonly list: HTMLElement;
	private readonly onSelect: (lineNo: number) => void;
	private readonly onEmpty: (empty: boolean) => void;

	constructor(list: HTMLElement, onSelect: (lineNo: number) => void, onEmpty: (empty: boolean) => void) {
		this.list = list;
		this.onSelect = onSelect;
		this.onEmpty = onEmpty;
		this.spacer = document.createElement('div');
		this.spacer.className = 'lb-spacer';
		this.spacer.setAttribute('role', 'presentation');
		list.replaceChildren(this.spacer);
		list.addEventListener('scroll', () => this.schedule());
		list.addEventListener('keydown', (e) => this.onKeydown(e));
		list.addEventListener('click', (e) => {
			const row = (e.target as Element).closest<HTMLElement>('[data-index]');
			if (!row) return;
			this.moveTo(Number(row.dataset.index), false);
			this.select();
		});
		list.addEventListener('focus', () => {
			if (this.active < 0 && this.count > 0) this.moveTo(this.firstVisible(), false);
		});
		new ResizeObserver(() => this.schedule()).observe(list);
	}

	/** Shows `count` rows from `source`, with row `active` (if any) active. */
	reset(source: RowFetcher, count: number, active = -1): void {
		this.source = source;
		this.count = count;
		// A list that already has focus gets an active row, as it does when focus arrives.
		const focused = document.activeElement === this.list;
		this.active = Math.min(active < 0 && focused ? 0 : active, count - 1);
		this.selected = -1;
		this.generation++;
		this.drawn.clear();
		this.spacer.replaceChildren();
		this.spacer.style.height = `${Math.min(count * rowHeight, maxSpacerPx)}px`;
		this.list.removeAttribute('aria-activedescendant');
		this.onEmpty(count === 0);
		if (this.active >= 0) this.scrollToIndex(this.active);
		else this.list.scrollTop = 0;
		this.schedule();
	}

	/** Makes row `index` active, scrolls it into view and selects it. */
	show(index: number, focus: boolean): void {
		this.moveTo(index, true);
		this.select();
		if (focus) this.list.focus({ preventScroll: true });
	}

	private get scaled(): boolean {
		return this.count * rowHeight > maxSpacerPx;
	}

	private visibleRows(): number {
		return Math.max(1, Math.floor(this.list.clientHeight / rowHeight));
	}

	/** The row at the top of the view. */
	private firstVisible(): number {
		const top = this.list.scrollTop;
		if (!this.scaled) return Math.floor(top / rowHeight);
		const maxScroll = Math.max(1, this.list.scrollHeight - this.list.clientHeight);
		return Math.round((top / maxScroll) * Math.max(0, this.count - this.visibleRows()));
	}

	private scrollToIndex(index: number): void {
		const visible = this.visibleRows();
		const first = this.firstVisible();
		if (index >= first && index < first + visible) return;
		const top = index < first ? index : index - visible + 1;
		if (!this.scaled) this.list.scrollTop = top * rowHeight;
		else {
			const maxScroll = this.list.scrollHeight - this.list.clientHeight;
			this.list.scrollTop = (top / Math.max(1, this.count - visible)) * maxScroll;
		}
	}

	private moveTo(index: number, scroll: boolean): void {
		if (this.count === 0) return;
		this.active = Math.max(0, Math.min(index, this.count - 1));
		if (scroll) this.scrollToIndex(this.active);
		this.markActive();
		this.schedule();
	}

	private select(): void {
		const row = this.drawn.get(this.active);
		if (row) {
			this.selected = this.active;
			for (const r of this.drawn.values()) r.setAttribute('aria-selected', String(r === row));
			this.onSelect(Number(row.dataset.line));
		} else {
			// Not drawn yet: select once its text has arrived.
			this.pendingSelect = true;
		}
	}
	private pendingSelect = false;

	private onKeydown(e: KeyboardEvent): void {
		if (this.count === 0) return;
		const page = this.visibleRows() - 1;
		const current = this.active < 0 ? this.firstVisible() - 1 : this.active;
		const moves: Record<string, number> = {
			ArrowDown: current + 1,
			ArrowUp: current - 1,
			PageDown: current + page,
			PageUp: current - page,
			Home: 0,
			End: this.count - 1,
		};
		if (e.key in moves) {
			e.preventDefault();
			this.moveTo(moves[e.key], true);
		} else if ((e.key === 'Enter' || e.key === ' ') && this.active >= 0) {
			e.preventDefault();
			this.select();
		}
	}

	private schedule(): void {
		if (this.frame) return;
		this.frame = requestAnimationFrame(() => {
			this.frame = 0;
			void this.draw();
		});
	}

	private async draw(): Promise<void> {
		if (!this.source) return;
		const generation = this.generation;
		const first = Math.max(0, this.firstVisible() - overscan);
		const last = Math.min(this.count, this.firstVisible() + this.visibleRows() + overscan);
		// Rows keep their place relative to the view, so a scaled list still lines up.
		const offset = this.scaled ? this.list.scrollTop - this.firstVisible() * rowHeight : 0;
		for (const [i, el] of this.drawn) {
			if (i < first || i >= last) {
				el.remove();
				this.drawn.delete(i);
			}
		}
		const missing: number[] = [];
		for (let i = first; i < last; i++) if (!this.drawn.has(i)) missing.push(i);
		for (const [i, el] of this.drawn) el.style.top = `${i * rowHeight + offset}px`;
		if (missing.length > 0) {
			const rows = await this.source.rows(missing[0], missing.at(-1)! - missing[0] + 1);
			if (generation !== this.generation) return;
			rows.forEach((row, k) => {
				const i = missing[0] + k;
				if (this.drawn.has(i)) return;
				const el = this.renderRow(row, i);
				el.style.top = `${i * rowHeight + offset}px`;
				this.drawn.set(i, el);
				this.spacer.append(el);
			});
		}
		this.markActive();
		if (this.pendingSelect && this.drawn.has(this.active)) {
			this.pendingSelect = false;
			this.select();
		}
	}

	private renderRow(row: Row, index: number): HTMLElement {
		const el = document.createElement('div');
		el.className = `lb-row${row.problem ? ' has-problem' : ''}`;
		el.id = `lb-row-${index}`;
		el.setAttribute('role', 'option');
		el.setAttribute('aria-selected', String(index === this.selected));
		el.setAttribute('aria-posinset', String(index + 1));
		el.setAttribute('aria-setsize', String(this.count));
		el.dataset.index = String(index);
		el.dataset.line = String(row.lineNo);
		const no = document.createElement('span');
		no.className = 'lb-no';
		no.textContent = String(row.lineNo);
		const kind = document.createElement('span');
		kind.className = `lb-kind k-${row.kind}`;
		kind.textContent = row.problem ? `${row.kind} ⚠` : row.kind;
		if (row.problem) kind.title = 'This line has a problem';
		const text = document.createElement('span');
		text.className = 'lb-text';
		text.textContent = row.text;
		const label = document.createElement('span');
		label.className = 'visually-hidden';
		label.textContent = row.problem ? ', has a problem' : '';
		el.append(no, kind, text, label);
		return el;
	}

	private markActive(): void {
		for (const [i, el] of this.drawn) el.classList.toggle('is-active', i === this.active);
		if (this.drawn.has(this.active)) this.list.setAttribute('aria-activedescendant', `lb-row-${this.active}`);
		else this.list.removeAttribute('aria-activedescendant');
	}
}
