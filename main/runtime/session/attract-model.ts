/**
 * A 3D model slide of the attract loop: the model turning, and, when the item names a product,
 * that product's name and price beside it. Without `src` the product's own model is used; a
 * product without one still gets its (photo) spotlight rather than an empty slide.
 */
import type { AttractSlide } from '../../../shared/bridge/index.js';
import type { CatalogReader } from '../catalog/index.js';
import { hitOfProduct } from './views.js';

export interface ModelItem {
  src?: string | undefined;
  productId?: string | undefined;
  durationSeconds: number;
}

export function modelSlide(
  item: ModelItem,
  index: number,
  deps: {
    /** The page's reader: its media URLs are ones the page can load. */
    reader: CatalogReader;
    storeCode: string;
    mediaUrl: (ref: string, name: string) => string;
  },
): AttractSlide | undefined {
  const product =
    item.productId === undefined ? undefined : deps.reader.product(item.productId, deps.storeCode);
  // A spotlight on a product the catalog no longer has is skipped, not shown empty.
  if (item.productId !== undefined && product === undefined) return undefined;
  const slide: AttractSlide = {
    kind: 'model',
    durationSeconds: item.durationSeconds,
    ref: (item.src ?? item.productId ?? '').slice(0, 300),
  };
  if (product !== undefined) slide.product = hitOfProduct(product);
  if (item.src !== undefined) {
    slide.src = deps.mediaUrl(item.src, `attract/${String(index)}`);
  } else {
    const own = [...(product?.media ?? []), ...(product?.variants.flatMap((v) => v.media) ?? [])].find(
      (m) => m.kind === 'model',
    );
    if (own === undefined) return { ...slide, kind: 'product' };
    slide.src = own.url;
  }
  return slide;
}
