/**
 * Merchant Center local inventory feed (local product inventory data specification): per store
 * and product, `store_code`, `id` (older feeds: `itemid`), `availability`, `quantity`, and an
 * optional store price (`price`, `sale_price`, `sale_price_effective_date`). `pickup_method`,
 * `pickup_sla` and `instore_product_location` are read past. TSV or XML, like the product feed.
 *
 * Quantity and availability. The spec makes availability mandatory and quantity optional, but
 * a StockRecord holds a count, which the kiosk shows ("3 left here"), so a count is never made
 * up:
 *   - quantity given: used; availability, when also given, must not contradict it
 *     (out_of_stock with a positive quantity, or in_stock / limited_availability with 0).
 *   - quantity missing, availability out_of_stock or on_display_to_order: quantity 0 (nothing
 *     to take home; the availability says the rest).
 *   - quantity missing, availability in_stock or limited_availability: the row is refused.
 *   - neither: a row with a store price yields only the price; otherwise it is refused.
 */
import type { CatalogBatch, FeedProblem, FeedResult, StockRecord } from '../types.js';
import { emptyBatch } from '../types.js';
import { LOCAL_AVAILABILITY, parseAvailability, parseQuantity } from './merchant-fields.js';
import type { FieldError } from './merchant-price.js';
import { readRowPrice } from './merchant-price.js';
import type { MerchantRow, MerchantRowsResult } from './merchant-row.js';
import { first, readMerchantTsvRows } from './merchant-row.js';
import { readMerchantXmlRows } from './merchant-xml-reader.js';
import { problem, sortProblems } from './problems.js';

export interface LocalInventoryOptions {
  /** The store every row belongs to when the feed has no `store_code` (the CLI's `--store`). A row's own store_code wins. */
  storeCode?: string;
}

export function parseLocalInventoryTsv(text: string, options: LocalInventoryOptions = {}): FeedResult {
  return finish('local-inventory-tsv', readMerchantTsvRows(text), options);
}

export function parseLocalInventoryXml(text: string, options: LocalInventoryOptions = {}): FeedResult {
  return finish('local-inventory-xml', readMerchantXmlRows(text), options);
}

function finish(
  format: 'local-inventory-tsv' | 'local-inventory-xml',
  read: MerchantRowsResult,
  options: LocalInventoryOptions,
): FeedResult {
  const problems = [...read.problems];
  const batch = emptyBatch();
  let rowsAccepted = 0;
  if (!read.fatal && checkColumns(read, options, problems)) {
    const seen = new Map<string, number>();
    for (const row of read.rows) {
      if (readRow(row, options, batch, seen, problems)) rowsAccepted++;
    }
  }
  return { format, batch, problems: sortProblems(problems), rowsRead: read.rowsRead, rowsAccepted };
}

/** A file without ids, or without stores and no `storeCode` option, is one problem, not one per row. */
function checkColumns(
  read: MerchantRowsResult,
  options: LocalInventoryOptions,
  problems: FeedProblem[],
): boolean {
  if (read.rows.length === 0) return true;
  const line = read.headerLine ?? read.rows[0]?.line ?? null;
  const place = read.headerLine === null ? 'no item has an element' : 'the header has no column';
  if (!read.columns.has('id') && !read.columns.has('itemid')) {
    problems.push(problem(line, 'id', `${place} for the product id (id or itemid); nothing was imported`));
    return false;
  }
  if (!read.columns.has('store_code') && options.storeCode === undefined) {
    problems.push(
      problem(
        line,
        'store_code',
        `${place} for store_code and no store was given (--store CODE); nothing was imported`,
      ),
    );
    return false;
  }
  return true;
}

/** Adds the row's stock and store price to the batch; false when the row is refused. */
function readRow(
  row: MerchantRow,
  options: LocalInventoryOptions,
  batch: CatalogBatch,
  seen: Map<string, number>,
  problems: FeedProblem[],
): boolean {
  const errors: FieldError[] = [];
  const storeCode = first(row, 'store_code') ?? options.storeCode;
  const sku = first(row, 'id') ?? first(row, 'itemid');
  if (storeCode === undefined)
    errors.push({ field: 'store_code', message: 'is required (or give the store with --store)' });
  if (sku === undefined) errors.push({ field: 'id', message: 'is required' });

  const quantityText = first(row, 'quantity');
  const quantity = quantityText === undefined ? undefined : parseQuantity(quantityText);
  if (quantity !== undefined && !quantity.ok) errors.push({ field: 'quantity', message: quantity.error });
  const availabilityText = first(row, 'availability');
  const availability =
    availabilityText === undefined ? undefined : parseAvailability(availabilityText, LOCAL_AVAILABILITY);
  if (availability !== undefined && !availability.ok) {
    errors.push({ field: 'availability', message: availability.error });
  }
  const price = readRowPrice(row, storeCode ?? null, sku ?? '', errors);

  let stock: StockRecord | undefined;
  if (errors.length === 0 && storeCode !== undefined && sku !== undefined) {
    const count = quantity?.ok ? quantity.value : undefined;
    const state = availability?.ok ? availability.value : undefined;
    if (count !== undefined) {
      if (state === 'out_of_stock' && count > 0) {
        errors.push({ field: 'availability', message: `out_of_stock contradicts quantity ${String(count)}` });
      } else if ((state === 'in_stock' || state === 'limited_availability') && count === 0) {
        errors.push({ field: 'availability', message: `${state} contradicts quantity 0` });
      } else {
        stock = { storeCode, sku, quantity: count };
      }
    } else if (state === 'out_of_stock' || state === 'on_display_to_order') {
      stock = { storeCode, sku, quantity: 0 };
    } else if (state !== undefined) {
      errors.push({
        field: 'quantity',
        message: `is required when availability is ${state} (Vitrine shows counts)`,
      });
    } else if (price === undefined) {
      errors.push({ field: 'quantity', message: 'is required (or availability, or a store price)' });
    }
    if (stock !== undefined && state !== undefined) stock.availability = state;
  }
  if (errors.length === 0 && storeCode !== undefined && sku !== undefined) {
    const key = `${storeCode}\u0000${sku}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        field: 'id',
        message: `"${sku}" in store "${storeCode}" is already given on line ${String(earlier)}`,
      });
    } else {
      seen.set(key, row.line);
    }
  }
  if (errors.length > 0) {
    for (const error of errors) problems.push(problem(row.line, error.field, error.message));
    return false;
  }
  if (stock !== undefined) batch.stock.push(stock);
  if (price !== undefined) batch.prices.push(price);
  return true;
}
