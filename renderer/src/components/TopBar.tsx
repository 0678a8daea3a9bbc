import { useState } from 'react';
import { useKiosk } from '../bridge/kiosk-context.js';
import { Icon } from './Icon.js';
import { OFFLINE_TEXT, StatusPill } from './StatusPill.js';

export interface TopBarProps {
  onBack: (() => void) | null;
  onHome: (() => void) | null;
  onDone: () => void;
}

/** Every screen's way back, home, and out ("I'm done" wipes the session for the next shopper). */
export function TopBar({ onBack, onHome, onDone }: TopBarProps) {
  const { info, showOffline } = useKiosk();
  const [logoFailed, setLogoFailed] = useState(false);
  const logo = info.branding.logo;
  return (
    <header className="topbar">
      <div className="topbar-side">
        {onBack !== null ? (
          <button type="button" className="btn btn-ghost topbar-btn press" onClick={onBack} aria-label="Back">
            <Icon name="back" />
            <span>Back</span>
          </button>
        ) : null}
        {onHome !== null ? (
          <button type="button" className="icon-btn press" onClick={onHome} aria-label="Start page">
            <Icon name="home" />
          </button>
        ) : null}
      </div>
      <div className="topbar-brand">
        {logo !== undefined && !logoFailed ? (
          <img
            src={logo}
            alt={info.branding.name}
            className="topbar-logo"
            onError={() => {
              setLogoFailed(true);
            }}
          />
        ) : (
          <span className="topbar-name">{info.branding.name}</span>
        )}
        {showOffline ? <StatusPill className="status-pill-inline" text={OFFLINE_TEXT} /> : null}
      </div>
      <div className="topbar-side topbar-end">
        <button
          type="button"
          className="btn btn-secondary topbar-btn press"
          onClick={onDone}
          data-testid="session-done"
        >
          <Icon name="check" />
          <span>I’m done</span>
        </button>
      </div>
    </header>
  );
}
