/**
 * The member side of one shopper's session: follows the runtime's `member` events, asks for
 * consent first, greets the member, and says at once what happens when a card is read (checking,
 * not found, needs the connection). It holds the member in React state only; Session remounts
 * with every reset, so the page forgets the member when the runtime does.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberEvent } from '../../../shared/bridge/member.js';
import { callQuietly, useBridgeEvent, useKiosk } from '../bridge/kiosk-context.js';
import { Toast } from '../components/Toast.js';
import { useNotice } from '../session/use-notice.js';
import { ConsentSheet } from './ConsentSheet.js';
import { MemberContext, type IdentifiedMember, type MemberState } from './member-context.js';

type Notice =
  | { kind: 'checking' | 'unknown' | 'offline' | 'signed-out'; at: number }
  | { kind: 'greeting'; at: number; name: string; tier: string | undefined };

/** "Checking your card" stays until the hub's answer replaces it, however long that takes. */
function awaitsAnswer(notice: Notice): boolean {
  return notice.kind === 'checking';
}

export function MemberSession({
  children,
  atAttract,
  onStart,
  hold,
}: {
  children: ReactNode;
  /** The attract loop is up: a card read there starts the session on the home screen. */
  atAttract: boolean;
  onStart: () => void;
  /** The staff panel is testing the card reader: cards leave the shopper's screens alone. */
  hold: boolean;
}) {
  const { bridge } = useKiosk();
  const [state, setState] = useState<MemberEvent>({ phase: 'ended' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useNotice<Notice>(awaitsAnswer);
  const heard = useRef(false);

  const show = useCallback(
    (event: MemberEvent) => {
      heard.current = true;
      setState(
        event.phase === 'unknown' || event.phase === 'offline' || event.phase === 'checking'
          ? { phase: 'ended' }
          : event,
      );
      const at = performance.now();
      if (event.phase === 'identified') {
        setNotice({ kind: 'greeting', at, name: event.greetingName, tier: event.tier });
      } else if (event.phase === 'checking' || event.phase === 'unknown' || event.phase === 'offline') {
        setNotice({ kind: event.phase, at });
      } else if (event.phase === 'consent-needed') {
        setNotice(null);
      }
    },
    [setNotice],
  );

  // After a page reload mid-session the runtime still holds the member: pick it up.
  useEffect(() => {
    let live = true;
    bridge.call('member.status', {}).then(
      (event) => {
        if (live && !heard.current && event.phase !== 'ended') show(event);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [bridge, show]);

  useBridgeEvent('member', (event) => {
    if (hold) return;
    if (atAttract && (event.phase === 'checking' || event.phase === 'consent-needed')) onStart();
    show(event);
  });

  const signOut = useCallback(() => {
    heard.current = true;
    setState({ phase: 'ended' });
    setNotice({ kind: 'signed-out', at: performance.now() });
    callQuietly(bridge.call('member.forget', {}));
  }, [bridge, setNotice]);

  const answer = (answers: { personalization: boolean; marketing: boolean }): void => {
    setBusy(true);
    bridge.call('member.consent', answers).then(
      (event) => {
        setBusy(false);
        show(event);
      },
      () => {
        setBusy(false);
        show({ phase: 'offline' });
      },
    );
  };

  const member: IdentifiedMember | null = state.phase === 'identified' ? state : null;
  const value = useMemo<MemberState>(() => ({ member, signOut }), [member, signOut]);

  return (
    <MemberContext value={value}>
      {children}
      {state.phase === 'consent-needed' ? (
        <ConsentSheet asks={state.asks} busy={busy} onAnswer={answer} onCancel={signOut} />
      ) : null}
      {notice !== null ? <MemberNotice key={notice.at} notice={notice} /> : null}
    </MemberContext>
  );
}

function MemberNotice({ notice }: { notice: Notice }) {
  const { t } = useTranslation('member');
  if (notice.kind === 'greeting') {
    return (
      <Toast
        icon="user"
        title={t('greeting.title', { name: notice.name })}
        text={notice.tier === undefined ? t('greeting.text') : t('greeting.textTier', { tier: notice.tier })}
        testId="member-greeting"
      />
    );
  }
  const icon = notice.kind === 'checking' ? 'user' : notice.kind === 'offline' ? 'offline' : 'info';
  return (
    <Toast
      icon={icon}
      title={t(`notice.${notice.kind}.title`)}
      text={t(`notice.${notice.kind}.text`)}
      testId={`member-${notice.kind}`}
    />
  );
}
