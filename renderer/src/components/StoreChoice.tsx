import { useTranslation } from 'react-i18next';
import { useKiosk } from '../bridge/kiosk-context.js';
import { formatDistance, nearbyStockLabel } from '../format/stock.js';
import { Icon } from './Icon.js';

export interface StoreOption {
  code: string;
  name: string;
  detail: string;
  quantity: number;
  distanceKm: number | null;
}

/** Where to pick it up: only stores that have the size, this one first. */
export function StoreChoice({
  options,
  loading,
  chosen,
  error,
  onChoose,
}: {
  options: StoreOption[];
  loading: boolean;
  chosen: string | null;
  error: string | undefined;
  onChoose: (code: string) => void;
}) {
  const { info } = useKiosk();
  const { t } = useTranslation('reserve');
  return (
    <section className="form-section" aria-labelledby="store-title">
      <h2 id="store-title" className="form-heading">
        <span className="step">1</span> {t('store.title')}
      </h2>
      {options.length === 0 && !loading ? <p className="form-note">{t('store.none')}</p> : null}
      <div className="store-options" role="radiogroup" aria-label={t('store.label')}>
        {options.map((o) => {
          const distance = formatDistance(o.distanceKm, info.locale);
          return (
            <button
              type="button"
              role="radio"
              key={o.code}
              className="store-option press"
              data-testid="reserve-store"
              data-store-code={o.code}
              aria-checked={chosen === o.code}
              onClick={() => {
                onChoose(o.code);
              }}
            >
              <span className="store-radio" aria-hidden="true">
                <Icon name="check" />
              </span>
              <span className="store-option-text">
                <span className="store-option-name">{o.name}</span>
                <span className="store-option-detail">
                  {[o.detail, distance].filter(Boolean).join(' · ')}
                </span>
              </span>
              <span className="stock-badge stock-good">{nearbyStockLabel(t, o.quantity, undefined)}</span>
            </button>
          );
        })}
        {loading ? <div className="store-option store-option-skeleton" aria-hidden="true" /> : null}
      </div>
      {error !== undefined ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
