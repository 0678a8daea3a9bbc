/** Which 3D model a product screen offers: the chosen colour's own first, then the product's. */
import type { MediaRecord } from '../../../shared/catalog/types.js';
import type { ProductView, VariantView } from '../../../shared/catalog/views.js';

export function modelOf(
  product: ProductView,
  variant: VariantView | undefined,
  color: string | undefined,
): MediaRecord | undefined {
  const source = variant ?? product.variants.find((v) => v.color === color);
  return [...(source?.media ?? []), ...product.media].find((m) => m.kind === 'model');
}
