/**
 * The answer to a reservation from the window: the pickup code and when it is ready (the store's
 * next opening, when it was made after closing), or that it is saved until the connection is
 * back, or why it could not be held.
 */
import { useTranslation } from 'react-i18next';
import type { ReservationView, StoreHoursView } from '../../../shared/bridge/contract.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { Icon } from '../components/Icon.js';
import { intlLocale, nextOpening } from './hours-text.js';
import { WindowAids } from './WindowAids.js';
import { useNow } from './use-store-hours.js';

export interface WindowReservedProps {
  reservation: ReservationView;
  hours: StoreHoursView | undefined;
  onDone: () => void;
}

export function WindowReserved({ reservation, hours, onDone }: WindowReservedProps) {
  const { t, i18n } = useTranslation('window');
  const { info } = useKiosk();
  const now = useNow();
  const locale = intlLocale(i18n.language, info.locale);
  const timeZone = hours?.timeZone;
  const item = [reservation.productTitle, reservation.color, reservation.size]
    .filter((part) => part !== undefined && part !== '')
    .join(' · ');

  let ready: string;
  const from = reservation.pickupFrom;
  if (from !== undefined && timeZone !== undefined) {
    const when = nextOpening({ ...(hours ?? emptyHours(timeZone)), nextOpen: from }, now, locale);
    ready =
      when === null
        ? t('reserved.readyNow', { store: reservation.storeName })
        : t(`reserved.readyFrom.${when.kind}`, {
            time: when.time,
            day: 'day' in when ? when.day : '',
            store: reservation.storeName,
          });
  } else {
    ready = t('reserved.readyNow', { store: reservation.storeName });
  }
  const until =
    reservation.holdUntil === undefined
      ? null
      : new Intl.DateTimeFormat(locale, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          hour: 'numeric',
          minute: '2-digit',
          ...(timeZone === undefined ? {} : { timeZone }),
        }).format(new Date(reservation.holdUntil));

  return (
    <main className="screen wreserved" data-screen="window-reserved">
      <div className="wreserved-tools">
        <WindowAids />
      </div>
      <section
        className={`wresult wresult-${reservation.status}`}
        data-testid="window-reservation"
        data-status={reservation.status}
        data-pickup-from={reservation.pickupFrom ?? ''}
        role="status"
      >
        <span className="wresult-icon">
          <Icon
            name={
              reservation.status === 'confirmed'
                ? 'check'
                : reservation.status === 'queued'
                  ? 'clock'
                  : 'info'
            }
          />
        </span>
        {reservation.status === 'confirmed' ? (
          <>
            <h1 className="wresult-title">{t('reserved.title')}</h1>
            <p className="wresult-ready" data-testid="window-ready">
              {ready}
            </p>
            <p className="wresult-code">
              <span className="eyebrow">{t('reserved.code')}</span>
              <span className="wresult-pickup" data-testid="window-pickup-code">
                {reservation.pickupCode}
              </span>
            </p>
            {until !== null ? <p className="wresult-hold">{t('reserved.heldUntil', { until })}</p> : null}
          </>
        ) : reservation.status === 'queued' ? (
          <>
            <h1 className="wresult-title">{t('reserved.queuedTitle')}</h1>
            <p className="wresult-ready">{t('reserved.queuedText')}</p>
          </>
        ) : (
          <>
            <h1 className="wresult-title">{t('reserved.refusedTitle')}</h1>
            <p className="wresult-ready">{reservation.message ?? t('reserved.refusedText')}</p>
          </>
        )}
        <p className="wresult-item">{item}</p>
        <button
          type="button"
          className="btn btn-primary btn-lg wbtn press"
          data-testid="window-done"
          onClick={onDone}
        >
          {t('reserved.done')}
        </button>
      </section>
    </main>
  );
}

function emptyHours(timeZone: string): StoreHoursView {
  return { timeZone, open: false, closesAt: null, nextOpen: null, days: [] };
}
