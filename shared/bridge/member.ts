/**
 * The bridge's member calls and event (contract.ts spreads them in). The runtime holds the member
 * for the shopper's session only; the page learns what the consent allows and nothing more.
 */
import { z } from 'zod';
import type { SearchHit } from '../catalog/views.js';

const none = z.strictObject({});

export const memberCallArgs = {
  /** The member of this session as the runtime holds it now (after a page reload, say). */
  'member.status': none,
  /** The shopper's answers to the consent sheet: one per purpose, neither pre-set. */
  'member.consent': z.strictObject({ personalization: z.boolean(), marketing: z.boolean() }),
  /**
   * Suggestions from the member's history: for the home screen, or around one product
   * (`productId`: "goes well with" and "you might also like"). Refused without a yes to personalization.
   */
  'member.suggestions': z.strictObject({ productId: z.string().min(1).max(200).optional() }),
  /** Signs the member out: forgotten at once, on the kiosk and for the hub's session. */
  'member.forget': none,
} as const;

/** What the consent sheet asks: only the purposes the kiosk's config offers ("ask"). */
export interface ConsentQuestions {
  personalization: boolean;
  marketing: boolean;
}

export interface MemberConsentView {
  personalization: boolean;
  marketing: boolean;
}

export type MemberEvent =
  /** A card or member code was read; the hub is being asked (shown at once, as feedback). */
  | { phase: 'checking'; via: 'card' | 'barcode' | 'qr' }
  /** A member: ask the consent questions first; nothing personal is shown before the answer. */
  | { phase: 'consent-needed'; asks: ConsentQuestions }
  | {
      phase: 'identified';
      greetingName: string;
      tier?: string;
      /** Member prices apply: whatever the answers were (refusing profiling costs nothing). */
      memberPricing: true;
      consent: MemberConsentView;
    }
  /** The hub knows no member by this card or code. */
  | { phase: 'unknown' }
  /** Member features need the hub, and it cannot be reached (member prices still show publicly). */
  | { phase: 'offline' }
  /** No member in this session (signed out, the session was wiped, or none yet). */
  | { phase: 'ended' };

export type MemberPhase = MemberEvent['phase'];

export interface MemberSuggestionsView {
  groups: { kind: 'for-you' | 'cross-sell' | 'up-sell'; items: SearchHit[] }[];
}

export interface MemberResults {
  'member.status': MemberEvent;
  'member.consent': MemberEvent;
  'member.suggestions': MemberSuggestionsView;
  'member.forget': null;
}
