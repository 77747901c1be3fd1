/**
 * Share links: a small log travels in the page address's fragment (`#log=`), compressed with
 * deflate-raw and base64url-encoded; two runs to compare travel as `#before=…&after=…`, each
 * packed the same way, within the same limits for the whole fragment. Fragments are never sent
 * to a server.
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
/** The keys of a comparison's two logs, in the order the page shows them. */
const compareKeys = ['before', 'after'] as const;
type CompareKey = (typeof compareKeys)[number];

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
export async function decodeLog(value: string, limit = maxLinkLogBytes, key: string = fragmentKey): Promise<string> {
	if (value.length > maxLinkValueChars) {
		throw new LinkTooLarge(
			`This link holds more than a shared link may: ${kb(value.length)} of packed log after #${key}=, ` +
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

/** The fragment carrying both logs of a comparison (`#before=…&after=…`). */
export async function encodeComparison(logs: Record<CompareKey, string>): Promise<string> {
	const values = await Promise.all(compareKeys.map((key) => encodeLog(logs[key])));
	return '#' + compareKeys.map((key, i) => `${key}=${values[i]}`).join('&');
}

/** The packed `before` and `after` values of a fragment, or null unless it holds both. */
export function comparisonFromFragment(hash: string): Record<CompareKey, string> | null {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const before = params.get('before');
	const after = params.get('after');
	return before === null || after === null ? null : { before, after };
}

/**
 * Both logs of a comparison link. The two share the limits of one link: a link longer than
 * the page makes is refused before either is unpacked, and together they unpack to at most
 * `limit` bytes. Errors name the log at fault.
 */
export async function decodeComparison(
	values: Record<CompareKey, string>,
	limit = maxLinkLogBytes,
): Promise<Record<CompareKey, string>> {
	const packed = values.before.length + values.after.length;
	if (packed > maxLinkValueChars) {
		throw new LinkTooLarge(
			`This link holds more than a shared link may: ${kb(packed)} of packed logs after #before= and &after=, ` +
				`and this page reads at most ${kb(maxLinkValueChars)}. Ask for the log files themselves instead.`,
		);
	}
	const logs = { before: '', after: '' };
	let left = limit;
	for (const key of compareKeys) {
		try {
			logs[key] = await decodeLog(values[key], left, key);
		} catch (error) {
			if (error instanceof LinkTooLarge)
				throw new LinkTooLarge(
					`This link holds more than a shared link may: its two logs unpack to more than ${mb(limit)} ` +
						`together, the most this page reads from a link. Ask for the log files themselves instead.`,
					{ cause: error },
				);
			throw new Error((error as Error).message.replace('the link’s log', `the link’s “${key}” log`), {
				cause: error,
			});
		}
		left -= new TextEncoder().encode(logs[key]).length;
	}
	return logs;
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
