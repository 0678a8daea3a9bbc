/**
 * What suggestions read of the hub's catalog (the products table of migration 0010): brand,
 * category path, SKUs and the feed's relations, by id or by brand and category.
 */
import type { Database } from 'better-sqlite3';
import type { ProductRecord } from '../../shared/catalog/types.js';
import type { ProductFacts } from './member-store.js';

/** Keys per IN (…) list: keeps statements small (SQLite allows far more). */
const IN_CHUNK = 200;

function factsOf(body: string): ProductFacts {
  // Stored by the hub's own import, which validated every record against the protocol schema.
  const product = JSON.parse(body) as ProductRecord;
  return {
    id: product.id,
    brand: product.brand ?? null,
    categoryPath: product.categoryPath,
    skus: product.variants.map((v) => v.sku),
    recommendations: product.recommendations ?? [],
  };
}

export function readProductFacts(db: Database, ids: readonly string[]): ProductFacts[] {
  const facts: ProductFacts[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    const marks = chunk.map(() => '?').join(', ');
    for (const row of db
      .prepare<string[], { body: string }>(`SELECT body FROM products WHERE id IN (${marks})`)
      .all(...chunk)) {
      facts.push(factsOf(row.body));
    }
  }
  return facts;
}

export function readProductsLike(
  db: Database,
  brands: readonly string[],
  categories: readonly string[][],
  limit: number,
): ProductFacts[] {
  if (brands.length === 0 && categories.length === 0) return [];
  const list = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
  // The expressions are those of migration 0050's indexes, character for character, so SQLite
  // answers from the indexes instead of parsing every product's JSON.
  const where = [
    ...(brands.length === 0 ? [] : [`json_extract(body, '$.brand') IN (${list(brands.length)})`]),
    ...(categories.length === 0
      ? []
      : [`json_extract(body, '$.categoryPath') IN (${list(categories.length)})`]),
  ].join(' OR ');
  return db
    .prepare<(string | number)[], { body: string }>(
      `SELECT body FROM products WHERE ${where} ORDER BY id LIMIT ?`,
    )
    .all(...brands, ...categories.map((path) => JSON.stringify(path)), limit)
    .map((row) => factsOf(row.body));
}
