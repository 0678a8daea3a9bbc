/**
 * The attract loop: what a passer-by sees when nobody is using the kiosk. The whole screen is one
 * touch target (a button under the language choice); a scan from here goes straight to the
 * product (Session.tsx).
 */
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AttractSlide } from '../../../shared/bridge/contract.js';
import type { SearchHit } from '../../../shared/catalog/views.js';
import { useImpression } from '../analytics/use-impression.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { CategoryGlyph, type Glyph } from '../components/CategoryGlyph.js';
import { HitImage } from '../components/HitImage.js';
import { Icon } from '../components/Icon.js';
import { LanguageRow } from '../components/LanguagePicker.js';
import { Price } from '../components/Price.js';
import { StatusPill } from '../components/StatusPill.js';
import { ModelSpotlight } from '../three/index.js';

const DEFAULT_SLIDE_SECONDS = 8;
/** Until (or unless) featured products arrive, the stage still shows what the store sells. */
const PLACEHOLDER_GLYPHS: Glyph[] = ['sneaker', 'jacket', 'bag', 'boot', 'shirt', 'dress'];

export function AttractScreen({ onStart }: { onStart: () => void }) {
  const { info, showOffline } = useKiosk();
  const { t } = useTranslation('home');
  // A 3D slide needs a model or at least its product (shown as a photo spotlight then).
  const slides = info.attract.filter(
    (s) => s.kind !== 'model' || s.src !== undefined || s.product !== undefined,
  );
  return (
    <main className="screen attract" data-screen="attract">
      {slides.length > 0 ? <Playlist slides={slides} /> : <BrandStage />}
      {showOffline ? <StatusPill className="status-pill-floating" text={t('common:offline')} /> : null}
      <div className="attract-brand">
        <span className="attract-brand-name" dir="auto">
          {info.branding.name}
        </span>
        <span className="attract-store">{info.store.name}</span>
      </div>
      {/* The whole screen starts, as one real button named by the invitation it shows (a role on
          <main> would hide the landmark, and nest the language buttons inside a button). */}
      <button type="button" className="attract-start" data-testid="attract-start" onClick={onStart}>
        <span className="attract-invite">
          <span className="attract-invite-icon" aria-hidden="true">
            <Icon name="hand" />
          </span>
          <span className="attract-invite-text">{t('attract.start')}</span>
          <span className="attract-invite-sub">{t('attract.promise')}</span>
        </span>
      </button>
      <LanguageRow onChosen={onStart} />
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
  const impression = useImpression(
    slide === undefined
      ? null
      : { itemKind: slide.kind, itemRef: slide.ref ?? slide.product?.id ?? slide.src ?? slide.kind },
    position,
  );
  const advance = (): void => {
    setIndex(position + 1 >= slides.length ? 0 : position + 1);
  };
  const fail = (): void => {
    impression.cancel();
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
      ) : slide.kind === 'model' && slide.src !== undefined ? (
        <ModelSpotlight
          src={slide.src}
          product={slide.product}
          fallback={slide.product !== undefined ? <Spotlight product={slide.product} /> : null}
          onFail={fail}
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
  const { t } = useTranslation('home');
  return (
    <div className="spotlight">
      <HitImage className="spotlight-image" hit={product} eager />
      <div className="spotlight-text">
        <span className="eyebrow">{product.brand ?? t('attract.newIn')}</span>
        <h2 className="spotlight-title">{product.title}</h2>
        {product.price !== undefined ? <Price price={product.price} size="lg" /> : null}
      </div>
    </div>
  );
}

/** No playlist configured: the brand, a promise, and a few products, instead of a blank screen. */
function BrandStage() {
  const { bridge, info } = useKiosk();
  const { t } = useTranslation('home');
  // No playlist: the brand stage is what plays, and proof of play says so.
  useImpression({ itemKind: 'brand', itemRef: 'brand-stage' }, 0);
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
  }, [bridge, info.locale]);
  return (
    <div className="brand-stage">
      <div className="brand-stage-hero">
        <span className="eyebrow">{t('attract.welcome', { store: info.store.name })}</span>
        <h1 className="brand-stage-title">
          <Trans t={t} i18nKey="attract.headline" components={{ br: <br />, em: <em /> }} />
        </h1>
        <p className="brand-stage-text">{t('attract.pitch')}</p>
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
            <HitImage hit={hit} />
            <span className="brand-stage-product-title">{hit.title}</span>
            {hit.price !== undefined ? <Price price={hit.price} size="sm" /> : null}
          </div>
        ))}
      </div>
    </div>
  );
}
