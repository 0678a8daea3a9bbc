/**
 * Hub import: a retailer's feed file becomes records, each checked against the protocol's record
 * schemas (what devices will accept), then compared with what is stored in one transaction that
 * logs only real changes (HubStore.applyCatalog). The log is compacted afterwards.
 */
import type { z } from 'zod';
import { parseFeed } from '../../shared/catalog/index.js';
import type { CatalogBatch, FeedFormat, FeedProblem } from '../../shared/catalog/types.js';
import {
  PAGE_BUDGET_BYTES,
  priceRecordSchema,
  productRecordSchema,
  stockRecordSchema,
  storeRecordSchema,
} from '../../shared/protocol/index.js';
import type { CatalogApplyResult, HubStore, ScopeState } from '../storage/hub-store.js';
import { translationsFrom } from './language-feed.js';

export interface ImportOptions {
  fileName?: string;
  /** For a local inventory feed without a store_code column. */
  storeCode?: string;
  /**
   * A canonical BCP 47 tag when the feed is in another language than the catalog's own: its
   * titles and descriptions become texts in that language (language-feed.ts).
   */
  language?: string;
}

export interface ImportSummary {
  format: FeedFormat | null;
  rowsRead: number;
  rowsAccepted: number;
  /** Parsed records the hub refused because devices would (see `acceptable`). */
  refused: number;
  compared: CatalogApplyResult['compared'];
  changed: CatalogApplyResult['changed'];
  /** Scopes whose log grew, with their new heads (what devices are poked with). */
  grown: ScopeState[];
  /** Scopes compaction trimmed. */
  compacted: ScopeState[];
  problems: FeedProblem[];
}

export const DEFAULT_MAX_CHANGES_PER_SCOPE = 50_000;

export async function importFeed(
  store: HubStore,
  text: string,
  options: ImportOptions & { maxChangesPerScope?: number; now?: Date },
): Promise<ImportSummary> {
  const parsed = parseFeed(text, {
    ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
    ...(options.storeCode === undefined ? {} : { storeCode: options.storeCode }),
  });
  const problems = [...parsed.problems];
  const source =
    options.language === undefined
      ? parsed.batch
      : await translationsFrom(store, parsed.batch, options.language, problems);
  const batch = acceptable(source, problems);
  // Stock is logged less what reservations hold at this moment.
  const applied = await store.applyCatalog(batch, (options.now ?? new Date()).toISOString());
  const compacted = await store.compact(options.maxChangesPerScope ?? DEFAULT_MAX_CHANGES_PER_SCOPE);
  return {
    format: parsed.format,
    rowsRead: parsed.rowsRead,
    rowsAccepted: parsed.rowsAccepted,
    refused: problems.length - parsed.problems.length,
    compared: applied.compared,
    changed: applied.changed,
    grown: applied.grown,
    compacted,
    problems,
  };
}

/**
 * Keeps the records devices will accept. A record the protocol schema refuses, or one too large
 * for a page, would be logged and then refused by every device, stalling its cursor for good.
 */
function acceptable(batch: CatalogBatch, problems: FeedProblem[]): CatalogBatch {
  const check = <T>(schema: z.ZodType<T>, records: T[], label: (record: T) => string): T[] =>
    records.filter((record) => {
      const result = schema.safeParse(record);
      if (!result.success) {
        const issue = result.error.issues[0];
        const path = issue?.path.map(String).join('.') ?? '';
        problems.push({
          line: null,
          field: label(record),
          message: `not accepted by devices: ${path === '' ? '' : `${path}: `}${issue?.message ?? 'invalid'}`,
        });
        return false;
      }
      const bytes = Buffer.byteLength(JSON.stringify(record));
      if (bytes > PAGE_BUDGET_BYTES - 1024) {
        problems.push({
          line: null,
          field: label(record),
          message: `too large to send to devices (${String(bytes)} bytes of JSON; at most ${String(PAGE_BUDGET_BYTES - 1024)})`,
        });
        return false;
      }
      return true;
    });
  return {
    stores: check(storeRecordSchema, batch.stores, (s) => `store ${s.code}`),
    products: check(productRecordSchema, batch.products, (p) => `product ${p.id}`),
    prices: check(priceRecordSchema, batch.prices, (p) => `price ${p.sku}@${p.storeCode ?? 'default'}`),
    stock: check(stockRecordSchema, batch.stock, (s) => `stock ${s.sku}@${s.storeCode}`),
  };
}
