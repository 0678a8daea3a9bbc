/**
 * One entry point for every catalog feed: picks the format from the file name and the content,
 * then hands the text to that format's parser. Never throws on any input text.
 */
import type { FeedFormat, FeedProblem, FeedResult } from '../types.js';
import { emptyBatch } from '../types.js';
import { parseLocalInventoryTsv, parseLocalInventoryXml } from './local-inventory.js';
import { parseMerchantTsv } from './merchant-tsv.js';
import { parseMerchantXml } from './merchant-xml.js';
import { attributeName } from './merchant-row.js';
import { parseVitrineJson, parseVitrineJsonl } from './vitrine-json.js';

export interface ParseFeedOptions {
  /** Used for its extension: .tsv/.txt, .xml/.rss/.atom, .json, .jsonl/.ndjson. */
  fileName?: string;
  /** Skips detection. */
  format?: FeedFormat;
  /** Local inventory feeds without a store_code column: the store every row belongs to. */
  storeCode?: string;
}

/** Like FeedResult, but `format` is null when the input was not recognized (then no rows). */
export interface ParseFeedResult extends Omit<FeedResult, 'format'> {
  format: FeedFormat | null;
}

export type DetectResult = { ok: true; format: FeedFormat } | { ok: false; problem: FeedProblem };

export function parseFeed(text: string, options: ParseFeedOptions = {}): ParseFeedResult {
  const detected = options.format === undefined ? detectFeedFormat(text, options.fileName) : undefined;
  if (detected !== undefined && !detected.ok) {
    return { format: null, batch: emptyBatch(), problems: [detected.problem], rowsRead: 0, rowsAccepted: 0 };
  }
  const format = options.format ?? (detected?.ok ? detected.format : 'merchant-tsv');
  const inventory = options.storeCode === undefined ? {} : { storeCode: options.storeCode };
  switch (format) {
    case 'merchant-tsv':
      return parseMerchantTsv(text);
    case 'merchant-xml':
      return parseMerchantXml(text);
    case 'local-inventory-tsv':
      return parseLocalInventoryTsv(text, inventory);
    case 'local-inventory-xml':
      return parseLocalInventoryXml(text, inventory);
    case 'vitrine-json':
      return parseVitrineJson(text);
    case 'vitrine-jsonl':
      return parseVitrineJsonl(text);
  }
}

type Family = 'tsv' | 'xml' | 'json' | 'jsonl';

const EXTENSIONS: Readonly<Record<string, Family>> = {
  tsv: 'tsv',
  txt: 'tsv',
  tab: 'tsv',
  xml: 'xml',
  rss: 'xml',
  atom: 'xml',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

/**
 * The extension, when known, says the family (TSV, XML, JSON, JSONL); otherwise the content
 * does. Within a family the content decides: a store_code (or, without a title, an
 * itemid/quantity) attribute makes a Merchant feed a local inventory feed.
 */
export function detectFeedFormat(input: string, fileName?: string): DetectResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const extension =
    fileName === undefined ? undefined : /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const family = (extension === undefined ? undefined : EXTENSIONS[extension]) ?? familyOf(text);
  switch (family) {
    case 'xml':
      return {
        ok: true,
        format: /<(?:[\w.-]+:)?store_code[\s>/]/.test(text) ? 'local-inventory-xml' : 'merchant-xml',
      };
    case 'json':
      return { ok: true, format: 'vitrine-json' };
    case 'jsonl':
      return { ok: true, format: 'vitrine-jsonl' };
    case 'tsv':
      return {
        ok: true,
        format: isLocalInventoryHeader(firstLine(text)) ? 'local-inventory-tsv' : 'merchant-tsv',
      };
    case undefined: {
      const where = fileName === undefined ? 'the content' : `"${fileName}"`;
      const header = firstLine(text);
      if (!header.includes('\t') && header.split(',').length > 2) {
        const message = `${where} looks comma-separated: Merchant Center text feeds are tab-separated (export as TSV)`;
        return { ok: false, problem: { line: 1, message } };
      }
      return {
        ok: false,
        problem: {
          line: null,
          message: `cannot tell the feed format of ${where}: expected a Merchant Center TSV or XML feed, a local inventory feed, or a Vitrine .json/.jsonl catalog`,
        },
      };
    }
  }
}

function familyOf(text: string): Family | undefined {
  const start = text.trimStart();
  if (start.startsWith('<')) return 'xml';
  if (start.startsWith('{')) {
    // JSONL: the first line alone is the header object and nothing else.
    const line = firstLine(start);
    try {
      const header: unknown = JSON.parse(line);
      if (typeof header === 'object' && header !== null && !Array.isArray(header)) {
        const keys = Object.keys(header);
        if (keys.length > 0 && keys.every((key) => key === 'format' || key === 'version')) return 'jsonl';
      }
    } catch {
      // Not a complete object on one line: a (pretty-printed) JSON document.
    }
    return 'json';
  }
  const header = firstLine(start);
  if (header.includes('\t') && /\bid\b|itemid/i.test(header)) return 'tsv';
  return undefined;
}

function firstLine(text: string): string {
  const start = text.trimStart();
  const end = start.search(/\r?\n/);
  return end === -1 ? start : start.slice(0, end);
}

function isLocalInventoryHeader(line: string): boolean {
  const names = new Set(line.split('\t').map((name) => attributeName(name.replace(/^"|"$/g, ''))));
  if (names.has('store_code')) return true;
  return !names.has('title') && (names.has('itemid') || names.has('quantity'));
}
