/**
 * A product for a passer-by: a huge photo, name and price, colours and sizes as big targets with
 * the stock in this store, "continue on your phone" as a QR code sized for the street, and what
 * to do next by the store's hours: come in while it is open; reserve for the opening while it is
 * closed.
 */
import type { TFunction } from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreHoursView } from '../../../shared/bridge/contract.js';
import type { ProductView, SearchHit } from '../../../shared/catalog/views.js';
import { track } from '../analytics/track.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { HitImage } from '../components/HitImage.js';
import { Icon } from '../components/Icon.js';
import { Price } from '../components/Price.js';
import { ProductImage } from '../components/ProductImage.js';
import { colorOf } from '../format/colors.js';
import { stockTone } from '../format/stock.js';
import {
  colorStockHere,
  colorsOf,
  findVariant,
  galleryMedia,
  initialSelection,
  sizeVariants,
  withColor,
  type Selection,
} from '../format/variants.js';
import { HoursNotice } from './HoursNotice.js';
import { PhoneQr } from './PhoneQr.js';
import { WindowAids } from './WindowAids.js';
import type { WindowSizes } from './sizing.js';

export interface WindowProductProps {
  productId: string;
  preview: SearchHit | undefined;
  /** Given when a scan brought the product. */
  product: ProductView | undefined;
  variantSku: string | null;
  hours: StoreHoursView | undefined;
  sizes: WindowSizes;
  onBack: () => void;
  onReserve: (product: ProductView, sku: string) => void;
}

export function WindowProduct(props: WindowProductProps) {
  const { t } = useTranslation('window');
  const { bridge } = useKiosk();
  const [loaded, setLoaded] = useState<ProductView | null | undefined>(props.product);
  const product = props.product ?? loaded;
  const { productId } = props;

  useEffect(() => {
    if (props.product !== undefined) return undefined;
    let live = true;
    bridge.call('catalog.product', { id: productId }).then(
      (p) => {
        if (live) setLoaded(p);
      },
      () => {
        if (live) setLoaded(null);
      },
    );
    return () => {
      live = false;
    };
  }, [bridge, productId, props.product]);

  useEffect(() => {
    track(bridge, 'product.view', { productId, source: 'window' });
  }, [bridge, productId]);

  const back = (
    <div className="wproduct-tools">
      <button type="button" className="wback press" data-testid="window-back" onClick={props.onBack}>
        <Icon name="back" />
        {t('product.back')}
      </button>
      <WindowAids />
    </div>
  );
  if (product === null) {
    return (
      <main className="screen wproduct wproduct-gone" data-screen="window-product">
        {back}
        <p className="wgone">{t('product.gone')}</p>
      </main>
    );
  }
  if (product === undefined) {
    const preview = props.preview;
    return (
      <main className="screen wproduct" data-screen="window-product" aria-busy="true">
        {back}
        <HitImage className="wproduct-image" hit={preview} id={productId} eager />
        <div className="wproduct-info">
          <h1 className="wproduct-title">{preview?.title ?? ''}</h1>
        </div>
      </main>
    );
  }
  return <Details {...props} product={product} back={back} />;
}

function Details({
  product,
  variantSku,
  hours,
  sizes,
  onReserve,
  back,
}: WindowProductProps & { product: ProductView; back: ReactNode }) {
  const { t } = useTranslation('window');
  const { info, hasHub } = useKiosk();
  const [selection, setSelection] = useState<Selection>(() => initialSelection(product, variantSku));
  const [needSize, setNeedSize] = useState(false);
  const variant = findVariant(product, selection);
  const colors = colorsOf(product);
  const sized = sizeVariants(product, selection.color);
  const price =
    variant?.price ??
    product.variants.find((v) => v.color === selection.color)?.price ??
    product.variants[0]?.price;
  const here = variant !== undefined ? variant.stockHere : colorStockHere(product, selection.color);
  const media = galleryMedia(product, variant, selection.color);
  const closed = hours?.open === false;

  return (
    <main className="screen wproduct" data-screen="window-product" data-hours={closed ? 'closed' : 'open'}>
      {back}
      <ProductImage
        key={selection.color ?? ''}
        className="wproduct-image"
        src={media[0]?.url}
        alt={media[0]?.alt ?? product.title}
        seed={product.id}
        colorName={selection.color}
        brand={product.brand}
        hints={[product.title, ...product.categoryPath.slice().reverse()]}
        eager
      />
      <div className="wproduct-info">
        {product.brand !== undefined ? <span className="eyebrow wproduct-brand">{product.brand}</span> : null}
        <h1 className="wproduct-title" data-testid="window-product-title">
          {product.title}
        </h1>
        {price !== undefined ? <Price price={price} size="lg" /> : null}

        {colors.length > 1 ? (
          <div className="wchoices" role="group" aria-label={t('product.colour')}>
            {colors.map((color) => (
              <button
                type="button"
                key={color}
                className="wswatch press"
                data-testid="window-color"
                aria-pressed={selection.color === color}
                aria-label={color}
                onClick={() => {
                  setSelection(withColor(product, selection, color));
                }}
              >
                <span className="wswatch-dot" style={{ background: colorOf(color) }} aria-hidden="true" />
              </button>
            ))}
          </div>
        ) : null}
        {sized.length > 0 ? (
          <div
            className={`wchoices ${needSize ? 'wchoices-attention' : ''}`}
            role="group"
            aria-label={t('product.size')}
          >
            {sized.map((v) => (
              <button
                type="button"
                key={v.size}
                className={`wsize press wsize-${stockTone(v.stockHere)}`}
                data-testid="window-size"
                data-size={v.size}
                data-stock={v.stockHere === undefined ? '' : String(v.stockHere)}
                aria-pressed={selection.size === v.size}
                onClick={() => {
                  setSelection({ ...selection, size: v.size });
                  setNeedSize(false);
                }}
              >
                <span className="wsize-label">{v.size}</span>
                <span className="wsize-stock">{stockWords(t, v.stockHere)}</span>
              </button>
            ))}
          </div>
        ) : null}

        <div className="wnext" data-testid="window-next">
          {closed ? (
            <>
              <HoursNotice hours={hours} />
              {hasHub && (here ?? 0) > 0 ? (
                <button
                  type="button"
                  className="btn btn-primary btn-lg wbtn press"
                  data-testid="window-reserve"
                  onClick={() => {
                    if (variant === undefined) setNeedSize(true);
                    else onReserve(product, variant.sku);
                  }}
                >
                  <Icon name="bag" />
                  {needSize && variant === undefined
                    ? t('product.chooseSize')
                    : t('product.reserveForOpening')}
                </button>
              ) : null}
            </>
          ) : (
            <p className={`wstock wstock-${stockTone(here)}`} data-testid="window-stock">
              <Icon name="store" />
              <span>
                <strong>{(here ?? 0) > 0 ? t('product.comeIn') : t('product.notHere')}</strong>
                <span>
                  {(here ?? 0) > 0
                    ? t('product.inStockAt', { count: here, store: info.store.name })
                    : t('product.seeOnPhone')}
                </span>
              </span>
            </p>
          )}
        </div>
      </div>
      <PhoneQr product={product} sku={variant?.sku ?? null} hours={hours} sizes={sizes} />
    </main>
  );
}

function stockWords(t: TFunction<'window'>, quantity: number | undefined): string {
  if (quantity === undefined) return t('stock.notSold');
  if (quantity <= 0) return t('stock.soldOut');
  return quantity <= 5 ? t('stock.left', { count: quantity }) : t('stock.inStock');
}
