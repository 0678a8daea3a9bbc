/**
 * Where the shopper's screens are laid out. Normally the whole page; in low-reach mode only the
 * rows within reach (use-reach-band.ts), with a quiet header above them and nothing pressable
 * outside. The frame confines position: fixed overlays too (theme/a11y-layout.css), so dialogs,
 * toasts and the accessibility menu land in reach without knowing about it. Staff screens stay
 * outside: controls meant only for staff are exempt (ADA 2010 §205.1, exception 1).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../bridge/kiosk-context.js';
import { useA11y } from './a11y-context.js';
import { A11yIcon } from './a11y-icons.js';
import { AccessibilityMenu } from './AccessibilityMenu.js';

export function ReachFrame({ children }: { children: ReactNode }) {
  const { band, menuOpen, session } = useA11y();
  return (
    <>
      {band !== null ? <ReachHeader /> : null}
      {/* data-session counts sessions: tests wait on it for a reset to have happened. */}
      <div className="reach-frame" data-testid="reach-frame" data-session={session}>
        {children}
        {menuOpen ? <AccessibilityMenu /> : null}
      </div>
    </>
  );
}

/** The rows above reach: the brand and where the controls went; nothing here can be pressed. */
function ReachHeader() {
  const { info } = useKiosk();
  const { t } = useTranslation('a11y');
  return (
    <div className="reach-header" aria-hidden="true" data-testid="reach-header">
      <span className="reach-header-brand">{info.branding.name}</span>
      <span className="reach-header-note">
        <A11yIcon name="reach" />
        {t('reach.below')}
      </span>
    </div>
  );
}
