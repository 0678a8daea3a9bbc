/**
 * Send to phone: the hub makes a short-lived link for this product (DESIGN.md, Omnichannel
 * hand-off) and the kiosk shows it as a QR code the shopper scans with their own camera.
 */
import { toString as qrToString } from 'qrcode';
import { useEffect, useState } from 'react';
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
      .catch((): State => ({ status: 'unavailable', message: 'The link couldn’t be made right now.' }))
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
          {variant !== undefined ? <p className="handoff-variant">{variantLabel(variant)}</p> : null}
          {price !== undefined ? <Price price={price} size="sm" /> : null}
        </div>
      </div>

      {state.status === 'loading' ? (
        <div className="handoff-card" aria-busy="true">
          <div className="qr-frame qr-loading">
            <span className="spinner spinner-lg" aria-hidden="true" />
          </div>
          <p className="handoff-text">
            {offline ? 'This needs a connection — trying anyway…' : 'Making your link…'}
          </p>
        </div>
      ) : state.status === 'ready' ? (
        <div className="handoff-card">
          <h2 className="handoff-heading">Take it with you</h2>
          <div className="qr-frame">
            {state.qr !== undefined ? (
              <img
                className="qr"
                data-testid="handoff-qr"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(state.qr)}`}
                alt="QR code with a link to this product"
              />
            ) : null}
          </div>
          <p className="handoff-text">
            <Icon name="phone" />
            <span>
              Scan with your phone camera to see this product, check stock in other stores and reserve it
            </span>
          </p>
          <p className="handoff-url" data-testid="handoff-url">
            {state.url}
          </p>
        </div>
      ) : (
        <div className="handoff-card handoff-unavailable" data-testid="handoff-unavailable">
          <span className="message-icon">
            <Icon name="offline" />
          </span>
          <h2 className="message-title">
            {offline || !hasHub ? 'No connection right now' : 'We couldn’t make a link'}
          </h2>
          <p className="message-text">{state.message}</p>
          {sku !== null ? (
            <button
              type="button"
              className="btn btn-primary btn-lg press"
              onClick={() => {
                nav.reserve(product, sku);
              }}
            >
              <Icon name="bag" />
              Reserve to try on instead
            </button>
          ) : (
            <p className="message-text">Choose your size on the product page to reserve it here instead.</p>
          )}
        </div>
      )}
    </main>
  );
}
