/**
 * Puts a share link's fragment in the address, shows the link and copies it, for the single-log
 * and the comparison links alike.
 */

/** `travels` says what the fragment carries and what its reader sees, as one sentence. */
export async function showShareLink(
	fragment: string,
	parts: { field: HTMLInputElement; fieldLabel: HTMLElement; message: HTMLElement },
	travels: string,
): Promise<void> {
	history.replaceState(null, '', fragment);
	parts.field.value = location.href;
	parts.fieldLabel.hidden = false;
	let copied: boolean;
	try {
		await navigator.clipboard.writeText(location.href);
		copied = true;
	} catch {
		copied = false;
	}
	parts.message.textContent = (copied ? 'Link copied. ' : 'Copy the link below. ') + travels;
}
