/**
 * A passer-by's visit to a shop window (config `mode: "window"`): spotlight, product, and
 * reserving for the opening while the store is closed. App.tsx remounts it under a new key when
 * the session ends (idle, or back to the spotlight), which is the whole reset, as for the kiosk.
 */
import { useState, type CSSProperties } from 'react';
import type { ProductView, SearchHit } from '../../../shared/catalog/views.js';
import { useScreenView } from '../analytics/use-screen-view.js';
import { useBridgeEvent } from '../bridge/kiosk-context.js';
import { SpotlightScreen } from './SpotlightScreen.js';
import { useStoreHours } from './use-store-hours.js';
import { useWindowSizes } from './use-window-sizes.js';
import { WindowProduct } from './WindowProduct.js';
import { WindowReserve } from './WindowReserve.js';
import '../theme/window.css';
import '../theme/window-product.css';
import '../theme/window-phone.css';
import '../theme/window-reserve.css';

type View =
  | { kind: 'spotlight' }
  | {
      kind: 'product';
      productId: string;
      preview?: SearchHit;
      product?: ProductView;
      variantSku: string | null;
      at: number;
    }
  | { kind: 'reserve'; product: ProductView; sku: string };

export interface WindowSessionProps {
  onEnd: () => void;
  /** The staff panel is testing the scanner: scans leave the window alone. */
  holdScans: boolean;
}

export function WindowSession({ onEnd, holdScans }: WindowSessionProps) {
  const sizes = useWindowSizes();
  const hours = useStoreHours();
  const [view, setView] = useState<View>({ kind: 'spotlight' });
  // The product left for the reserve screen, to come back to.
  const [lastProduct, setLastProduct] = useState<Extract<View, { kind: 'product' }> | null>(null);

  // A window rarely has a scanner, but a product scanned at one opens like a touched one.
  useBridgeEvent('scan', (scan) => {
    if (holdScans || scan.outcome !== 'product') return;
    setView({
      kind: 'product',
      productId: scan.product.id,
      product: scan.product,
      variantSku: scan.variantSku,
      at: performance.now(),
    });
  });

  // The spotlight is the window's attract loop (impressions, not screen views).
  useScreenView({
    kind: view.kind === 'spotlight' ? 'attract' : `window-${view.kind}`,
    id: view.kind === 'product' ? view.at : 0,
  });

  const style = {
    '--window-cta': `${String(sizes.ctaPx)}px`,
    '--window-near': `${String(sizes.nearPx)}px`,
  } as CSSProperties;

  return (
    <div
      className={`window window-${view.kind}`}
      style={style}
      data-testid="window"
      data-hours={hours === undefined ? 'none' : hours.open ? 'open' : 'closed'}
      data-mm-to-px={sizes.mmToPx.toFixed(4)}
    >
      {view.kind === 'spotlight' ? (
        <SpotlightScreen
          hours={hours}
          onOpen={(hit) => {
            setView({
              kind: 'product',
              productId: hit.id,
              preview: hit,
              variantSku: null,
              at: performance.now(),
            });
          }}
        />
      ) : view.kind === 'product' ? (
        <WindowProduct
          key={view.at}
          productId={view.productId}
          preview={view.preview}
          product={view.product}
          variantSku={view.variantSku}
          hours={hours}
          sizes={sizes}
          onBack={onEnd}
          onReserve={(product, sku) => {
            setLastProduct({ ...view, product, variantSku: sku });
            setView({ kind: 'reserve', product, sku });
          }}
        />
      ) : (
        <WindowReserve
          product={view.product}
          sku={view.sku}
          hours={hours}
          onBack={() => {
            setView(lastProduct ?? { kind: 'spotlight' });
          }}
          onDone={onEnd}
        />
      )}
    </div>
  );
}
