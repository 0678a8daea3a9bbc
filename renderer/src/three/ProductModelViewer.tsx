/** The 3D view of a product screen's product, in its chosen colour, with its photo to fall back on. */
import type { ProductView, VariantView } from '../../../shared/catalog/views.js';
import { galleryMedia } from '../format/variants.js';
import { ModelViewer } from './ModelViewer.js';
import { modelOf } from './model-media.js';

export interface ProductModelViewerProps {
  product: ProductView;
  variant: VariantView | undefined;
  color: string | undefined;
  onClose: () => void;
}

export function ProductModelViewer({ product, variant, color, onClose }: ProductModelViewerProps) {
  const model = modelOf(product, variant, color);
  if (model === undefined) return null;
  const photo = galleryMedia(product, variant, color)[0];
  return (
    <ModelViewer
      src={model.url}
      title={product.title}
      brand={product.brand}
      photo={{
        src: photo?.url,
        alt: photo?.alt ?? product.title,
        seed: product.id,
        colorName: color,
        brand: product.brand,
        hints: [product.title, ...product.categoryPath.slice().reverse()],
      }}
      onClose={onClose}
    />
  );
}
