import type { ProductView, VariantView } from '../../../shared/catalog/views.js';
import { ProductImage } from './ProductImage.js';

/** A product's picture for a summary (Reserve, Hand-off): the chosen variant's own, else the product's. */
export function ProductThumb({
  product,
  variant,
  className,
}: {
  product: ProductView;
  variant: VariantView | undefined;
  className: string;
}) {
  return (
    <ProductImage
      className={className}
      src={variant?.media[0]?.url ?? product.media[0]?.url}
      alt=""
      seed={product.id}
      colorName={variant?.color}
      brand={product.brand}
      hints={[product.title, ...product.categoryPath.slice().reverse()]}
    />
  );
}
