/**
 * The session's loyalty member as screens see it: who to greet, whether member prices apply and
 * whether personal suggestions may be shown. Provided by MemberSession for one shopper's session
 * (remounted with it, so nothing of a member survives a reset in the page either).
 */
import { createContext, useContext } from 'react';
import type { MemberEvent } from '../../../shared/bridge/member.js';

export type IdentifiedMember = Extract<MemberEvent, { phase: 'identified' }>;

export interface MemberState {
  /** The member after the consent sheet; null without one. */
  member: IdentifiedMember | null;
  /** Forgets the member now (on the kiosk and on the hub); the shopper's session goes on. */
  signOut: () => void;
}

export const MemberContext = createContext<MemberState>({ member: null, signOut: () => undefined });

export function useMember(): MemberState {
  return useContext(MemberContext);
}

/** Member prices apply: a member is here, whatever they answered (refusing costs nothing). */
export function useMemberPricing(): boolean {
  return useContext(MemberContext).member?.memberPricing === true;
}

/** The member said yes to suggestions based on their purchases. */
export function usePersonalization(): boolean {
  return useContext(MemberContext).member?.consent.personalization === true;
}
