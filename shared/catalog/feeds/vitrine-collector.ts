/**
 * Collects Vitrine catalog records into one batch, for both encodings (.json and .jsonl): checks
 * each record's shape (vitrine-shape.ts, zod to explain a bad one) and values
 * (vitrine-records.ts), refuses repeats of product ids, skus, store codes and (store, sku)
 * pairs of prices and stock, and turns errors into problems that name the line and JSON path.
 *
 * Records that point at skus or stores not in the same file are accepted: a file may carry only
 * prices or only stock for a catalog the hub already holds.
 */
import type { ZodType } from 'zod';
import type { CatalogBatch, FeedProblem } from '../types.js';
import { emptyBatch } from '../types.js';
import type { PathError, PathSegment } from './json-path.js';
import { formatPath, issuesToErrors } from './json-path.js';
import { problem } from './problems.js';
import { convertPrice, convertProduct } from './vitrine-records.js';
import { convertStore } from './vitrine-store.js';
import type { ProductInput, StockInput, StorePriceInput, StoreInput } from './vitrine-schema.js';
import { productSchema, stockSchema, storePriceSchema, storeSchema } from './vitrine-schema.js';
import { isProductShape, isStockShape, isStorePriceShape } from './vitrine-shape.js';

export type RecordKind = 'store' | 'product' | 'price' | 'stock';

/** Resolves a full JSON path to a line, for `.json` where records do not have a line each. */
export type LineLocator = (path: readonly PathSegment[]) => number | null;

export class VitrineCollector {
  readonly batch: CatalogBatch = emptyBatch();
  readonly problems: FeedProblem[] = [];
  rowsRead = 0;
  rowsAccepted = 0;
  private readonly productIds = new Set<string>();
  private readonly storeCodes = new Set<string>();
  /** Every sku of an accepted product. */
  private readonly skus = new Set<string>();
  /** (store, sku) pairs of store prices given, as store → skus (no key strings built per record). */
  private readonly priceKeys = new Map<string, Set<string>>();
  /**
   * (store, sku) pairs of all stock so far, built only when the first stock record arrives:
   * a catalog with stock inline in its products (what `vitrine catalog generate` writes) never
   * pays for indexing millions of pairs it cannot repeat.
   */
  private stockKeys: Map<string, Set<string>> | undefined;

  constructor(private readonly locate: LineLocator | null) {}

  /** `line`: the record's line (.jsonl) or null (.json, located by path); `prefix`: its path in the file. */
  add(kind: RecordKind, value: unknown, line: number | null, prefix: PathSegment[]): void {
    this.rowsRead++;
    const errors: PathError[] = [];
    switch (kind) {
      case 'store':
        this.addStore(this.check(storeSchema, value, errors), errors);
        break;
      // Well-formed records skip zod (vitrine-shape.ts); zod runs to explain the others.
      case 'product':
        this.addProduct(isProductShape(value) ? value : this.check(productSchema, value, errors), errors);
        break;
      case 'price':
        this.addPrice(isStorePriceShape(value) ? value : this.check(storePriceSchema, value, errors), errors);
        break;
      case 'stock':
        this.addStock(isStockShape(value) ? value : this.check(stockSchema, value, errors), errors);
        break;
    }
    if (errors.length === 0) {
      this.rowsAccepted++;
      return;
    }
    for (const error of errors) {
      const note = kind === 'product' ? variantNote(value, error.path) : '';
      this.report(line, [...prefix, ...error.path], error.message + note);
    }
  }

  /** A problem that is not about one record's content (bad JSON, unknown type). */
  report(line: number | null, path: readonly PathSegment[], message: string): void {
    const field = formatPath(path);
    const at = line ?? (this.locate === null ? null : this.locate(path));
    this.problems.push(problem(at, field === '' ? undefined : field, message));
  }

  private check<T>(schema: ZodType<T>, value: unknown, errors: PathError[]): T | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    errors.push(...issuesToErrors(result.error.issues));
    return undefined;
  }

  private addStore(input: StoreInput | undefined, errors: PathError[]): void {
    if (input === undefined) return;
    if (this.storeCodes.has(input.code)) {
      errors.push({ path: ['code'], message: `store "${input.code}" is given twice` });
      return;
    }
    const store = convertStore(input, errors);
    if (store === undefined) return;
    this.storeCodes.add(store.code);
    this.batch.stores.push(store);
  }

  private addProduct(input: ProductInput | undefined, errors: PathError[]): void {
    if (input === undefined) return;
    if (this.productIds.has(input.id)) {
      errors.push({ path: ['id'], message: `product "${input.id}" is given twice` });
      return;
    }
    const variants = input.variants;
    let i = -1;
    for (const variant of variants) {
      i++;
      if (this.skus.has(variant.sku)) {
        errors.push({
          path: ['variants', i, 'sku'],
          message: `"${variant.sku}" is already the sku of another product`,
        });
      } else if (variant.stock !== undefined && this.stockKeys !== undefined) {
        for (const store in variant.stock) {
          if (hasPair(this.stockKeys, store, variant.sku)) {
            errors.push({
              path: ['variants', i, 'stock', store],
              message: 'is also given by a stock record',
            });
          }
        }
      }
    }
    if (errors.length > 0) return;
    const stockBefore = this.batch.stock.length;
    if (!convertProduct(input, errors, this.batch)) return;
    this.productIds.add(input.id);
    for (const variant of variants) this.skus.add(variant.sku);
    if (this.stockKeys !== undefined) {
      const stock = this.batch.stock;
      for (let j = stockBefore; j < stock.length; j++) {
        const record = stock[j];
        if (record !== undefined) addPair(this.stockKeys, record.storeCode, record.sku);
      }
    }
  }

  private addPrice(input: StorePriceInput | undefined, errors: PathError[]): void {
    if (input === undefined) return;
    if (hasPair(this.priceKeys, input.store, input.sku)) {
      errors.push({ path: ['sku'], message: `"${input.sku}" already has a price in store "${input.store}"` });
      return;
    }
    const price = convertPrice(input, input.store, input.sku, null, errors);
    if (price === undefined) return;
    addPair(this.priceKeys, input.store, input.sku);
    this.batch.prices.push(price);
  }

  private addStock(input: StockInput | undefined, errors: PathError[]): void {
    if (input === undefined) return;
    if (this.stockKeys === undefined) {
      this.stockKeys = new Map();
      for (const record of this.batch.stock) addPair(this.stockKeys, record.storeCode, record.sku);
    }
    if (hasPair(this.stockKeys, input.store, input.sku)) {
      errors.push({ path: ['sku'], message: `"${input.sku}" already has stock in store "${input.store}"` });
      return;
    }
    addPair(this.stockKeys, input.store, input.sku);
    const record = { storeCode: input.store, sku: input.sku, quantity: input.quantity };
    this.batch.stock.push(
      input.availability === undefined ? record : { ...record, availability: input.availability },
    );
  }
}

/** A problem inside a variant names the variant and says the whole product was refused. */
function variantNote(product: unknown, path: readonly PathSegment[]): string {
  if (path[0] !== 'variants' || typeof path[1] !== 'number') return '';
  const record = product as { id?: unknown; variants?: unknown } | null;
  const variants = Array.isArray(record?.variants) ? (record.variants as unknown[]) : [];
  const variant = variants[path[1]] as { sku?: unknown } | null | undefined;
  const sku = typeof variant?.sku === 'string' ? ` "${variant.sku}"` : ` ${String(path[1] + 1)}`;
  const id = typeof record?.id === 'string' ? ` "${record.id}"` : '';
  return ` (variant${sku}; product${id} is not imported)`;
}

function hasPair(pairs: Map<string, Set<string>>, store: string, sku: string): boolean {
  return pairs.get(store)?.has(sku) === true;
}

function addPair(pairs: Map<string, Set<string>>, store: string, sku: string): void {
  let skus = pairs.get(store);
  if (skus === undefined) {
    skus = new Set();
    pairs.set(store, skus);
  }
  skus.add(sku);
}
