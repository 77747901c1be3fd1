/**
 * Share links: a small log travels in the page address's fragment (`#log=`), compressed with
 * deflate-raw and base64url-encoded. Fragments are never sent to a server.
 */

/** Longest fragment made: longer links get cut off by chat apps, mail clients and servers' logs. */
export const maxFragmentChars = 32 * 1024;
/** Larger logs are not read to make a link (their link would be far too long). */
export const maxShareBytes = 8 * 1024 * 1024;
/**
 * What a link is read up to: the limits links are made with, plus a margin (so a link made
 * before a limit is lowered still opens). Beyond them a link cannot come from this page, and
 * unpacking it could fill the tab's memory: deflate packs 1 GiB of zeros into 1 MB.
 */
export const maxLinkValueChars = maxFragmentChars + 4 * 1024;
export const maxLinkLogBytes = maxShareBytes + 1024 * 1024;
export const fragmentKey = 'log';

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
const kb = (chars: number): string => `${Math.ceil(chars / 1024)} KB`;

/** A link carrying more than a shared link may: its message is a whole sentence for the reader. */
export class LinkTooLarge extends Error {}

export async function encodeLog(text: string): Promise<string> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
	const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
	return toBase64Url(bytes);
}

/**
 * The log in a fragment value; throws an Error saying what is wrong when it is not one, and a
 * LinkTooLarge, without holding more than `limit` bytes, when it unpacks to more than that.
 */
export async function decodeLog(value: string, limit = maxLinkLogBytes): Promise<string> {
	if (value.length > maxLinkValueChars) {
		throw new LinkTooLarge(
			`This link holds more than a shared link may: ${kb(value.length)} of packed log after #log=, ` +
				`and this page reads at most ${kb(maxLinkValueChars)}. Ask for the log file itself instead.`,
		);
	}
	let bytes: Uint8Array;
	try {
		bytes = fromBase64Url(value);
	} catch {
		throw new Error('the link’s log is not valid base64url text; it may have been cut off or changed');
	}
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value: chunk } = await reader.read();
			if (done) break;
			total += chunk.length;
			if (total > limit) break;
			chunks.push(chunk);
		}
	} catch {
		throw new Error('the link’s log does not decompress; it may have been cut off or changed');
	}
	if (total > limit) {
		// Stops the decompression: nothing past the limit is unpacked.
		await reader.cancel().catch(() => {});
		chunks.length = 0;
		throw new LinkTooLarge(
			`This link holds more than a shared link may: its log unpacks to more than ${mb(limit)}, ` +
				`the most this page reads from a link. Ask for the log file itself instead.`,
		);
	}
	const joined = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		joined.set(chunk, at);
		at += chunk.length;
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(joined);
	} catch {
		throw new Error('the link’s log is not text; it may have been cut off or changed');
	}
}

/** The `log` value of a fragment (`#log=…`), or null when the fragment has none. */
export function logFromFragment(hash: string): string | null {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	return params.get(fragmentKey);
}

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error('not base64url');
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
