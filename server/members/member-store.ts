/**
 * What the hub keeps about loyalty members, as one interface beside HubStore (SQLite implements
 * it in sqlite-member-store.ts; a PostgreSQL hub would add its own). Identifiers arrive here
 * already hashed (member-key.ts): no method of this interface ever sees a card number.
 */
import type { RecommendationRecord } from '../../shared/catalog/types.js';
import type { IdentifierKind } from './member-key.js';

export interface MemberRecord {
  id: string;
  firstName: string;
  tier: string | null;
}

export interface IdentifierHash {
  kind: IdentifierKind;
  hash: string;
}

export interface PurchaseInput {
  productId: string;
  at: string;
  storeCode: string | null;
}

/** A member as an import gives it: identifiers hashed, purchases to add to their history. */
export interface MemberInput extends MemberRecord {
  identifiers: IdentifierHash[];
  purchases: PurchaseInput[];
}

export interface ImportResult {
  created: number;
  updated: number;
  purchasesAdded: number;
}

/** An identifier of the import is another member's already: nothing of the import was stored. */
export class IdentifierTakenError extends Error {
  override readonly name = 'IdentifierTakenError';
  constructor(
    readonly index: number,
    readonly kind: IdentifierKind,
  ) {
    super(`members[${String(index)}]: this ${kind} identifier already belongs to another member`);
  }
}

export interface NewMemberSession {
  tokenHash: string;
  memberId: string;
  deviceId: string;
  storeCode: string;
  createdAt: string;
  expiresAt: string;
}

export interface MemberSessionRow extends NewMemberSession {
  /** null until the shopper answered the consent questions. */
  personalization: boolean | null;
  marketing: boolean | null;
}

export interface ConsentRecord {
  memberId: string;
  personalization: boolean;
  marketing: boolean;
  at: string;
  deviceId: string;
  storeCode: string;
}

export interface HistoryEntry {
  productId: string;
  kind: 'purchase' | 'view';
  at: string;
}

/** What suggestions need to know of a product. */
export interface ProductFacts {
  id: string;
  brand: string | null;
  categoryPath: string[];
  skus: string[];
  recommendations: RecommendationRecord[];
}

export interface MemberCounts {
  members: number;
  consents: number;
  liveSessions: number;
}

export interface MemberStore {
  /** Creates or updates members in one transaction; an identifier of another member refuses all. */
  importMembers(members: readonly MemberInput[], now: string): Promise<ImportResult>;
  /** The member of the first identifier (in the order given) that is known. */
  findByIdentifier(candidates: readonly IdentifierHash[]): Promise<MemberRecord | null>;
  getMember(id: string): Promise<MemberRecord | null>;

  openSession(session: NewMemberSession): Promise<void>;
  /** A session that has not ended and expires after `now`. */
  liveSession(tokenHash: string, now: string): Promise<MemberSessionRow | null>;
  /** Moves a live session's expiry (each use keeps it alive). */
  extendSession(tokenHash: string, expiresAt: string): Promise<void>;
  /** The session's answer and the member's consent record, together (one transaction). */
  recordConsent(tokenHash: string, consent: ConsentRecord): Promise<void>;
  /** false when there was no live session to end. */
  endSession(tokenHash: string, at: string): Promise<boolean>;
  /** Forgets sessions that ended or expired before `before`; returns how many. */
  purgeSessions(before: string): Promise<number>;

  consents(memberId: string): Promise<ConsentRecord[]>;
  /** Newest first, at most `limit`. */
  history(memberId: string, limit: number): Promise<HistoryEntry[]>;
  addView(
    memberId: string,
    productId: string,
    at: string,
    deviceId: string,
    storeCode: string,
  ): Promise<void>;

  productFacts(ids: readonly string[]): Promise<ProductFacts[]>;
  /** Products of these brands or these category paths (at most `limit`, in id order). */
  productsLike(
    brands: readonly string[],
    categories: readonly string[][],
    limit: number,
  ): Promise<ProductFacts[]>;
  counts(now: string): Promise<MemberCounts>;
}
