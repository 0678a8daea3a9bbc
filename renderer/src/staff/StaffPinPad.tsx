/**
 * The staff PIN, typed on a pad of big keys. The runtime checks it and counts wrong ones
 * (main/runtime/session/staff.ts); the pad only shows what it answered.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../../../shared/bridge/client.js';
import { fieldErrors } from '../bridge/field-errors.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { StaffIcon } from './staff-icons.js';
import { unlockMessage } from '../format/staff.js';
import { preloadStaffPanel } from './lazy-staff.js';
import '../theme/staff-pin.css';

/** The contract takes 4 to 12 digits; more would only be refused. */
const MAX_DIGITS = 12;
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export interface StaffPinPadProps {
  onCancel: () => void;
  onUnlocked: () => void;
}

export function StaffPinPad({ onCancel, onUnlocked }: StaffPinPadProps) {
  const { bridge, info } = useKiosk();
  const { t } = useTranslation('staff');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A PIN check takes a moment (scrypt); an answer that arrives after Cancel must not open the panel.
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    preloadStaffPanel();
    return () => {
      open.current = false;
    };
  }, []);

  const type = (digit: string): void => {
    setMessage(null);
    setPin((p) => (p.length >= MAX_DIGITS ? p : p + digit));
  };

  const submit = (): void => {
    if (busy) return;
    setBusy(true);
    bridge.call('staff.unlock', { pin }).then(
      (view) => {
        if (!open.current) return;
        setBusy(false);
        setPin('');
        const text = unlockMessage(t, view, info.locale);
        if (text === null) onUnlocked();
        else setMessage(text);
      },
      (error: unknown) => {
        if (!open.current) return;
        setBusy(false);
        setPin('');
        if (error instanceof BridgeError && error.code === 'invalid-call')
          setMessage(fieldErrors('staff.unlock', error.message).has('pin') ? t('pin.format') : error.message);
        else setMessage(t('pin.noAnswer'));
      },
    );
  };

  return (
    <div className="modal-scrim staff-pin-scrim">
      <div
        className="modal staff-pin"
        role="dialog"
        aria-modal="true"
        aria-labelledby="staff-pin-title"
        data-testid="staff-pin"
      >
        <span className="staff-pin-icon" aria-hidden="true">
          <StaffIcon name="lock" />
        </span>
        <h2 id="staff-pin-title" className="staff-pin-title">
          {t('pin.title')}
        </h2>
        <div
          className="staff-pin-dots"
          role="img"
          aria-label={t('pin.entered', { count: pin.length })}
          data-digits={pin.length}
        >
          {pin.length === 0 ? (
            <span className="staff-pin-hint">{t('pin.hint')}</span>
          ) : (
            Array.from(pin, (_, i) => <span className="staff-pin-dot" key={i} />)
          )}
        </div>
        <div className="staff-pin-note">
          {message === null ? <p className="staff-pin-help">{t('pin.help')}</p> : null}
          <p className="staff-pin-message" role="alert" data-testid="staff-pin-message">
            {message}
          </p>
        </div>
        <div className="staff-pin-keys">
          {DIGITS.map((digit) => (
            <PinKey key={digit} digit={digit} onPress={type} />
          ))}
          <button type="button" className="staff-pin-key staff-pin-key-quiet press" onClick={onCancel}>
            {t('pin.cancel')}
          </button>
          <PinKey digit="0" onPress={type} />
          <button
            type="button"
            className="staff-pin-key staff-pin-key-quiet press"
            aria-label={t('common:keyboard.backspace')}
            disabled={pin.length === 0}
            onClick={() => {
              setPin((p) => p.slice(0, -1));
            }}
          >
            <StaffIcon name="backspace" />
          </button>
        </div>
        <button
          type="button"
          className="btn btn-primary btn-lg btn-block press"
          data-testid="staff-pin-submit"
          aria-busy={busy}
          onClick={submit}
        >
          {busy ? <span className="spinner" aria-hidden="true" /> : <StaffIcon name="check" />}
          {t('pin.ok')}
        </button>
      </div>
    </div>
  );
}

function PinKey({ digit, onPress }: { digit: string; onPress: (digit: string) => void }) {
  return (
    <button
      type="button"
      className="staff-pin-key press"
      data-pin-key={digit}
      // A key's digit is the PIN: speech says "entry hidden" instead (ADA §707.5).
      data-speech-mask="all"
      onClick={() => {
        onPress(digit);
      }}
    >
      {digit}
    </button>
  );
}
