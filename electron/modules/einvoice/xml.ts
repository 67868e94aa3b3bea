/** A tiny XML writer: enough for UBL, where every value is text or an amount and element order is fixed by the XSD. */

export type XmlAttributes = Record<string, string | undefined>;

/** One element: a name, its attributes, and either text or children (a child may be null or false: left out). */
export interface XmlNode {
  name: string;
  attributes: XmlAttributes;
  content: string | XmlChild[];
}
export type XmlChild = XmlNode | null | false | undefined;

export const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** `el('cbc:ID', 'FA-1')`, `el('cac:Party', [...])`, `el('cbc:Amount', '1.00', { currencyID: 'MAD' })`. */
export function el(name: string, content: string | XmlChild[], attributes: XmlAttributes = {}): XmlNode {
  return { name, attributes, content };
}

/** An element only when its text is not empty: optional mentions (IF, RC…) are left out rather than sent blank. */
export function optional(name: string, text: string | null | undefined, attributes: XmlAttributes = {}): XmlChild {
  return text ? el(name, text, attributes) : null;
}

function render(node: XmlNode, indent: string, out: string[]): void {
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (typeof node.content === 'string') {
    out.push(`${indent}<${node.name}${attributes}>${escapeXml(node.content)}</${node.name}>`);
    return;
  }
  const children = node.content.filter((c): c is XmlNode => Boolean(c));
  out.push(`${indent}<${node.name}${attributes}>`);
  for (const child of children) render(child, `${indent}  `, out);
  out.push(`${indent}</${node.name}>`);
}

export function xmlDocument(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, '', out);
  return `${out.join('\n')}\n`;
}
