/**
 * The window at rest: one product (or the campaign's film) at a time, a call to action sized to
 * be read from 3 m, and the store's hours. Passers-by take about 1.2 s to notice that a window
 * is interactive (Looking Glass, CHI 2012), so the glass answers a touch at once with a ripple
 * under the finger, and the touch itself opens the product on show.
 */
import { useEffect, useId, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreHoursView } from '../../../shared/bridge/contract.js';
import type { SearchHit } from '../../../shared/catalog/views.js';
import { useImpression } from '../analytics/use-impression.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { HitImage } from '../components/HitImage.js';
import { Icon } from '../components/Icon.js';
import { Price } from '../components/Price.js';
import { StatusPill } from '../components/StatusPill.js';
import { HoursNotice } from './HoursNotice.js';
import { WindowAids } from './WindowAids.js';
import { FEATURED_IN_LOOP, productToOpen, spotlightSlides, type SpotlightSlide } from './slides.js';

/** Products in the rail along the bottom: each one a way straight in. */
const RAIL = 4;
const RIPPLE_MS = 700;

export interface SpotlightProps {
  hours: StoreHoursView | undefined;
  onOpen: (product: SearchHit) => void;
}

export function SpotlightScreen({ hours, onOpen }: SpotlightProps) {
  const { t } = useTranslation('window');
  const { bridge, info, showOffline } = useKiosk();
  const [featured, setFeatured] = useState<SearchHit[]>([]);
  const [index, setIndex] = useState(0);
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());
  const [ripples, setRipples] = useState<{ id: number; x: number; y: number }[]>([]);

  useEffect(() => {
    let live = true;
    bridge.call('catalog.featured', { limit: FEATURED_IN_LOOP }).then(
      (hits) => {
        if (live) setFeatured(hits);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [bridge]);

  // Media that would not load (a file missing from the cache) drops out of the loop.
  const slides = spotlightSlides(info.attract, featured).filter(
    (s) => s.kind === 'product' || !failed.has(s.src),
  );
  const position = slides.length === 0 ? 0 : index % slides.length;
  const slide = slides[position];
  // Proof of play, as on the kiosk's attract loop; `index` counts every showing.
  const impression = useImpression(
    slide === undefined
      ? null
      : { itemKind: slide.kind, itemRef: slide.kind === 'product' ? slide.product.id : slide.src },
    index,
  );
  const advance = (): void => {
    setIndex((i) => (slides.length === 0 ? 0 : (i % slides.length) + 1));
  };
  const seconds = slide?.seconds;
  // A finger on the glass holds the slide still: what it touches is what opens.
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held || seconds === undefined || slides.length < 2) return undefined;
    const timer = setTimeout(() => {
      setIndex(position + 1);
    }, seconds * 1000);
    return () => {
      clearTimeout(timer);
    };
  }, [held, position, seconds, slides.length]);

  const touched = (event: PointerEvent): void => {
    setHeld(true);
    const ripple = { id: event.timeStamp, x: event.clientX, y: event.clientY };
    setRipples((list) => [...list.slice(-3), ripple]);
    setTimeout(() => {
      setRipples((list) => list.filter((r) => r.id !== ripple.id));
    }, RIPPLE_MS);
  };
  const toOpen = productToOpen(slides, position);
  const rail = featured.slice(0, RAIL);
  const ctaId = useId();
  // A product slide names the stage by its own words (WCAG 2.5.3, label in name), and the call
  // to action describes it; a photo or film has no words, so the name says what a touch opens.
  const named = slide !== undefined && slide.kind !== 'product';

  return (
    <main
      className="screen spotlight-window"
      data-screen="window-spotlight"
      onPointerDown={touched}
      onPointerUp={() => {
        setHeld(false);
      }}
      onPointerCancel={() => {
        setHeld(false);
      }}
    >
      <button
        type="button"
        className="wstage"
        data-testid="window-stage"
        aria-label={
          named ? (toOpen === undefined ? t('cta.title') : `${t('cta.title')}: ${toOpen.title}`) : undefined
        }
        aria-describedby={ctaId}
        onClick={() => {
          if (toOpen !== undefined) onOpen(toOpen);
        }}
      >
        {slide === undefined ? (
          <span className="wstage-brand">{info.branding.name}</span>
        ) : (
          <Slide
            key={`${String(position)}-${slideKey(slide)}`}
            slide={slide}
            loop={slides.length < 2}
            onEnded={advance}
            onFailed={(src) => {
              impression.cancel();
              setFailed((set) => new Set(set).add(src));
            }}
          />
        )}
      </button>

      <header className="wtop">
        <span className="wbrand">{info.branding.name}</span>
        <HoursNotice hours={hours} className="whours-badge" />
        <WindowAids />
      </header>

      <div className="wcta" aria-hidden="true">
        <span className="wcta-hand">
          <Icon name="hand" />
        </span>
        <span className="wcta-text" id={ctaId}>
          <span className="wcta-title" data-testid="window-cta">
            {t('cta.title')}
          </span>
          <span className="wcta-sub">{hours?.open === false ? t('cta.subClosed') : t('cta.sub')}</span>
        </span>
      </div>

      {rail.length > 0 ? (
        <nav className="wrail" aria-label={t('rail.label')}>
          {rail.map((hit) => (
            <button
              type="button"
              key={hit.id}
              className="wrail-item press"
              data-testid="window-rail-item"
              data-product-id={hit.id}
              aria-current={toOpen?.id === hit.id ? 'true' : undefined}
              onClick={() => {
                onOpen(hit);
              }}
            >
              <HitImage className="wrail-image" hit={hit} />
              <span className="wrail-title">{hit.title}</span>
            </button>
          ))}
        </nav>
      ) : null}

      {showOffline ? <StatusPill className="status-pill-floating" text={t('offline.pill')} /> : null}
      <div className="wripples" aria-hidden="true">
        {ripples.map((r) => (
          <span key={r.id} className="wripple" style={{ left: r.x, top: r.y }} />
        ))}
      </div>
    </main>
  );
}

function slideKey(slide: SpotlightSlide): string {
  return slide.kind === 'product' ? slide.product.id : slide.src;
}

function Slide({
  slide,
  loop,
  onEnded,
  onFailed,
}: {
  slide: SpotlightSlide;
  loop: boolean;
  onEnded: () => void;
  onFailed: (src: string) => void;
}) {
  if (slide.kind === 'image') {
    return (
      <img
        className="wmedia"
        src={slide.src}
        alt=""
        onError={() => {
          onFailed(slide.src);
        }}
      />
    );
  }
  if (slide.kind === 'video') {
    return (
      <video
        className="wmedia"
        src={slide.src}
        autoPlay
        muted
        playsInline
        loop={loop}
        onEnded={onEnded}
        onError={() => {
          onFailed(slide.src);
        }}
      />
    );
  }
  const { product } = slide;
  return (
    <span className="wslide" data-testid="window-slide" data-product-id={product.id}>
      <HitImage className="wslide-image" hit={product} eager />
      <span className="wslide-text">
        {product.brand !== undefined ? <span className="eyebrow wslide-brand">{product.brand}</span> : null}
        <span className="wslide-title">{product.title}</span>
        {product.price !== undefined ? <Price price={product.price} size="lg" /> : null}
      </span>
    </span>
  );
}
