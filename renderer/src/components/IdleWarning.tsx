import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

/**
 * "Still there?" The runtime owns the idle timer and says how long is left; the countdown here
 * is only for show, and the runtime's `reset` event is what ends the session.
 */
export function IdleWarning({ secondsLeft, onStay }: { secondsLeft: number; onStay: () => void }) {
  const { t } = useTranslation();
  const [shownAt] = useState(() => performance.now());
  const [now, setNow] = useState(shownAt);
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(performance.now());
    }, 250);
    return () => {
      clearInterval(timer);
    };
  }, []);
  const left = Math.max(0, Math.ceil(secondsLeft - (now - shownAt) / 1000));
  const fraction = secondsLeft > 0 ? left / secondsLeft : 0;
  return (
    <div className="modal-scrim" data-testid="idle-warning">
      <div
        className="modal idle"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-text"
      >
        <div className="idle-ring" style={{ '--progress': fraction } as CSSProperties} aria-hidden="true">
          <span>{left}</span>
        </div>
        <h2 id="idle-title" className="modal-title">
          {t('idle.title')}
        </h2>
        <p id="idle-text" className="modal-text">
          {t('idle.text', { count: left })}
        </p>
        <button
          type="button"
          className="btn btn-primary btn-lg btn-block press"
          data-testid="idle-stay"
          onClick={onStay}
        >
          <Icon name="hand" />
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
