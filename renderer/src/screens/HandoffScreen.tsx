/**
 * Send to phone: the hub makes a short-lived link for this product (DESIGN.md, Omnichannel
 * hand-off) and the kiosk shows it as a QR code the shopper scans with their own camera.
 */
import { toString as qrToString } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoffView } from '../../../shared/bridge/contract.js';
import type { ProductView } from '../../../shared/catalog/views.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { Icon } from '../components/Icon.js';
import { Price } from '../components/Price.js';
import { ProductThumb } from '../components/ProductThumb.js';
import { variantLabel } from '../format/variants.js';
import { useNav } from '../session/nav-context.js';
// Loaded with this screen's chunk, not up front.
import '../theme/handoff.css';

type State = { status: 'loading' } | (HandoffView & { qr?: string });

export function HandoffScreen({ product, sku }: { product: ProductView; sku: string | null }) {
  const { bridge, online, hasHub } = useKiosk();
  const nav = useNav();
  const { t } = useTranslation('handoff');
  const [state, setState] = useState<State>({ status: 'loading' });
  const variant = product.variants.find((v) => v.sku === sku);

  useEffect(() => {
    let live = true;
    const args = sku === null ? { productId: product.id } : { productId: product.id, sku };
    void bridge
      .call('session.handoff', args)
      .then(async (view): Promise<State> => {
        if (view.status !== 'ready') return view;
        // Level M survives a scuffed or glary screen; a 4-module quiet zone is what the spec asks.
        const qr = await qrToString(view.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
        return { ...view, qr };
      })
      .catch((): State => ({ status: 'unavailable', message: 'the hand-off call failed' }))
      .then((next) => {
        if (live) setState(next);
      });
    return () => {
      live = false;
    };
  }, [bridge, product.id, sku]);

  const offline = hasHub && !online;
  const price = variant?.price ?? product.variants[0]?.price;
  return (
    <main className="screen handoff" data-screen="handoff">
      <div className="handoff-product">
        <ProductThumb className="handoff-thumb" product={product} variant={variant} />
        <div>
          {product.brand !== undefined ? <span className="eyebrow">{product.brand}</span> : null}
          <h1 className="handoff-title">{product.title}</h1>
          {variant !== undefined ? <p className="handoff-variant">{variantLabel(t, variant)}</p> : null}
          {price !== undefined ? <Price price={price} size="sm" /> : null}
        </div>
      </div>

      {state.status === 'loading' ? (
        <div className="handoff-card" aria-busy="true">
          <div className="qr-frame qr-loading">
            <span className="spinner spinner-lg" aria-hidden="true" />
          </div>
          <p className="handoff-text">{offline ? t('tryingOffline') : t('making')}</p>
        </div>
      ) : state.status === 'ready' ? (
        <div className="handoff-card">
          <h2 className="handoff-heading">{t('title')}</h2>
          <div className="qr-frame">
            {state.qr !== undefined ? (
              <img
                className="qr"
                data-testid="handoff-qr"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(state.qr)}`}
                alt={t('qrAlt')}
              />
            ) : null}
          </div>
          <p className="handoff-text">
            <Icon name="phone" />
            <span>{t('scanText')}</span>
          </p>
          <p className="handoff-url" data-testid="handoff-url" dir="ltr">
            {state.url}
          </p>
        </div>
      ) : (
        <div className="handoff-card handoff-unavailable" data-testid="handoff-unavailable">
          <span className="message-icon">
            <Icon name="offline" />
          </span>
          <h2 className="message-title">{offline || !hasHub ? t('noConnection') : t('failed')}</h2>
          <p className="message-text">{offline || !hasHub ? t('offlineText') : t('failedText')}</p>
          {sku !== null ? (
            <button
              type="button"
              className="btn btn-primary btn-lg press"
              onClick={() => {
                nav.reserve(product, sku);
              }}
            >
              <Icon name="bag" />
              {t('reserveInstead')}
            </button>
          ) : (
            <p className="message-text">{t('chooseSize')}</p>
          )}
        </div>
      )}
    </main>
  );
}
