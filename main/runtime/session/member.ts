/**
 * The loyalty member of the shopper's session, held in memory only. A card, a loyalty barcode or
 * a member QR is sent to the hub (live, never through the outbox); a member is asked for consent
 * first, per purpose (GDPR Art. 25(2): privacy by default; nothing personal before a yes), then
 * greeted with member prices whatever they answered (refusing profiling must cost nothing: the
 * Elkjøp ruling). Nothing of the member is written to the kiosk's files or its log: the outbox
 * gets anonymous counts only, and the log says what happened, never who. The session wipe (idle
 * reset, "I'm done") and sign-out forget the member here and end the hub's session.
 */
import { createHash } from 'node:crypto';
import type { KioskConfig } from '../../../kiosk-config/index.js';
import type { AnalyticsProps } from '../../../shared/analytics/index.js';
import {
  BridgeCallError,
  type MemberEvent,
  type MemberSuggestionsView,
} from '../../../shared/bridge/index.js';
import type { SearchHit } from '../../../shared/catalog/views.js';
import {
  memberIdentifierSchema,
  type MemberIdentifier,
  type MemberProfile,
} from '../../../shared/protocol/index.js';
import type { SyncClient, SyncLog } from '../sync/index.js';

type Props = Record<string, string | number | boolean | null>;

export interface MemberSessionOptions {
  /** The config in force: which consent questions to ask. */
  consent: () => KioskConfig['consent'];
  /** The hub's live member requests; undefined on a kiosk without a hub (or before it is made). */
  hub: () => Pick<SyncClient, 'memberRequest'> | undefined;
  online: () => boolean;
  emit: (event: MemberEvent) => void;
  /** Anonymous analytics (the outbox): never a member's id, name or identifier. */
  track: <K extends 'member.identify' | 'member.consent'>(name: K, props: AnalyticsProps<K>) => void;
  /** Catalog products by id, as cards for this store (unknown ids are left out). */
  products: (ids: readonly string[]) => SearchHit[];
  log: SyncLog;
}

type Held =
  | { phase: 'none' }
  | { phase: 'checking'; key: string; via: MemberIdentifier['kind'] }
  | {
      phase: 'consent-needed';
      key: string;
      session: string;
      profile: MemberProfile;
      asks: { personalization: boolean; marketing: boolean };
    }
  | {
      phase: 'identified';
      key: string;
      session: string;
      profile: MemberProfile;
      consent: { personalization: boolean; marketing: boolean };
    };

export interface MemberSession {
  /** A member's card, barcode or QR was read: ask the hub who it is. */
  identify(identifier: MemberIdentifier): Promise<void>;
  status(): MemberEvent;
  consent(answers: { personalization: boolean; marketing: boolean }): Promise<MemberEvent>;
  suggestions(productId?: string): Promise<MemberSuggestionsView>;
  /** Sees the session's analytics events: a product view joins a consenting member's history. */
  observe(name: string, props: Props): void;
  /** Forgets the member (sign-out, or the session was wiped); a no-op without one. */
  forget(): void;
}

/** Which card or code is held, without keeping the number itself even in memory. */
const keyOf = (identifier: MemberIdentifier): string =>
  createHash('sha256').update(`${identifier.kind}:${identifier.value}`).digest('hex');

export function createMemberSession(options: MemberSessionOptions): MemberSession {
  const { log } = options;
  let held: Held = { phase: 'none' };
  /** Bumped by every identify and forget: an answer for an earlier one is dropped. */
  let generation = 0;
  /** `held` as it is now, for code after an await (the compiler keeps the narrowing from before it). */
  const heldNow = (): Held => held;

  function view(): MemberEvent {
    switch (held.phase) {
      case 'none':
        return { phase: 'ended' };
      case 'checking':
        return { phase: 'checking', via: held.via };
      case 'consent-needed':
        return { phase: 'consent-needed', asks: held.asks };
      case 'identified': {
        const { greetingName, tier } = held.profile;
        return {
          phase: 'identified',
          greetingName,
          ...(tier === undefined ? {} : { tier }),
          memberPricing: true,
          consent: held.consent,
        };
      }
    }
  }

  /** Ends a hub session the kiosk no longer needs; the hub expires it anyway if this fails. */
  function endOnHub(session: string): void {
    const hub = options.hub();
    if (hub === undefined || !options.online()) return;
    hub.memberRequest('member:end', { session }).catch((error: unknown) => {
      log.debug({ err: String(error) }, 'member session not ended on the hub; it expires there');
    });
  }

  function drop(): void {
    if (held.phase === 'consent-needed' || held.phase === 'identified') endOnHub(held.session);
    held = { phase: 'none' };
  }

  function identified(
    key: string,
    session: string,
    profile: MemberProfile,
    consent: { personalization: boolean; marketing: boolean },
  ): MemberEvent {
    held = { phase: 'identified', key, session, profile, consent };
    const event = view();
    options.emit(event);
    return event;
  }

  function unavailable(what: string): BridgeCallError {
    return new BridgeCallError('unavailable', `${what}: member features need the connection to the hub`);
  }

  return {
    async identify(identifier) {
      if (!memberIdentifierSchema.safeParse(identifier).success) {
        // A loyalty card with a number the hub could never know (too short, say): no member.
        options.emit({ phase: 'unknown' });
        options.track('member.identify', { via: identifier.kind, outcome: 'unknown' });
        return;
      }
      const key = keyOf(identifier);
      // The same card or code again (a QR held under the scanner): the member is already in hand.
      if (held.phase !== 'none' && held.key === key) return;
      const via = identifier.kind;
      drop();
      const mine = ++generation;
      const hub = options.hub();
      if (hub === undefined || !options.online()) {
        options.emit({ phase: 'offline' });
        options.track('member.identify', { via, outcome: 'offline' });
        return;
      }
      held = { phase: 'checking', key, via };
      options.emit({ phase: 'checking', via });
      let answer;
      try {
        answer = await hub.memberRequest('member:identify', { identifier });
      } catch (error) {
        log.warn({ err: String(error) }, 'member look-up failed: the hub did not answer');
        answer = null;
      }
      if (mine !== generation) {
        // Forgotten (or another card) while the hub answered: that session is nobody's now.
        if (answer?.kind === 'member') endOnHub(answer.session);
        return;
      }
      if (answer === null || answer.kind === 'error') {
        if (answer !== null) log.warn({ code: answer.error.code }, 'member look-up refused by the hub');
        held = { phase: 'none' };
        options.emit({ phase: 'offline' });
        options.track('member.identify', { via, outcome: 'offline' });
        return;
      }
      if (answer.kind === 'unknown') {
        held = { phase: 'none' };
        options.emit({ phase: 'unknown' });
        options.track('member.identify', { via, outcome: 'unknown' });
        return;
      }
      options.track('member.identify', { via, outcome: 'member' });
      const config = options.consent();
      const asks = {
        personalization: config.personalization === 'ask',
        marketing: config.marketing === 'ask',
      };
      if (!asks.personalization && !asks.marketing) {
        // Nothing to ask: the hub's session keeps no consent, so it gives nothing personal.
        identified(key, answer.session, answer.member, { personalization: false, marketing: false });
        return;
      }
      held = { phase: 'consent-needed', key, session: answer.session, profile: answer.member, asks };
      options.emit(view());
    },

    status: view,

    async consent(answers) {
      if (held.phase !== 'consent-needed') {
        throw new BridgeCallError('invalid-call', 'member.consent: no member is waiting to answer');
      }
      const { key, session, profile, asks } = held;
      for (const purpose of ['personalization', 'marketing'] as const) {
        if (answers[purpose] && !asks[purpose]) {
          throw new BridgeCallError(
            'invalid-call',
            `member.consent: ${purpose}: this kiosk does not ask for it (consent.${purpose} is "off")`,
          );
        }
      }
      const mine = generation;
      const hub = options.hub();
      if (hub === undefined) throw unavailable('member.consent');
      let answer;
      try {
        answer = await hub.memberRequest('member:consent', { session, ...answers });
      } catch {
        answer = null;
      }
      if (mine !== generation) return view();
      if (answer?.kind !== 'recorded') {
        // Consent that the hub did not record was not given: the member is not kept.
        held = { phase: 'none' };
        options.emit(answer?.kind === 'ended' ? { phase: 'ended' } : { phase: 'offline' });
        return view();
      }
      options.track('member.consent', { ...answers });
      return identified(key, session, profile, answers);
    },

    async suggestions(productId) {
      if (held.phase !== 'identified') {
        throw new BridgeCallError('invalid-call', 'member.suggestions: no member in this session');
      }
      if (!held.consent.personalization) {
        throw new BridgeCallError(
          'invalid-call',
          'member.suggestions: the member has not agreed to personal suggestions',
        );
      }
      const hub = options.hub();
      if (hub === undefined || !options.online()) throw unavailable('member.suggestions');
      const { session } = held;
      let answer;
      try {
        answer = await hub.memberRequest('member:suggestions', {
          session,
          ...(productId === undefined ? {} : { productId }),
        });
      } catch {
        throw unavailable('member.suggestions');
      }
      if (answer.kind === 'suggestions') {
        return {
          groups: answer.groups.map((group) => ({
            kind: group.kind,
            items: options.products(group.productIds),
          })),
        };
      }
      // `held` may have moved on while the hub answered (sign-out, another card).
      const now = heldNow();
      if (answer.kind === 'ended' && now.phase === 'identified' && now.session === session) {
        held = { phase: 'none' };
        options.emit({ phase: 'ended' });
      }
      if (answer.kind === 'error')
        log.warn({ code: answer.error.code }, 'member suggestions refused by the hub');
      throw new BridgeCallError(
        'unavailable',
        `member.suggestions: ${answer.kind === 'not-allowed' ? answer.message : 'the hub gave none'}`,
      );
    },

    observe(name, props) {
      if (name !== 'product.view' || held.phase !== 'identified' || !held.consent.personalization) return;
      const productId = props.productId;
      const hub = options.hub();
      if (typeof productId !== 'string' || hub === undefined || !options.online()) return;
      hub.memberRequest('member:view', { session: held.session, productId }).catch((error: unknown) => {
        log.debug({ err: String(error) }, 'a product view did not reach the member history');
      });
    },

    forget() {
      generation++;
      const had = held.phase !== 'none';
      drop();
      if (had) options.emit({ phase: 'ended' });
    },
  };
}
