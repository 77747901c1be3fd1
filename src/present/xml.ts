/**
 * XML as a small tree serialized in one place, so text is escaped exactly once: every string a
 * caller passes is text (a trace line, a prompt), never markup. Used by the LMS exports.
 */

export interface XmlElement {
	name: string;
	attrs: Readonly<Record<string, string | number | undefined>>;
	children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

/** An element; attributes left `undefined` are omitted. */
export function el(
	name: string,
	attrs: Readonly<Record<string, string | number | undefined>> = {},
	...children: (XmlNode | readonly XmlNode[])[]
): XmlElement {
	return { name, attrs, children: children.flat() };
}

/** Characters XML 1.0 cannot carry at all (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF). */
const notXmlChar =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const textEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const attrEscapes: Record<string, string> = {
	...textEscapes,
	'"': '&quot;',
	'\t': '&#9;',
	'\n': '&#10;',
	'\r': '&#13;',
};

/** Text content: `&`, `<` and `>` escaped (`>` too, so `]]>` never appears), characters XML cannot carry become U+FFFD. */
function escapeXmlText(text: string): string {
	return text
		.replace(notXmlChar, '\uFFFD')
		.replace(/[&<>]/g, (c) => textEscapes[c])
		.replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes; whitespace kept as character references so parsers do not normalize it away. */
function escapeXmlAttr(text: string): string {
	return text.replace(notXmlChar, '\uFFFD').replace(/[&<>"\t\n\r]/g, (c) => attrEscapes[c]);
}

/**
 * One node as XML. With `html`, an empty element still gets its end tag (`<p></p>`, never `<p/>`),
 * as HTML needs. With `depth`, an element holding only elements puts each on its own indented
 * line, so a person can read the file; an element holding any text is written on one line, so
 * no whitespace is added to text (a `<pre>`, a paragraph).
 */
export function serialize(node: XmlNode, html = false, depth: number | null = null): string {
	if (typeof node === 'string') return escapeXmlText(node);
	const attrs = Object.entries(node.attrs)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => ` ${k}="${escapeXmlAttr(String(v))}"`)
		.join('');
	if (node.children.length === 0 && !html) return `<${node.name}${attrs}/>`;
	const blocks = depth !== null && node.children.every((c) => typeof c !== 'string');
	const inner = blocks
		? node.children.map((c) => `\n${'\t'.repeat(depth + 1)}${serialize(c, html, depth + 1)}`).join('') +
			`\n${'\t'.repeat(depth)}`
		: node.children.map((c) => serialize(c, html)).join('');
	return `<${node.name}${attrs}>${inner}</${node.name}>`;
}

/** A whole document: declaration, then the root element, indented. */
export function xmlDocument(root: XmlElement): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root, false, 0)}\n`;
}
