/**
 * "Exit kiosk" in two taps: the first only asks, "Yes, exit" closes the kiosk app. A staff member
 * who brushes the button while reaching for Resync must not take the store's screen down. The
 * panel shows it only where the shell can be left (staff.status `canExit`).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../bridge/kiosk-context.js';
import { settleStaffAction } from './staff-action.js';
import { StaffIcon } from './staff-icons.js';

type Step =
  { step: 'idle' } | { step: 'asking' } | { step: 'busy' } | { step: 'done'; ok: boolean; message: string };

export function ExitKiosk({ onExpired }: { onExpired: () => void }) {
  const { bridge } = useKiosk();
  const { t } = useTranslation('staff');
  const [state, setState] = useState<Step>({ step: 'idle' });

  const exit = (): void => {
    setState({ step: 'busy' });
    // A refusal here: the staff session ran out between the two taps.
    settleStaffAction(
      bridge.call('staff.exit', {}),
      ({ ok, message }) => {
        setState({ step: 'done', ok, message });
      },
      onExpired,
    );
  };

  if (state.step === 'idle' || (state.step === 'done' && !state.ok))
    return (
      <div className="staff-exit">
        {state.step === 'done' ? (
          <p className="staff-exit-text" role="alert" data-tone="bad" data-testid="staff-exit-message">
            {state.message}
          </p>
        ) : null}
        <button
          type="button"
          className="btn btn-secondary press staff-exit-start"
          data-testid="staff-exit"
          onClick={() => {
            setState({ step: 'asking' });
          }}
        >
          <StaffIcon name="exit" />
          {t('panel.exit')}
        </button>
      </div>
    );

  if (state.step === 'asking')
    return (
      <div className="staff-exit" role="group" aria-labelledby="staff-exit-question">
        <p className="staff-exit-text" id="staff-exit-question" data-tone="bad">
          {t('panel.exitQuestion')}
        </p>
        <button
          type="button"
          className="btn btn-secondary press"
          data-testid="staff-exit-cancel"
          onClick={() => {
            setState({ step: 'idle' });
          }}
        >
          <StaffIcon name="close" />
          {t('panel.exitCancel')}
        </button>
        <button
          type="button"
          className="btn press staff-exit-confirm"
          data-testid="staff-exit-confirm"
          onClick={exit}
        >
          <StaffIcon name="exit" />
          {t('panel.exitConfirm')}
        </button>
      </div>
    );

  return (
    <div className="staff-exit">
      <p className="staff-exit-text" role="status" data-testid="staff-exit-message">
        <span className="spinner" aria-hidden="true" />
        {t('panel.exiting')}
      </p>
    </div>
  );
}
