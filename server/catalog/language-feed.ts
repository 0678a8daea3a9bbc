/**
 * A feed in another language. Merchant Center keeps one feed per content language, with the
 * same ids as the main feed; imported with a language, such a feed's titles and descriptions
 * become that language's texts (`translations`) on the products the hub already has. Its
 * prices, stock and stores are left out: the catalog's own feeds set those, and a second
 * language must not move them.
 */
import type { CatalogBatch, FeedProblem, ProductRecord, ProductTexts } from '../../shared/catalog/types.js';
import type { HubStore } from '../storage/hub-store.js';

export async function translationsFrom(
  store: Pick<HubStore, 'getProduct'>,
  batch: CatalogBatch,
  language: string,
  problems: FeedProblem[],
): Promise<CatalogBatch> {
  const products: ProductRecord[] = [];
  for (const product of batch.products) {
    const stored = await store.getProduct(product.id);
    if (stored === null) {
      problems.push({
        line: null,
        field: `product ${product.id}`,
        message: `not in the catalog: a feed in "${language}" adds texts to products the hub has; import the catalog's own feed first`,
      });
      continue;
    }
    const texts: ProductTexts = { title: product.title };
    if (product.description !== undefined) texts.description = product.description;
    products.push({ ...stored, translations: { ...stored.translations, [language]: texts } });
  }
  return { stores: [], products, prices: [], stock: [] };
}
