/** Product photos: swipe, or the arrow buttons for those who tap; dots say where you are. */
import { useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaRecord } from '../../../shared/catalog/types.js';
import { Icon } from './Icon.js';
import { ProductImage } from './ProductImage.js';

/** A swipe shorter than this is a tap (or a wobble), not a request for the next photo. */
const SWIPE_PX = 60;

export interface GalleryProps {
  media: MediaRecord[];
  title: string;
  seed: string;
  colorName?: string | undefined;
  brand?: string | undefined;
  hints: (string | undefined)[];
}

export function Gallery({ media, title, seed, colorName, brand, hints }: GalleryProps) {
  const { t, i18n } = useTranslation();
  const [index, setIndex] = useState(0);
  const start = useRef<{ x: number; y: number } | null>(null);
  // With no photo at all, one stand-in tile still gives the screen its picture.
  const slides: (MediaRecord | null)[] = media.length > 0 ? media : [null];
  const count = slides.length;
  const go = (to: number): void => {
    setIndex(Math.max(0, Math.min(count - 1, to)));
  };
  return (
    <section
      className="gallery"
      aria-roledescription="carousel"
      aria-label={t('gallery.label', { title })}
      onPointerDown={(event) => {
        start.current = { x: event.clientX, y: event.clientY };
      }}
      onPointerUp={(event) => {
        const from = start.current;
        start.current = null;
        if (from === null) return;
        const dx = event.clientX - from.x;
        // The next photo lies where the line of text goes: to the left in a right-to-left language.
        const forward = i18n.dir() === 'rtl' ? dx > 0 : dx < 0;
        if (Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(event.clientY - from.y))
          go(index + (forward ? 1 : -1));
      }}
      onPointerCancel={() => {
        start.current = null;
      }}
    >
      <div className="gallery-track" style={{ '--index': index } as CSSProperties}>
        {slides.map((m, i) => (
          <div
            className="gallery-slide"
            key={m?.url ?? 'none'}
            role="group"
            aria-roledescription="slide"
            aria-label={t('gallery.slide', { index: i + 1, count })}
            aria-hidden={i !== index}
          >
            <ProductImage
              className="gallery-image"
              src={m?.url}
              alt={m?.alt ?? title}
              seed={seed}
              colorName={colorName}
              brand={brand}
              hints={hints}
              eager={i === 0}
            />
          </div>
        ))}
      </div>
      {count > 1 ? (
        <>
          <button
            type="button"
            className="icon-btn gallery-arrow gallery-prev press"
            aria-label={t('gallery.previous')}
            disabled={index === 0}
            onClick={() => {
              go(index - 1);
            }}
          >
            <Icon name="back" />
          </button>
          <button
            type="button"
            className="icon-btn gallery-arrow gallery-next press"
            aria-label={t('gallery.next')}
            disabled={index === count - 1}
            onClick={() => {
              go(index + 1);
            }}
          >
            <Icon name="forward" />
          </button>
          <div className="gallery-dots" aria-hidden="true">
            {slides.map((m, i) => (
              <span
                key={m?.url ?? i}
                className={i === index ? 'gallery-dot gallery-dot-on' : 'gallery-dot'}
              />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
