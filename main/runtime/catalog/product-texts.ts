/**
 * Product texts per language (migration 0050): written with their product, read for the
 * shopper's language. The products row keeps the default title and description; a language
 * that has a row here replaces whichever of the two the row has (bestLanguageMatch picks
 * "de" for a "de-AT" shopper). Translated titles are indexed for search with the default one,
 * so a shopper can type a product's name in their language.
 */
import { bestLanguageMatch } from '../../../shared/catalog/language-tag.js';
import type { ProductRecord, ProductTexts } from '../../../shared/catalog/types.js';
import type { Db } from './database.js';

/** The search index's title column: the default title, then the translated ones by tag. */
export function searchTitle(product: Pick<ProductRecord, 'title' | 'translations'>): string {
  const translations = product.translations ?? {};
  const titles = Object.keys(translations)
    .sort()
    .flatMap((tag) => translations[tag]?.title ?? []);
  return [product.title, ...titles].join(' ');
}

/** The writer's side: one product's texts replaced by the record's. */
export class ProductTextWriter {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      clear: db.prepare('DELETE FROM product_texts WHERE product_rowid = ?'),
      insert: db.prepare(
        'INSERT INTO product_texts (product_rowid, language, title, description) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  /** `cleared`: the product has no rows yet (new, or after CatalogWriter.clearProductDetails). */
  write(rowid: number, translations: ProductRecord['translations'], cleared: boolean): void {
    if (!cleared) this.s.clear.run(rowid);
    for (const [language, texts] of Object.entries(translations ?? {}))
      this.s.insert.run(rowid, language, texts.title ?? null, texts.description ?? null);
  }
}

interface TextRow {
  product_rowid: number;
  language: string;
  title: string | null;
  description: string | null;
}

/** The reader's side: the texts a shopper reading `locale` gets, for a page of products at once. */
export class ProductTextReader {
  private readonly s;

  constructor(db: Db) {
    // Every tag of the shopper's language (the choice between them is bestLanguageMatch's).
    this.s = db.prepare(`SELECT product_rowid, language, title, description FROM product_texts
      WHERE product_rowid IN (SELECT value FROM json_each(@rowids))
        AND (language = @language OR language LIKE @language || '-%')`);
  }

  /** Texts by product rowid; products without texts in that language are left out. */
  forProducts(rowids: readonly number[], locale: string | undefined): Map<number, ProductTexts> {
    const out = new Map<number, ProductTexts>();
    if (locale === undefined || rowids.length === 0) return out;
    const language = locale.split('-')[0] ?? locale;
    const byProduct = new Map<number, TextRow[]>();
    for (const row of this.s.all({ rowids: JSON.stringify(rowids), language }) as TextRow[]) {
      const rows = byProduct.get(row.product_rowid);
      if (rows === undefined) byProduct.set(row.product_rowid, [row]);
      else rows.push(row);
    }
    for (const [rowid, rows] of byProduct) {
      const tag = bestLanguageMatch(
        locale,
        rows.map((r) => r.language),
      );
      const row = rows.find((r) => r.language === tag);
      if (row === undefined) continue;
      const texts: ProductTexts = {};
      if (row.title !== null) texts.title = row.title;
      if (row.description !== null) texts.description = row.description;
      out.set(rowid, texts);
    }
    return out;
  }
}
