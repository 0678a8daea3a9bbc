/**
 * What happened to a reservation, said plainly. A queued one is saved on this kiosk and sent when
 * the hub is back; if that happens while the shopper is still here, the `reservation` event turns
 * this into the confirmation with its pickup code.
 */
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
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export function ReservationResult({ reservation, contact, onRetry, onContinue }: ReservationResultProps) {
  const { info } = useKiosk();
  const item = [reservation.productTitle, reservation.color, reservation.size && `size ${reservation.size}`]
    .filter(Boolean)
    .join(' · ');
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
          <h1 className="result-title">It’s reserved for you</h1>
          <p className="result-text">
            Show this code at the fitting rooms or the till in {reservation.storeName}.
          </p>
          <div className="pickup">
            <span className="eyebrow">Pickup code</span>
            <span className="pickup-code" data-testid="pickup-code">
              {reservation.pickupCode}
            </span>
          </div>
          {hold !== null ? <p className="result-hold">Held until {hold}</p> : null}
          <p className="result-item">{item}</p>
        </>
      ) : reservation.status === 'queued' ? (
        <>
          <h1 className="result-title">Your reservation is saved</h1>
          <p className="result-text">
            We couldn’t reach our system right now. Your reservation is saved on this kiosk and will be sent
            automatically as soon as the connection is back. We’ll contact you at <strong>{contact}</strong>.
          </p>
          <p className="result-item">
            {item} · {reservation.storeName}
          </p>
          <p className="result-waiting">
            <span className="dot-pulse" aria-hidden="true" />
            Waiting for the connection…
          </p>
        </>
      ) : (
        <>
          <h1 className="result-title">We couldn’t reserve this</h1>
          <p className="result-text">{reservation.message ?? 'The store can’t hold this item right now.'}</p>
          <p className="result-item">{item}</p>
        </>
      )}
      <div className="result-actions">
        {reservation.status === 'refused' ? (
          <button type="button" className="btn btn-primary btn-lg press" onClick={onRetry}>
            <Icon name="store" />
            Choose another store
          </button>
        ) : null}
        <button type="button" className="btn btn-secondary btn-lg press" onClick={onContinue}>
          Continue shopping
        </button>
      </div>
    </section>
  );
}
