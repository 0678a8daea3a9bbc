/**
 * The kiosk around the shopper's session: the connection to the runtime, the kiosk's look, the
 * idle warning and reset, keyboard-wedge scanners, the online status and the way in for staff. A
 * reset remounts the session under a new key, so no query, form field or QR code of one shopper
 * survives for the next, and closes the staff PIN pad and panel.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeClient } from '../../shared/bridge/client.js';
import type { KioskInfo, SyncView } from '../../shared/bridge/contract.js';
import type { SocketTransport } from './bridge/socket-transport.js';
import { AccessibilityProvider, ReachFrame } from './a11y/index.js';
import { flushHeld, sessionEnded } from './analytics/track.js';
import { callQuietly, KioskContext, type Kiosk } from './bridge/kiosk-context.js';
import { useRetryingCall } from './bridge/use-retrying-call.js';
import { IdleWarning } from './components/IdleWarning.js';
import { Splash } from './components/Splash.js';
import { StatusPill } from './components/StatusPill.js';
import { useSessionLanguage } from './i18n/session-language.js';
import { attachKeyboardWedge } from './input/keyboard-wedge.js';
import { useActivityReporter } from './session/activity.js';
import { Session } from './session/Session.js';
import { WindowSession } from './window/lazy-window.js';
import { StaffAccess, type StaffMode } from './staff/StaffAccess.js';
import { applyBranding } from './theme/branding.js';

/** A hub that is away this long is worth telling the shopper about; shorter blips are not. */
const OFFLINE_NOTICE_DELAY_MS = 1500;

export function App({ transport, bridge }: { transport: SocketTransport; bridge: BridgeClient }) {
  const connection = useSyncExternalStore(
    (listener) => transport.onState(listener),
    () => transport.state,
  );
  const [info, setInfo] = useState<KioskInfo | null>(null);
  const [sync, setSync] = useState<SyncView | null>(null);
  const [offlineNotice, setOfflineNotice] = useState(false);
  const [warning, setWarning] = useState<{ secondsLeft: number; at: number } | null>(null);
  const [sessionKey, setSessionKey] = useState(0);
  const [staff, setStaff] = useState<StaffMode>('closed');
  const { t } = useTranslation();
  const language = useSessionLanguage(info);

  const connected = connection.kind === 'connected';
  // Once known, the kiosk's description changes only by `kiosk` events (below).
  useRetryingCall(bridge, 'kiosk.info', {}, connected && info === null, (kiosk) => {
    applyBranding(kiosk);
    setInfo(kiosk);
  });
  // The sync state at each (re)connection; `sync` events keep it current from then on. Its own
  // call: tied to `info`, the answer was dropped whenever kiosk.info answered first.
  useRetryingCall(bridge, 'device.status', {}, connected, (status) => {
    setSync(status.sync);
  });

  const { report: reportActivity, forget: forgetActivity } = useActivityReporter(bridge, info?.idle);
  const resetLanguage = language.reset;
  const reset = useCallback(() => {
    sessionEnded();
    forgetActivity();
    resetLanguage();
    setWarning(null);
    setStaff('closed');
    setSessionKey((key) => key + 1);
  }, [forgetActivity, resetLanguage]);

  useEffect(() => {
    const offSync = bridge.on('sync', setSync);
    // The hub pushed a config (new playlist, branding, idle timing) or asked for a reload.
    const offKiosk = bridge.on('kiosk', ({ change }) => {
      if (change === 'reload') {
        location.reload();
        return;
      }
      bridge.call('kiosk.info', {}).then(
        (kiosk) => {
          applyBranding(kiosk);
          setInfo(kiosk);
        },
        () => undefined,
      );
    });
    const offIdle = bridge.on('idle', (event) => {
      if (event.phase === 'warning') setWarning({ secondsLeft: event.secondsLeft, at: performance.now() });
      else if (event.phase === 'active') setWarning(null);
      else reset();
    });
    return () => {
      offSync();
      offKiosk();
      offIdle();
    };
  }, [bridge, reset]);

  const warningShown = useRef(false);
  useEffect(() => {
    warningShown.current = warning !== null;
  }, [warning]);
  useEffect(() => {
    let swallowClickUntil = 0;
    const onPointerDown = (): void => {
      // Any touch while "still there?" is up is an answer, so it reaches the runtime at once.
      reportActivity(warningShown.current);
      // The warning may close before the finger lifts (the runtime answers "active" quickly);
      // the click that follows must not land on whatever was underneath it.
      if (warningShown.current) swallowClickUntil = performance.now() + 1500;
    };
    const onClick = (event: MouseEvent): void => {
      if (performance.now() > swallowClickUntil) return;
      swallowClickUntil = 0;
      event.preventDefault();
      event.stopPropagation();
      setWarning(null);
    };
    window.addEventListener('pointerdown', onPointerDown, { capture: true, passive: true });
    window.addEventListener('click', onClick, { capture: true });
    const detach = attachKeyboardWedge(window, {
      onScan: (code) => {
        callQuietly(bridge.call('device.keyboardScan', { code }));
      },
      onTyping: () => {
        reportActivity(false);
      },
    });
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, { capture: true });
      window.removeEventListener('click', onClick, { capture: true });
      detach();
    };
  }, [bridge, reportActivity]);

  const hasHub = info?.hubUrl !== null && info?.hubUrl !== undefined;
  const online = sync?.online ?? false;
  const looksOffline =
    hasHub && sync !== null && !online && sync.phase !== 'standalone' && sync.phase !== 'idle';
  useEffect(() => {
    if (!looksOffline) return undefined;
    const timer = setTimeout(() => {
      setOfflineNotice(true);
    }, OFFLINE_NOTICE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      setOfflineNotice(false);
    };
  }, [looksOffline]);

  const kiosk = useMemo<Kiosk | null>(
    () =>
      info === null || language.locale === null
        ? null
        : {
            bridge,
            // The session's language stands in for the default, so every Intl format follows it.
            info: { ...info, locale: language.locale },
            online,
            hasHub,
            showOffline: offlineNotice && looksOffline,
          },
    [bridge, info, language.locale, online, hasHub, offlineNotice, looksOffline],
  );

  const endSession = useCallback(() => {
    // A search still settling belongs to this session: sent before its end.
    flushHeld();
    // The session ends once, by the runtime's `idle` reset (the listener above), which it sends
    // before it answers this call. Resetting here as well remounted the session a second time when
    // that event came, and a shopper who touched the screen in between lost the fresh session.
    // Only when the runtime cannot be reached, and so sends no reset, does the page reset itself.
    let resetHeard = false;
    const stopListening = bridge.on('idle', (event) => {
      if (event.phase === 'reset') resetHeard = true;
    });
    bridge.call('session.end', { reason: 'done' }).then(
      () => {
        stopListening();
      },
      () => {
        stopListening();
        if (!resetHeard) reset();
      },
    );
  }, [bridge, reset]);

  if (connection.kind === 'refused') {
    return <Splash title={t('splash.wrongPageTitle')} text={t('splash.refusedText')} />;
  }
  if (kiosk === null) return <Splash title={t('splash.connecting')} text={t('splash.preparing')} busy />;
  return (
    <KioskContext value={kiosk}>
      <AccessibilityProvider session={sessionKey}>
        <ReachFrame>
          {kiosk.info.device.mode === 'window' ? (
            <Suspense fallback={<Splash title={t('splash.connecting')} text={t('splash.preparing')} busy />}>
              <WindowSession key={sessionKey} onEnd={endSession} holdScans={staff === 'panel'} />
            </Suspense>
          ) : (
            <Session key={sessionKey} onEnd={endSession} holdScans={staff === 'panel'} />
          )}
          {connection.kind === 'reconnecting' ? (
            <StatusPill className="status-pill-floating" text={t('splash.reconnecting')} />
          ) : null}
          {warning !== null ? (
            <IdleWarning
              key={warning.at}
              secondsLeft={warning.secondsLeft}
              onStay={() => {
                setWarning(null);
                reportActivity(true);
              }}
            />
          ) : null}
        </ReachFrame>
        {/* Outside the reach frame: staff controls are exempt from reach (ADA §205.1). */}
        <StaffAccess mode={staff} onMode={setStaff} onLocked={endSession} />
      </AccessibilityProvider>
    </KioskContext>
  );
}
