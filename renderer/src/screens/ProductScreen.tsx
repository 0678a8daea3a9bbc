/**
 * A product: photos, price, colour and size with stock here, stock in nearby stores, the feed's
 * suggestions, and the two things a shopper can do next (reserve a pair, or take it to their
 * phone). A scanned product arrives whole in the scan event and paints without a round trip;
 * nearby stock is fetched after.
 */
import type { TFunction } from 'i18next';
import { useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../shared/catalog/views.js';
import { callQuietly, useKiosk } from '../bridge/kiosk-context.js';
import { Description } from '../components/Description.js';
import { Gallery } from '../components/Gallery.js';
import { HitImage } from '../components/HitImage.js';
import { Icon } from '../components/Icon.js';
import { NearbyStores, type NearbyState } from '../components/NearbyStores.js';
import { Price } from '../components/Price.js';
import { Recommendations } from '../components/Recommendations.js';
import { MemberRecommendations } from '../member/index.js';
import { ProductModelViewer, ViewIn3dButton, modelOf } from '../three/index.js';
import { VariantPicker } from '../components/VariantPicker.js';
import { stockTone } from '../format/stock.js';
import {
  colorStockHere,
  findVariant,
  galleryMedia,
  initialSelection,
  withColor,
  type Selection,
} from '../format/variants.js';
import type { Screen } from '../session/navigation.js';
import { useNav } from '../session/nav-context.js';
import { markScanPainted } from '../session/paints.js';
import { preloadProductActions } from '../session/lazy-screens.js';

type ProductEntry = Extract<Screen, { kind: 'product' }>;

export function ProductScreen({ entry }: { entry: ProductEntry }) {
  const { bridge, info } = useKiosk();
  const locale = info.locale;
  // The product with the language it came in: a scanned one arrives whole; after a language
  // switch it is asked for again, in the new language, and the old one stays up meanwhile.
  const [loaded, setLoaded] = useState<{ view: ProductView | null; locale: string } | undefined>(() =>
    entry.product === undefined ? undefined : { view: entry.product, locale },
  );
  const product = loaded?.view;
  const fresh = loaded?.locale === locale;

  useEffect(() => {
    if (fresh) return undefined;
    let live = true;
    bridge.call('catalog.product', { id: entry.productId }).then(
      (p) => {
        if (live) setLoaded({ view: p, locale });
      },
      () => {
        if (live) setLoaded((before) => ({ view: before?.view ?? null, locale }));
      },
    );
    return () => {
      live = false;
    };
  }, [bridge, entry.productId, fresh, locale]);

  useEffect(() => {
    preloadProductActions();
    callQuietly(
      bridge.call('session.track', {
        name: 'product.view',
        props: { productId: entry.productId, source: entry.scan !== undefined ? 'scan' : 'browse' },
      }),
    );
  }, [bridge, entry.productId, entry.scan]);

  if (product === undefined) return <ProductPreview entry={entry} />;
  if (product === null) return <ProductGone />;
  return <ProductDetails product={product} entry={entry} />;
}

function ProductDetails({ product, entry }: { product: ProductView; entry: ProductEntry }) {
  const { bridge, info, online, hasHub } = useKiosk();
  const nav = useNav();
  const { t } = useTranslation('product');
  const [selection, setSelection] = useState<Selection>(() => initialSelection(product, entry.variantSku));
  const [viewing3d, setViewing3d] = useState(false);
  const [needSize, setNeedSize] = useState(false);
  const [nearby, setNearby] = useState<{ sku: string; state: NearbyState } | null>(null);
  const variant = findVariant(product, selection);
  const sku = variant?.sku ?? null;
  const scanCode = entry.scan?.code;
  const scanReceivedAt = entry.scan?.receivedAt;

  useLayoutEffect(() => {
    if (scanCode !== undefined) markScanPainted(scanCode, scanReceivedAt);
  }, [scanCode, scanReceivedAt]);

  useEffect(() => {
    if (sku === null) return undefined;
    let live = true;
    bridge.call('catalog.nearby', { sku }).then(
      (stores) => {
        if (live) setNearby({ sku, state: { status: 'ready', stores } });
      },
      () => {
        if (live) setNearby({ sku, state: { status: 'failed' } });
      },
    );
    return () => {
      live = false;
    };
  }, [bridge, sku]);

  const choose = (next: Selection): void => {
    setSelection(next);
    setNeedSize(false);
    nav.selectVariant(findVariant(product, next)?.sku ?? null);
  };
  const nearbyState: NearbyState =
    sku === null ? { status: 'idle' } : nearby?.sku === sku ? nearby.state : { status: 'loading' };
  const price =
    variant?.price ??
    product.variants.find((v) => v.color === selection.color)?.price ??
    product.variants[0]?.price;
  const here = variant !== undefined ? variant.stockHere : colorStockHere(product, selection.color);
  const hints = [product.title, ...product.categoryPath.slice().reverse()];

  return (
    <main className="screen product" data-screen="product">
      <div className="product-body scroll">
        <div className="product-media">
          <Gallery
            key={selection.color ?? ''}
            media={galleryMedia(product, variant, selection.color)}
            title={product.title}
            seed={product.id}
            colorName={selection.color}
            brand={product.brand}
            hints={hints}
          />
          {modelOf(product, variant, selection.color) !== undefined ? (
            <ViewIn3dButton
              onOpen={() => {
                setViewing3d(true);
              }}
            />
          ) : null}
        </div>
        <div className="product-info">
          <header className="product-head" data-speak-summary>
            {product.brand !== undefined ? (
              <span className="eyebrow product-brand">{product.brand}</span>
            ) : null}
            <h1 className="product-title" data-testid="product-title">
              {product.title}
            </h1>
            {price !== undefined ? <Price price={price} size="lg" /> : null}
          </header>

          <VariantPicker
            product={product}
            selection={selection}
            needSize={needSize}
            onColor={(color) => {
              choose(withColor(product, selection, color));
            }}
            onSize={(size) => {
              choose({ ...selection, size });
            }}
          />

          <p className={`stock-here stock-${stockTone(here)}`} data-testid="stock-here">
            <Icon name="store" />
            <span>{stockHereText(t, here, variant !== undefined, info.store.name)}</span>
          </p>

          <section className="product-section" aria-labelledby="nearby-title">
            <h2 id="nearby-title" className="section-title">
              {t('nearby.title')}
            </h2>
            <NearbyStores state={nearbyState} />
          </section>

          {product.description !== undefined && product.description !== '' ? (
            <section className="product-section" aria-labelledby="about-title">
              <h2 id="about-title" className="section-title">
                {t('about')}
              </h2>
              <Description html={product.description} />
              {product.material !== undefined ? (
                <p className="product-fact">{t('material', { material: product.material })}</p>
              ) : null}
            </section>
          ) : null}

          <MemberRecommendations
            productId={product.id}
            fallback={<Recommendations items={product.recommendations} />}
          />
        </div>
      </div>
      <div className="product-actions">
        <button
          type="button"
          className="btn btn-primary btn-lg press"
          data-testid="reserve-button"
          onClick={() => {
            if (sku === null) {
              setNeedSize(true);
              document
                .getElementById('size-options')
                ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
            } else {
              nav.reserve(product, sku);
            }
          }}
        >
          <Icon name="bag" />
          {t('reserve')}
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-lg press"
          data-testid="handoff-button"
          onClick={() => {
            nav.handoff(product, sku);
          }}
        >
          <Icon name="phone" />
          <span className="btn-stack">
            {t('handoff')}
            {hasHub && !online ? <span className="btn-note">{t('needsConnection')}</span> : null}
          </span>
        </button>
      </div>
      {viewing3d ? (
        <ProductModelViewer
          product={product}
          variant={variant}
          color={selection.color}
          onClose={() => {
            setViewing3d(false);
          }}
        />
      ) : null}
    </main>
  );
}

function stockHereText(t: TFunction, quantity: number | undefined, sized: boolean, store: string): string {
  if (quantity === undefined) return t('stockHere.notSold', { store });
  if (quantity <= 0)
    return sized ? t('stockHere.soldOutSized', { store }) : t('stockHere.soldOut', { store });
  return sized ? t('stockHere.count', { count: quantity, store }) : t('stockHere.chooseSize', { store });
}

/** While the full product loads: what the card already showed, so the screen changes at once. */
function ProductPreview({ entry }: { entry: ProductEntry }) {
  const preview = entry.preview;
  return (
    <main className="screen product product-loading" data-screen="product" aria-busy="true">
      <div className="product-body">
        <div className="product-media">
          <div className="gallery">
            <HitImage className="gallery-image" hit={preview} id={entry.productId} eager />
          </div>
        </div>
        <div className="product-info">
          <header className="product-head">
            {preview?.brand !== undefined ? (
              <span className="eyebrow product-brand">{preview.brand}</span>
            ) : null}
            <h1 className="product-title">{preview?.title ?? ' '}</h1>
            {preview?.price !== undefined ? <Price price={preview.price} size="lg" /> : null}
          </header>
          <div className="skeleton-block" />
          <div className="skeleton-block skeleton-short" />
        </div>
      </div>
    </main>
  );
}

function ProductGone() {
  const nav = useNav();
  const { t } = useTranslation('product');
  return (
    <main className="screen message-screen" data-screen="product">
      <div className="message-card">
        <span className="message-icon">
          <Icon name="info" />
        </span>
        <h1 className="message-title">{t('gone.title')}</h1>
        <p className="message-text">{t('gone.text')}</p>
        <button type="button" className="btn btn-primary btn-lg press" onClick={nav.back}>
          <Icon name="back" />
          {t('gone.back')}
        </button>
      </div>
    </main>
  );
}
