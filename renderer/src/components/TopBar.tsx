import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessibilityButton, TopBarSpeech } from '../a11y/index.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { Icon } from './Icon.js';
import { LanguageMenu } from './LanguagePicker.js';
import { StatusPill } from './StatusPill.js';

export interface TopBarProps {
  onBack: (() => void) | null;
  onHome: (() => void) | null;
  onDone: () => void;
}

/** Every screen's way back, home, and out ("I'm done" wipes the session for the next shopper). */
export function TopBar({ onBack, onHome, onDone }: TopBarProps) {
  const { info, showOffline } = useKiosk();
  const { t } = useTranslation();
  const [logoFailed, setLogoFailed] = useState(false);
  const logo = info.branding.logo;
  return (
    <header className="topbar">
      <div className="topbar-side">
        {onBack !== null ? (
          <button
            type="button"
            className="btn btn-ghost topbar-btn press"
            data-testid="topbar-back"
            onClick={onBack}
          >
            <Icon name="back" />
            <span>{t('topbar.back')}</span>
          </button>
        ) : null}
        {onHome !== null ? (
          <button type="button" className="icon-btn press" onClick={onHome} aria-label={t('topbar.home')}>
            <Icon name="home" />
          </button>
        ) : null}
      </div>
      <div className="topbar-brand">
        <TopBarSpeech />
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
          // dir="auto": a Latin brand keeps its full stop at its end inside an Arabic page.
          <span className="topbar-name" dir="auto">
            {info.branding.name}
          </span>
        )}
        {showOffline ? <StatusPill className="status-pill-inline" text={t('offline')} /> : null}
      </div>
      <div className="topbar-side topbar-end">
        <AccessibilityButton />
        <LanguageMenu />
        <button
          type="button"
          className="btn btn-secondary topbar-btn press"
          onClick={onDone}
          data-testid="session-done"
        >
          <Icon name="check" />
          <span>{t('topbar.done')}</span>
        </button>
      </div>
    </header>
  );
}
