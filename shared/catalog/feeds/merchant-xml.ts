/**
 * Merchant Center product feed, XML form (RSS 2.0 or Atom 1.0 with the `g:` namespace). Items
 * are validated and grouped exactly like TSV rows (merchant-builder.ts).
 */
import type { FeedResult } from '../types.js';
import { buildMerchantCatalog } from './merchant-builder.js';
import { readMerchantXmlRows } from './merchant-xml-reader.js';
import { sortProblems } from './problems.js';

export function parseMerchantXml(text: string): FeedResult {
  const read = readMerchantXmlRows(text);
  const built = buildMerchantCatalog(read);
  return {
    format: 'merchant-xml',
    batch: built.batch,
    problems: sortProblems(built.problems),
    rowsRead: read.rowsRead,
    rowsAccepted: built.rowsAccepted,
  };
}
