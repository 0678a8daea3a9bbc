/**
 * What happened to a reservation, said plainly. A queued one is saved on this kiosk and sent when
 * the hub is back; if that happens while the shopper is still here, the `reservation` event turns
 * this into the confirmation with its pickup code.
 */
import { Trans, useTranslation } from 'react-i18next';
import type { ReservationView } from '../../../shared/bridge/contract.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { Icon } from './Icon.js';

export interface ReservationResultProps {
  reservation: ReservationView;
  contact: string;
  onRetry: () => void;
  onContinue: () => void;
}

function formatHold(iso: string | undefined, locale: string): string | null {
  if (iso === undefined) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}

export function ReservationResult({ reservation, contact, onRetry, onContinue }: ReservationResultProps) {
  const { info } = useKiosk();
  const { t } = useTranslation('reserve');
  const size = reservation.size === undefined ? undefined : t('common:size', { size: reservation.size });
  const item = [reservation.productTitle, reservation.color, size].filter(Boolean).join(' · ');
  const hold = formatHold(reservation.holdUntil, info.locale);
  return (
    <section
      className={`result result-${reservation.status}`}
      data-testid="reservation-result"
      data-status={reservation.status}
      role="status"
    >
      <span className="result-icon">
        <Icon
          name={
            reservation.status === 'confirmed' ? 'check' : reservation.status === 'queued' ? 'clock' : 'info'
          }
        />
      </span>
      {reservation.status === 'confirmed' ? (
        <>
          <h1 className="result-title">{t('result.confirmedTitle')}</h1>
          <p className="result-text">{t('result.confirmedText', { store: reservation.storeName })}</p>
          <div className="pickup">
            <span className="eyebrow">{t('result.pickupCode')}</span>
            <span className="pickup-code" data-testid="pickup-code">
              {reservation.pickupCode}
            </span>
          </div>
          {hold !== null ? <p className="result-hold">{t('result.heldUntil', { time: hold })}</p> : null}
          <p className="result-item">{item}</p>
        </>
      ) : reservation.status === 'queued' ? (
        <>
          <h1 className="result-title">{t('result.queuedTitle')}</h1>
          <p className="result-text">
            <Trans
              t={t}
              i18nKey="result.queuedText"
              values={{ contact }}
              components={{ contact: <strong dir="ltr" /> }}
            />
          </p>
          <p className="result-item">
            {item} · {reservation.storeName}
          </p>
          <p className="result-waiting">
            <span className="dot-pulse" aria-hidden="true" />
            {t('result.waiting')}
          </p>
        </>
      ) : (
        <>
          <h1 className="result-title">{t('result.refusedTitle')}</h1>
          <p className="result-text">{reservation.message ?? t('result.refusedText')}</p>
          <p className="result-item">{item}</p>
        </>
      )}
      <div className="result-actions">
        {reservation.status === 'refused' ? (
          <button type="button" className="btn btn-primary btn-lg press" onClick={onRetry}>
            <Icon name="store" />
            {t('result.otherStore')}
          </button>
        ) : null}
        <button type="button" className="btn btn-secondary btn-lg press" onClick={onContinue}>
          {t('result.continue')}
        </button>
      </div>
    </section>
  );
}
