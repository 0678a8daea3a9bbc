/**
 * The shopper's language. A session starts in the config's `defaultLocale`; the picker switches
 * the UI and tells the runtime (`session.language`), whose catalog answers and scan events then
 * carry the feed's texts in that language; the end of a session, by "I'm done" or by the idle
 * timer, goes back to the default on both sides (the runtime resets its own).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeClient } from '../../../shared/bridge/client.js';
import type { KioskInfo } from '../../../shared/bridge/contract.js';
import { callQuietly, useKiosk } from '../bridge/kiosk-context.js';
import { i18n, loadLanguage, setLanguage } from './index.js';

/** The shopper's pick in this session; null: the config's default. One page, one shopper at a time. */
let chosen: string | null = null;

export interface SessionLanguage {
  /** The tag the UI speaks, once the first language is loaded (null before: keep the splash up). */
  locale: string | null;
  /** Back to the config's default language, for the next shopper. */
  reset: () => void;
}

/**
 * For App: starts in the default language when the kiosk's description arrives, and keeps the
 * shopper's choice across a pushed config unless the config no longer offers it.
 */
export function useSessionLanguage(info: KioskInfo | null): SessionLanguage {
  const { i18n: instance } = useTranslation();
  const [ready, setReady] = useState(false);
  const defaultLocale = info?.locale ?? null;
  const offered = info?.languages.join('\u0000') ?? null;

  useEffect(() => {
    if (defaultLocale === null || offered === null) return undefined;
    let live = true;
    const target = chosen !== null && offered.split('\u0000').includes(chosen) ? chosen : defaultLocale;
    setLanguage(target).then(
      () => {
        if (live) setReady(true);
      },
      () => {
        // A language whose strings cannot load still shows the kiosk, in English.
        if (live) setReady(true);
      },
    );
    return () => {
      live = false;
    };
  }, [defaultLocale, offered]);

  const reset = useCallback(() => {
    chosen = null;
    if (defaultLocale !== null && i18n.language !== defaultLocale) void setLanguage(defaultLocale);
  }, [defaultLocale]);

  return { locale: ready ? instance.language : null, reset };
}

/**
 * Switches to `tag`: the runtime is told and the strings are fetched side by side, and the
 * screen changes language once both are done, so what it fetches next comes back in the new one.
 */
export async function chooseLanguage(bridge: BridgeClient, tag: string): Promise<void> {
  chosen = tag;
  const told = bridge.call('session.language', { locale: tag });
  callQuietly(told);
  await Promise.allSettled([told, loadLanguage(tag)]);
  // The session may have ended meanwhile, or the shopper tapped another language.
  if (chosen === tag) await setLanguage(tag);
}

/** For the pickers: the languages on offer, the one in use, and a way to switch. */
export function useLanguageChoice(): {
  languages: readonly string[];
  current: string;
  choose: (tag: string) => void;
} {
  const { bridge, info } = useKiosk();
  const choose = useCallback(
    (tag: string) => {
      void chooseLanguage(bridge, tag);
    },
    [bridge],
  );
  return { languages: info.languages, current: info.locale, choose };
}
