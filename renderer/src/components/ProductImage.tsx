/**
 * A product photo over a designed stand-in. Feed images are usually remote URLs the kiosk cannot
 * reach offline, so the tile (tinted by the product's colour, with a category glyph and the
 * brand's initial) is always there underneath and the photo fades in only once it has loaded:
 * a failed image never shows a broken-image icon.
 */
import { useState, type CSSProperties } from 'react';
import { tileColor } from '../format/colors.js';
import { CategoryGlyph, glyphFor } from './CategoryGlyph.js';

export interface ProductImageProps {
  src?: string | undefined;
  alt: string;
  /** Product id or title: keeps a product's tile the same hue wherever it appears. */
  seed: string;
  colorName?: string | undefined;
  brand?: string | undefined;
  /** Category and title words that pick the glyph. */
  hints?: (string | undefined)[];
  className?: string;
  eager?: boolean;
}

export function ProductImage({
  src,
  alt,
  seed,
  colorName,
  brand,
  hints = [],
  className,
  eager,
}: ProductImageProps) {
  const [loaded, setLoaded] = useState<{ src: string; ok: boolean } | null>(null);
  const status =
    src === undefined ? 'none' : loaded?.src === src ? (loaded.ok ? 'loaded' : 'failed') : 'loading';
  const tint = tileColor(seed, colorName);
  const glyph = glyphFor(...hints);
  const initial = brand?.trim().charAt(0).toUpperCase();
  return (
    <div
      className={`pimg ${className ?? ''}`}
      style={{ '--tint': tint } as CSSProperties}
      data-status={status}
      // alt="" is a decorative picture (a card that names the product beside it): hidden, as an <img alt=""> is.
      {...(alt === '' ? { 'aria-hidden': true } : { role: 'img', 'aria-label': alt })}
    >
      <CategoryGlyph glyph={glyph} className="pimg-glyph" />
      {initial !== undefined && initial !== '' ? (
        <span className="pimg-initial" aria-hidden="true">
          {initial}
        </span>
      ) : null}
      {src !== undefined && status !== 'failed' ? (
        <img
          src={src}
          alt=""
          draggable={false}
          loading={eager === true ? 'eager' : 'lazy'}
          decoding="async"
          onLoad={() => {
            setLoaded({ src, ok: true });
          }}
          onError={() => {
            setLoaded({ src, ok: false });
          }}
        />
      ) : null}
    </div>
  );
}
