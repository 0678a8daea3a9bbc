import type { CardProduct } from './ProductCard.js';
import { ProductImage } from './ProductImage.js';

type ImageHit = Pick<CardProduct, 'id' | 'title' | 'brand' | 'category' | 'image' | 'colors'>;

/**
 * A hit's picture: the card-sized twin of ProductThumb, for search hits, featured products and
 * recommendations. A preview may not be there yet: then `id` (the product's) seeds the tile, so a
 * product keeps its hue while it loads.
 */
export type HitImageProps = { className?: string; eager?: boolean } & (
  { hit: ImageHit; id?: undefined } | { hit: ImageHit | undefined; id: string }
);

export function HitImage(props: HitImageProps) {
  const { hit, className, eager } = props;
  return (
    <ProductImage
      className={className}
      src={hit?.image}
      alt=""
      seed={seedOf(props)}
      colorName={hit?.colors?.[0]}
      brand={hit?.brand}
      hints={[hit?.title, hit?.category]}
      eager={eager}
    />
  );
}

function seedOf(props: HitImageProps): string {
  if (props.id === undefined) return props.hit.id;
  return props.id;
}
