/**
 * What the window's spotlight loop plays: the configured attract playlist, then the store's
 * featured products, so a window shows a range (Kate Spade Saturday's windows held ~30 items)
 * even when the playlist names only a film and one product.
 */
import type { AttractSlide } from '../../../shared/bridge/contract.js';
import type { SearchHit } from '../../../shared/catalog/views.js';

export type SpotlightSlide =
  | { kind: 'image'; src: string; seconds: number }
  /** `seconds` undefined: the video plays to its end. */
  | { kind: 'video'; src: string; seconds: number | undefined }
  | { kind: 'product'; product: SearchHit; seconds: number };

export const DEFAULT_SLIDE_SECONDS = 8;
/** Products the loop adds from the catalog beyond the playlist's. */
export const FEATURED_IN_LOOP = 12;

export function spotlightSlides(
  attract: readonly AttractSlide[],
  featured: readonly SearchHit[],
): SpotlightSlide[] {
  const slides: SpotlightSlide[] = [];
  const shown = new Set<string>();
  for (const slide of attract) {
    if (slide.product !== undefined) {
      // A 3D model's slide shows its product here: the spotlight is about the product either way.
      slides.push({
        kind: 'product',
        product: slide.product,
        seconds: slide.durationSeconds ?? DEFAULT_SLIDE_SECONDS,
      });
      shown.add(slide.product.id);
    } else if (slide.kind === 'image' && slide.src !== undefined) {
      slides.push({ kind: 'image', src: slide.src, seconds: slide.durationSeconds ?? DEFAULT_SLIDE_SECONDS });
    } else if (slide.kind === 'video' && slide.src !== undefined) {
      slides.push({ kind: 'video', src: slide.src, seconds: slide.durationSeconds });
    }
  }
  for (const product of featured.slice(0, FEATURED_IN_LOOP)) {
    if (shown.has(product.id)) continue;
    shown.add(product.id);
    slides.push({ kind: 'product', product, seconds: DEFAULT_SLIDE_SECONDS });
  }
  return slides;
}

/** The slide a touch on the glass opens: the product on show, else the next product in the loop. */
export function productToOpen(slides: readonly SpotlightSlide[], index: number): SearchHit | undefined {
  for (let step = 0; step < slides.length; step++) {
    const slide = slides[(index + step) % slides.length];
    if (slide?.kind === 'product') return slide.product;
  }
  return undefined;
}
