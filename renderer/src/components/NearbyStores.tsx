/** Stock of the chosen variant in the stores around this one, nearest first (catalog.nearby). */
import { useTranslation } from 'react-i18next';
import type { NearbyStock } from '../../../shared/catalog/views.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { formatDistance, nearbyStockLabel, stockTone } from '../format/stock.js';
import { Icon } from './Icon.js';

export type NearbyState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; stores: NearbyStock[] };

export function NearbyStores({ state }: { state: NearbyState }) {
  const { info } = useKiosk();
  const { t } = useTranslation('product');
  if (state.status === 'idle') {
    return <p className="nearby-note">{t('nearby.chooseSize')}</p>;
  }
  if (state.status === 'loading') {
    return (
      <ul className="nearby-list" aria-busy="true">
        {[0, 1, 2].map((i) => (
          <li className="nearby-row nearby-skeleton" key={i} />
        ))}
      </ul>
    );
  }
  if (state.status === 'failed') return <p className="nearby-note">{t('nearby.failed')}</p>;
  const stores = state.stores.filter((s) => s.store.code !== info.store.code);
  if (stores.length === 0) return <p className="nearby-note">{t('nearby.none')}</p>;
  return (
    <ul className="nearby-list">
      {stores.map((s) => {
        const distance = formatDistance(s.distanceKm, info.locale);
        const tone = stockTone(s.quantity);
        return (
          <li
            className="nearby-row"
            key={s.store.code}
            data-testid="nearby-store"
            data-store-code={s.store.code}
          >
            <span className="nearby-icon">
              <Icon name="pin" />
            </span>
            <span className="nearby-store">
              <span className="nearby-name">{s.store.name}</span>
              <span className="nearby-where">
                {[s.store.address, s.store.city].filter((x) => x !== undefined && x !== '').join(', ')}
              </span>
            </span>
            {distance !== null ? <span className="nearby-distance">{distance}</span> : null}
            <span className={`stock-badge stock-${tone}`}>
              {nearbyStockLabel(t, s.quantity, s.availability)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
