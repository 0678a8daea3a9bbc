/**
 * The attract loop: what a passer-by sees when nobody is using the kiosk. The whole screen is one
 * touch target; a scan from here goes straight to the product (Session.tsx).
 */
import { useEffect, useState } from 'react';
import type { AttractSlide } from '../../../shared/bridge/contract.js';
import type { SearchHit } from '../../../shared/catalog/views.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { CategoryGlyph, type Glyph } from '../components/CategoryGlyph.js';
import { Icon } from '../components/Icon.js';
import { Price } from '../components/Price.js';
import { OFFLINE_TEXT, StatusPill } from '../components/StatusPill.js';
import { ProductImage } from '../components/ProductImage.js';

const DEFAULT_SLIDE_SECONDS = 8;
/** Until (or unless) featured products arrive, the stage still shows what the store sells. */
const PLACEHOLDER_GLYPHS: Glyph[] = ['sneaker', 'jacket', 'bag', 'boot', 'shirt', 'dress'];

export function AttractScreen({ onStart }: { onStart: () => void }) {
  const { info, showOffline } = useKiosk();
  // 3D models have no player in this renderer; a spotlight's product still makes a slide.
  const slides = info.attract.filter((s) => s.kind !== 'model' || s.product !== undefined);
  return (
    <main
      className="screen attract"
      data-screen="attract"
      role="button"
      tabIndex={0}
      aria-label="Touch or scan to start"
      onClick={onStart}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') onStart();
      }}
    >
      {slides.length > 0 ? <Playlist slides={slides} /> : <BrandStage />}
      {showOffline ? <StatusPill className="status-pill-floating" text={OFFLINE_TEXT} /> : null}
      <div className="attract-brand">
        <span className="attract-brand-name">{info.branding.name}</span>
        <span className="attract-store">{info.store.name}</span>
      </div>
      <div className="attract-invite" aria-hidden="true">
        <span className="attract-invite-icon">
          <Icon name="hand" />
        </span>
        <span className="attract-invite-text">Touch or scan to start</span>
        <span className="attract-invite-sub">Find your size · Check stock · Reserve to try on</span>
      </div>
    </main>
  );
}

function Playlist({ slides }: { slides: AttractSlide[] }) {
  const [index, setIndex] = useState(0);
  // Media that would not load (a file missing from the cache) is skipped from then on.
  const [failed, setFailed] = useState<ReadonlySet<number>>(new Set());
  const playable = slides.map((_, i) => i).filter((i) => !failed.has(i));
  const position = playable.length === 0 ? -1 : (playable.find((i) => i >= index) ?? playable[0] ?? -1);
  const slide = slides[position];
  const advance = (): void => {
    setIndex(position + 1 >= slides.length ? 0 : position + 1);
  };
  const fail = (): void => {
    setFailed((set) => new Set(set).add(position));
    advance();
  };
  const seconds = slide?.durationSeconds ?? (slide?.kind === 'video' ? undefined : DEFAULT_SLIDE_SECONDS);
  useEffect(() => {
    if (seconds === undefined || playable.length < 2) return undefined;
    const timer = setTimeout(() => {
      setIndex(position + 1 >= slides.length ? 0 : position + 1);
    }, seconds * 1000);
    return () => {
      clearTimeout(timer);
    };
  }, [position, seconds, playable.length, slides.length]);
  if (slide === undefined) return <BrandStage />;
  return (
    <div className="attract-slide" key={position}>
      {slide.kind === 'image' && slide.src !== undefined ? (
        <img className="attract-media" src={slide.src} alt="" onError={fail} />
      ) : slide.kind === 'video' && slide.src !== undefined ? (
        <video
          className="attract-media"
          src={slide.src}
          autoPlay
          muted
          playsInline
          loop={playable.length < 2}
          onEnded={advance}
          onError={fail}
        />
      ) : slide.product !== undefined ? (
        <Spotlight product={slide.product} />
      ) : (
        <BrandStage />
      )}
    </div>
  );
}

function Spotlight({ product }: { product: SearchHit }) {
  return (
    <div className="spotlight">
      <ProductImage
        className="spotlight-image"
        src={product.image}
        alt=""
        seed={product.id}
        colorName={product.colors[0]}
        brand={product.brand}
        hints={[product.title, product.category]}
        eager
      />
      <div className="spotlight-text">
        <span className="eyebrow">{product.brand ?? 'New in'}</span>
        <h2 className="spotlight-title">{product.title}</h2>
        {product.price !== undefined ? <Price price={product.price} size="lg" /> : null}
      </div>
    </div>
  );
}

/** No playlist configured: the brand, a promise, and a few products, instead of a blank screen. */
function BrandStage() {
  const { bridge, info } = useKiosk();
  const [featured, setFeatured] = useState<SearchHit[]>([]);
  useEffect(() => {
    let live = true;
    bridge.call('catalog.featured', { limit: 6 }).then(
      (hits) => {
        if (live) setFeatured(hits);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [bridge]);
  return (
    <div className="brand-stage">
      <div className="brand-stage-hero">
        <span className="eyebrow">Welcome to {info.store.name}</span>
        <h1 className="brand-stage-title">
          Find it. Try it.
          <br />
          <em>Take it home.</em>
        </h1>
        <p className="brand-stage-text">
          Scan any price tag to see every size, colour and where it’s in stock.
        </p>
      </div>
      <div className="brand-stage-products" aria-hidden="true">
        {featured.length === 0
          ? PLACEHOLDER_GLYPHS.map((glyph, i) => (
              <div
                className="brand-stage-product brand-stage-placeholder"
                key={glyph}
                style={{ animationDelay: `${i * 90}ms` }}
              >
                <CategoryGlyph glyph={glyph} />
              </div>
            ))
          : null}
        {featured.slice(0, 6).map((hit, i) => (
          <div className="brand-stage-product" key={hit.id} style={{ animationDelay: `${i * 90}ms` }}>
            <ProductImage
              src={hit.image}
              alt=""
              seed={hit.id}
              colorName={hit.colors[0]}
              brand={hit.brand}
              hints={[hit.title, hit.category]}
            />
            <span className="brand-stage-product-title">{hit.title}</span>
            {hit.price !== undefined ? <Price price={hit.price} size="sm" /> : null}
          </div>
        ))}
      </div>
    </div>
  );
}
