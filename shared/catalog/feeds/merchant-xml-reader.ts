import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import type { FeedProblem } from '../types.js';
import type { MerchantRow, MerchantRowsResult } from './merchant-row.js';
import { attributeName } from './merchant-row.js';
import { problem } from './problems.js';

/**
 * Merchant Center XML feeds (product data specification, "XML feeds"): RSS 2.0
 * (`<rss><channel><item>`) or Atom 1.0 (`<feed><entry>`), with attributes as child elements in
 * the Google namespace (`<g:price>`). Plain RSS/Atom elements are read too, because feeds
 * commonly write `<title>`, `<link>` and `<description>` without the prefix; when both are
 * present the `g:` one wins. Nested sub-attributes (`<g:shipping><g:country>`) are skipped.
 */
export const GOOGLE_NS = 'http://base.google.com/ns/1.0';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

class XmlAbort extends Error {}

interface OpenItem {
  line: number;
  depth: number;
  google: Map<string, string[]>;
  plain: Map<string, string[]>;
}

/** Reads every item or entry; a syntax error anywhere makes the whole file unusable. */
export function readMerchantXmlRows(input: string): MerchantRowsResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: MerchantRow[] = [];
  const columns = new Set<string>();
  const problems: FeedProblem[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  let syntaxError: { line: number; message: string } | undefined;
  let depth = 0;
  let rootName: string | undefined;
  let startLine = 1;
  let item: OpenItem | undefined;
  // The attribute element being read: its name, which map it lands in, and its text so far.
  let field: { name: string; target: Map<string, string[]>; text: string } | undefined;

  parser.on('error', (error) => {
    syntaxError = { line: parser.line, message: error.message.replace(/^\d+:\d+: /, '') };
    throw new XmlAbort();
  });
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    if (depth === 1) {
      rootName = tag.local;
      return;
    }
    if (item === undefined) {
      const isItem =
        (rootName === 'rss' && tag.local === 'item' && depth === 3) ||
        (rootName === 'feed' && tag.local === 'entry' && depth === 2);
      if (isItem) item = { line: startLine, depth, google: new Map(), plain: new Map() };
      return;
    }
    if (depth !== item.depth + 1) return;
    const target =
      tag.uri === GOOGLE_NS ? item.google : tag.uri === '' || tag.uri === ATOM_NS ? item.plain : undefined;
    if (target === undefined) return;
    let name = attributeName(tag.local);
    if (tag.uri === ATOM_NS && name === 'summary') name = 'description';
    field = { name, target, text: '' };
    // Atom links carry the URL in href: <link rel="alternate" href="https://..."/>.
    const href = tag.attributes.href;
    if (name === 'link' && href !== undefined) field.text = href.value;
  });
  // Only text directly inside the attribute element: a nested element's text is not its value.
  const addText = (chunk: string): void => {
    if (field !== undefined && item !== undefined && depth === item.depth + 1) field.text += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    if (item !== undefined) {
      if (field !== undefined && depth === item.depth + 1) {
        const value = field.text.trim();
        if (value !== '') {
          const values = field.target.get(field.name);
          if (values === undefined) field.target.set(field.name, [value]);
          else values.push(value);
        }
        field = undefined;
      } else if (depth === item.depth) {
        const values = item.google;
        for (const [name, plainValues] of item.plain) if (!values.has(name)) values.set(name, plainValues);
        for (const name of values.keys()) columns.add(name);
        rows.push({ line: item.line, values });
        item = undefined;
      }
    }
    depth--;
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof XmlAbort)) throw error;
  }
  if (syntaxError !== undefined) {
    problems.push(problem(syntaxError.line, undefined, `the XML is not well-formed: ${syntaxError.message}`));
    return { rows: [], columns: new Set(), problems, headerLine: null, rowsRead: rows.length, fatal: true };
  }
  if (rootName !== 'rss' && rootName !== 'feed') {
    problems.push(
      problem(
        1,
        undefined,
        `the root element is <${rootName ?? ''}>, expected <rss> (RSS 2.0) or <feed> (Atom)`,
      ),
    );
    return { rows: [], columns, problems, headerLine: null, rowsRead: 0, fatal: true };
  }
  return { rows, columns, problems, headerLine: null, rowsRead: rows.length, fatal: false };
}
