/**
 * Share links: a small log travels in the page address's fragment (`#log=`), compressed with
 * deflate-raw and base64url-encoded. Fragments are never sent to a server.
 */

/** Longest fragment made: longer links get cut off by chat apps, mail clients and servers' logs. */
export const maxFragmentChars = 32 * 1024;
export const fragmentKey = 'log';

export async function encodeLog(text: string): Promise<string> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
	const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
	return toBase64Url(bytes);
}

/** The log in a fragment value; throws an Error saying what is wrong when it is not one. */
export async function decodeLog(value: string): Promise<string> {
	let bytes: Uint8Array;
	try {
		bytes = fromBase64Url(value);
	} catch {
		throw new Error('the link’s log is not valid base64url text; it may have been cut off or changed');
	}
	try {
		const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
		return new TextDecoder('utf-8', { fatal: true }).decode(await new Response(stream).arrayBuffer());
	} catch {
		throw new Error('the link’s log does not decompress; it may have been cut off or changed');
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
