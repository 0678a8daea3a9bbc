/**
 * The shopper's accessibility settings for one session, and what they do to the page: the
 * high-contrast theme, the text size, the low-reach band and speech. A session starts from the
 * config's settings and App.tsx passes a new `session` when one ends, which puts them back
 * (volume included, ADA §707.3) and silences speech for the next shopper.
 */
import { useEffect, useEffectEvent, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../bridge/kiosk-context.js';
import { i18n } from '../i18n/index.js';
import { A11yContext, type A11y } from './a11y-context.js';
import { browserSynthesis } from './browser-speech.js';
import type { SpeechWord } from './describe-element.js';
import { initialSettings, type A11ySettings } from './settings.js';
import { attachSpeech } from './speech-dom.js';
import { Speech, type SpeechState } from './speech-service.js';
import { useReachBand } from './use-reach-band.js';
import '../theme/a11y-layout.css';
import '../theme/a11y-menu.css';
import '../theme/a11y-contrast.css';

const NO_SPEECH: SpeechState = { enabled: false, speaking: false, paused: false, canRepeat: false };
const noSubscription = (): (() => void) => () => undefined;

export function AccessibilityProvider({ session, children }: { session: number; children: ReactNode }) {
  const { info } = useKiosk();
  const { t } = useTranslation('a11y');
  const [state, setState] = useState(() => ({ session, settings: initialSettings(info.accessibility) }));
  const [menu, setMenu] = useState({ session, open: false });
  // A new session: the config's settings again (set while rendering, so no frame shows the old ones).
  let settings = state.settings;
  if (state.session !== session) {
    settings = initialSettings(info.accessibility);
    setState({ session, settings });
  }
  const menuOpen = menu.open && menu.session === session;

  const [speech] = useState(() => {
    const synthesis = browserSynthesis();
    return synthesis === null
      ? null
      : new Speech({
          synthesis,
          lang: () => document.documentElement.lang || 'en',
          entryHidden: () => i18n.t('speech.entryHidden', { ns: 'a11y' }),
        });
  });
  const speechState = useSyncExternalStore(
    speech === null ? noSubscription : (listener) => speech.subscribe(listener),
    () => speech?.state() ?? NO_SPEECH,
  );

  useEffect(() => {
    speech?.reset();
  }, [speech, session]);
  useEffect(() => {
    speech?.setVolume(settings.volume);
  }, [speech, settings.volume]);
  // Speech turned on in the menu says so; on from the config, the next screen speaks for itself.
  const confirmOn = useEffectEvent(() => {
    if (menuOpen) speech?.say(t('speech.started'));
  });
  const word = useEffectEvent((key: SpeechWord) => t(`speech.${key}`));
  const screenName = useEffectEvent((screen: string) => {
    const name = t(`screen.${screen}`, { defaultValue: '' });
    return name === '' ? null : name;
  });
  useEffect(() => {
    if (speech === null) return undefined;
    speech.setEnabled(settings.speech);
    if (!settings.speech) return undefined;
    confirmOn();
    const detach = attachSpeech(document, {
      speech,
      word: (key) => word(key),
      screenName: (screen) => screenName(screen),
    });
    return () => {
      detach();
      speech.setEnabled(false);
    };
  }, [speech, settings.speech]);

  useEffect(() => {
    const root = document.documentElement;
    if (settings.highContrast) root.dataset.contrast = 'high';
    root.style.setProperty('--text-scale', String(settings.textScale));
    root.dataset.textScale = settings.textScale > 1 ? 'large' : 'normal';
    return () => {
      delete root.dataset.contrast;
      root.style.removeProperty('--text-scale');
      delete root.dataset.textScale;
    };
  }, [settings.highContrast, settings.textScale]);

  const band = useReachBand(info.accessibility.display, settings.lowReach);

  const value = useMemo<A11y>(
    () => ({
      settings,
      update: (change: Partial<A11ySettings>) => {
        setState((s) => ({ ...s, settings: { ...s.settings, ...change } }));
      },
      configuredTextScale: info.accessibility.textScale,
      speech,
      speechState,
      band,
      session,
      menuOpen,
      openMenu: () => {
        setMenu({ session, open: true });
      },
      closeMenu: () => {
        setMenu({ session, open: false });
      },
    }),
    [settings, info.accessibility.textScale, speech, speechState, band, menuOpen, session],
  );
  return <A11yContext value={value}>{children}</A11yContext>;
}
