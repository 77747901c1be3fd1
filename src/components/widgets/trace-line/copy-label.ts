import { escapeHtml } from '../../../present/html.ts';

/** The words of a line's copy-link button: the page renders them in its place, the script keeps them current. */
export function copyLinkLabel(fieldLabel: string | undefined): string {
	return fieldLabel ? `Copy link to this line, at “${fieldLabel}”` : 'Copy link to this line';
}

/**
 * The tools row a `<trace-line>` shows under its caption, rendered hidden so the page keeps its
 * place before the script runs (see trace-line.css).
 */
export function traceToolsHtml(fieldLabel: string | undefined): string {
	return (
		'<div class="trace-tools" hidden data-script-output>' +
		`<button type="button" class="button button-small copy-link">${escapeHtml(copyLinkLabel(fieldLabel))}</button>` +
		'<span class="copy-status" role="status"></span></div>'
	);
}
