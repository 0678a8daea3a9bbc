/**
 * Merchant Center product feed, text (tab-separated) form: the product data specification's
 * attributes as header names, one product or variant per row.
 */
import type { FeedResult } from '../types.js';
import { buildMerchantCatalog } from './merchant-builder.js';
import { readMerchantTsvRows } from './merchant-row.js';
import { sortProblems } from './problems.js';

export function parseMerchantTsv(text: string): FeedResult {
  const read = readMerchantTsvRows(text);
  const built = buildMerchantCatalog(read);
  return {
    format: 'merchant-tsv',
    batch: built.batch,
    problems: sortProblems(built.problems),
    rowsRead: read.rowsRead,
    rowsAccepted: built.rowsAccepted,
  };
}
