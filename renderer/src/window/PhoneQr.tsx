/**
 * "Continue on your phone" on every product: the hub's hand-off link as a QR code big enough to
 * scan from the far side of the pavement (sizing.ts: about a tenth of the distance, quiet zone
 * of four modules). Without the hub there is no link to give, so the window says so and gives
 * what a passer-by can still use: where the store is and when it is open.
 */
import { create as createQr, toString as qrToString } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreHoursView } from '../../../shared/bridge/contract.js';
import type { ProductView } from '../../../shared/catalog/views.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { Icon } from '../components/Icon.js';
import { intlLocale, weekLines } from './hours-text.js';
import { FAR_MM, qrLayout, type WindowSizes } from './sizing.js';

type State =
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; svg: string; modules: number }
  | { status: 'unavailable'; key: string };

/** A size tapped in passing should not make a new link each time: the choice settles first. */
const SETTLE_MS = 600;

export interface PhoneQrProps {
  product: ProductView;
  sku: string | null;
  hours: StoreHoursView | undefined;
  sizes: WindowSizes;
}

export function PhoneQr({ product, sku, hours, sizes }: PhoneQrProps) {
  const { t } = useTranslation('window');
  const { bridge, hasHub, online } = useKiosk();
  const key = `${product.id}:${sku ?? ''}`;
  const [state, setState] = useState<State>({ status: 'loading', key });
  // A link already shown stays good while this device is offline (the phone reaches the hub on
  // its own); one that could not be made is tried again when the hub is back.
  const retry = state.status === 'unavailable' && online;

  useEffect(() => {
    if (!hasHub) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      const args = sku === null ? { productId: product.id } : { productId: product.id, sku };
      void bridge
        .call('session.handoff', args)
        .then(async (view): Promise<State> => {
          if (view.status !== 'ready') return { status: 'unavailable', key };
          // Level M survives a scuffed or glary window; the margin is the 4-module quiet zone.
          const svg = await qrToString(view.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
          const modules = createQr(view.url, { errorCorrectionLevel: 'M' }).modules.size;
          return { status: 'ready', key, svg, modules };
        })
        .catch((): State => ({ status: 'unavailable', key }))
        .then((next) => {
          if (live) setState(next);
        });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [bridge, hasHub, product.id, sku, key, retry]);

  if (!hasHub || state.status === 'unavailable') return <OfflineInstead hours={hours} />;
  if (state.status === 'loading') {
    // The size of a typical hand-off link's code (version 4, 33 modules), so nothing moves when it arrives.
    const placeholder = qrLayout({
      modules: 33,
      distanceMm: FAR_MM,
      mmToPx: sizes.mmToPx,
      maxSidePx: sizes.qrMaxPx,
    });
    return (
      <section className="wqr" data-testid="window-qr-loading" aria-busy="true">
        <h2 className="wqr-title">{t('qr.title')}</h2>
        <div
          className="wqr-code wqr-waiting"
          style={{ width: placeholder.sidePx, height: placeholder.sidePx }}
        >
          <span className="spinner spinner-lg" aria-hidden="true" />
        </div>
      </section>
    );
  }
  const layout = qrLayout({
    modules: state.modules,
    distanceMm: FAR_MM,
    mmToPx: sizes.mmToPx,
    maxSidePx: sizes.qrMaxPx,
  });
  return (
    <section className="wqr" data-stale={state.key !== key}>
      <h2 className="wqr-title">
        <Icon name="phone" />
        {t('qr.title')}
      </h2>
      <img
        className="wqr-code"
        data-testid="window-qr"
        data-readable-mm={Math.round(layout.readableFromMm)}
        data-modules={state.modules}
        width={layout.sidePx}
        height={layout.sidePx}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(state.svg)}`}
        alt={t('qr.alt')}
      />
      <p className="wqr-text">{hours?.open === false ? t('qr.textClosed') : t('qr.text')}</p>
    </section>
  );
}

function OfflineInstead({ hours }: { hours: StoreHoursView | undefined }) {
  const { t, i18n } = useTranslation('window');
  const { info } = useKiosk();
  const locale = intlLocale(i18n.language, info.locale);
  const address = [info.store.address, info.store.city].filter((part) => part !== undefined).join(', ');
  return (
    <section className="wqr wqr-offline" data-testid="window-qr-offline">
      <h2 className="wqr-title">
        <Icon name="offline" />
        {t('offline.title')}
      </h2>
      <p className="wqr-text">{t('offline.text')}</p>
      <div className="wvisit">
        <p className="wvisit-store">
          <Icon name="pin" />
          <span>
            <strong>{info.store.name}</strong>
            {address !== '' ? <span data-testid="window-address">{address}</span> : null}
          </span>
        </p>
        {hours !== undefined ? (
          <dl className="wvisit-hours" data-testid="window-week">
            {weekLines(hours, locale).map((line) => (
              <div key={line.date} className="wvisit-day">
                <dt>{line.day}</dt>
                <dd>
                  {line.allDay
                    ? t('offline.allDay')
                    : line.spans.length === 0
                      ? t('offline.closedDay')
                      : line.spans.join(', ')}
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    </section>
  );
}
