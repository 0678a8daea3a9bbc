/**
 * The catalog as the page sees it: the same answers, with every medium's URL replaced by the one
 * the page can load (catalog-media.ts). Wrapping the reader once means every path to the page —
 * search, product, a scan's lookup, an attract spotlight — gets the same URLs.
 */
import type { MediaRecord } from '../../../shared/catalog/types.js';
import type { ProductView, SearchHit } from '../../../shared/catalog/views.js';
import type { CatalogReader } from '../catalog/index.js';
import type { CatalogMedia } from './catalog-media.js';

export function pageMediaReader(reader: CatalogReader, media: CatalogMedia): CatalogReader {
  const list = (items: MediaRecord[]): MediaRecord[] =>
    items.map((item) => {
      const url = media.pageUrl(item);
      return url === item.url ? item : { ...item, url };
    });
  const image = (url: string): string => media.pageUrl({ kind: 'image', url });
  const product = (view: ProductView): ProductView => ({
    ...view,
    media: list(view.media),
    variants: view.variants.map((variant) => ({ ...variant, media: list(variant.media) })),
    recommendations: view.recommendations.map((r) =>
      r.image === undefined ? r : { ...r, image: image(r.image) },
    ),
  });
  const hit = (h: SearchHit): SearchHit => {
    const url = h.image === undefined ? undefined : image(h.image);
    return url === h.image ? h : { ...h, image: url };
  };

  // Inherits every other method from the reader itself, so a method added to CatalogReader later
  // needs nothing here unless it returns media.
  const wrapped = Object.create(reader) as CatalogReader;
  wrapped.search = (query) => {
    const result = reader.search(query);
    return { ...result, hits: result.hits.map(hit) };
  };
  wrapped.product = (id, storeCode, locale) => {
    const view = reader.product(id, storeCode, locale);
    return view === undefined ? undefined : product(view);
  };
  wrapped.lookup = (code, storeCode, locale) => {
    const outcome = reader.lookup(code, storeCode, locale);
    return outcome.result === null
      ? outcome
      : { ...outcome, result: { ...outcome.result, product: product(outcome.result.product) } };
  };
  return wrapped;
}
