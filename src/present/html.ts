/** Text made safe for HTML, shared by everything that builds markup as a string. */

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => escapes[c]);
}

/** Catalogue prose as HTML: escaped, with its `backticked` printed tokens as code. */
export function proseHtml(text: string): string {
	return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}
