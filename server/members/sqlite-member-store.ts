/** MemberStore on the hub's SQLite file (tables of migration 0050-members). */
import type { Database } from 'better-sqlite3';
import {
  IdentifierTakenError,
  type ConsentRecord,
  type HistoryEntry,
  type IdentifierHash,
  type ImportResult,
  type MemberCounts,
  type MemberInput,
  type MemberRecord,
  type MemberSessionRow,
  type MemberStore,
  type NewMemberSession,
  type ProductFacts,
} from './member-store.js';
import { readProductFacts, readProductsLike } from './sqlite-product-facts.js';

interface SessionSqlRow {
  token_hash: string;
  member_id: string;
  device_id: string;
  store_code: string;
  created_at: string;
  expires_at: string;
  personalization: number | null;
  marketing: number | null;
}

interface ConsentSqlRow {
  member_id: string;
  personalization: number;
  marketing: number;
  at: string;
  device_id: string;
  store_code: string;
}

const flag = (value: number | null): boolean | null => (value === null ? null : value === 1);

function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export class SqliteMemberStore implements MemberStore {
  constructor(private readonly db: Database) {}

  importMembers(members: readonly MemberInput[], now: string): Promise<ImportResult> {
    return settle(() =>
      // Invariant: an import is all or nothing, so a refused identifier leaves no half-made member.
      this.db.transaction((): ImportResult => {
        const result: ImportResult = { created: 0, updated: 0, purchasesAdded: 0 };
        const owner = this.db.prepare<[string, string], { member_id: string }>(
          'SELECT member_id FROM member_identifiers WHERE kind = ? AND hash = ?',
        );
        const hasPurchase = this.db.prepare<[string, string, string], { n: number }>(
          "SELECT count(*) AS n FROM member_history WHERE member_id = ? AND product_id = ? AND at = ? AND kind = 'purchase'",
        );
        members.forEach((member, index) => {
          const exists = this.db.prepare('SELECT 1 FROM members WHERE id = ?').get(member.id) !== undefined;
          if (exists) {
            this.db
              .prepare('UPDATE members SET first_name = ?, tier = ?, updated_at = ? WHERE id = ?')
              .run(member.firstName, member.tier, now, member.id);
            result.updated++;
          } else {
            this.db
              .prepare(
                'INSERT INTO members (id, first_name, tier, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
              )
              .run(member.id, member.firstName, member.tier, now, now);
            result.created++;
          }
          for (const identifier of member.identifiers) {
            const taken = owner.get(identifier.kind, identifier.hash);
            if (taken !== undefined && taken.member_id !== member.id) {
              throw new IdentifierTakenError(index, identifier.kind);
            }
            // A new card of the same kind replaces the old one (a lost card stops working).
            this.db
              .prepare('DELETE FROM member_identifiers WHERE member_id = ? AND kind = ?')
              .run(member.id, identifier.kind);
            this.db
              .prepare('INSERT INTO member_identifiers (kind, hash, member_id) VALUES (?, ?, ?)')
              .run(identifier.kind, identifier.hash, member.id);
          }
          for (const purchase of member.purchases) {
            if ((hasPurchase.get(member.id, purchase.productId, purchase.at)?.n ?? 0) > 0) continue;
            this.db
              .prepare(
                "INSERT INTO member_history (member_id, product_id, kind, at, store_code) VALUES (?, ?, 'purchase', ?, ?)",
              )
              .run(member.id, purchase.productId, purchase.at, purchase.storeCode);
            result.purchasesAdded++;
          }
        });
        return result;
      })(),
    );
  }

  findByIdentifier(candidates: readonly IdentifierHash[]): Promise<MemberRecord | null> {
    return settle(() => {
      const select = this.db.prepare<
        [string, string],
        { id: string; first_name: string; tier: string | null }
      >(
        `SELECT m.id, m.first_name, m.tier FROM member_identifiers i JOIN members m ON m.id = i.member_id
         WHERE i.kind = ? AND i.hash = ?`,
      );
      for (const { kind, hash } of candidates) {
        const row = select.get(kind, hash);
        if (row !== undefined) return { id: row.id, firstName: row.first_name, tier: row.tier };
      }
      return null;
    });
  }

  getMember(id: string): Promise<MemberRecord | null> {
    return settle(() => {
      const row = this.db
        .prepare<[string], { id: string; first_name: string; tier: string | null }>(
          'SELECT id, first_name, tier FROM members WHERE id = ?',
        )
        .get(id);
      return row === undefined ? null : { id: row.id, firstName: row.first_name, tier: row.tier };
    });
  }

  openSession(session: NewMemberSession): Promise<void> {
    return settle(() => {
      this.db
        .prepare(
          `INSERT INTO member_sessions (token_hash, member_id, device_id, store_code, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          session.tokenHash,
          session.memberId,
          session.deviceId,
          session.storeCode,
          session.createdAt,
          session.expiresAt,
        );
    });
  }

  liveSession(tokenHash: string, now: string): Promise<MemberSessionRow | null> {
    return settle(() => {
      const row = this.db
        .prepare<[string, string], SessionSqlRow>(
          'SELECT * FROM member_sessions WHERE token_hash = ? AND ended_at IS NULL AND expires_at > ?',
        )
        .get(tokenHash, now);
      if (row === undefined) return null;
      return {
        tokenHash: row.token_hash,
        memberId: row.member_id,
        deviceId: row.device_id,
        storeCode: row.store_code,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        personalization: flag(row.personalization),
        marketing: flag(row.marketing),
      };
    });
  }

  extendSession(tokenHash: string, expiresAt: string): Promise<void> {
    return settle(() => {
      this.db
        .prepare('UPDATE member_sessions SET expires_at = ? WHERE token_hash = ? AND ended_at IS NULL')
        .run(expiresAt, tokenHash);
    });
  }

  recordConsent(tokenHash: string, consent: ConsentRecord): Promise<void> {
    return settle(() => {
      // Invariant: what the session may do and what the member's record says are the same answer.
      this.db.transaction(() => {
        this.db
          .prepare('UPDATE member_sessions SET personalization = ?, marketing = ? WHERE token_hash = ?')
          .run(Number(consent.personalization), Number(consent.marketing), tokenHash);
        this.db
          .prepare(
            `INSERT INTO member_consents (member_id, personalization, marketing, at, device_id, store_code)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(
            consent.memberId,
            Number(consent.personalization),
            Number(consent.marketing),
            consent.at,
            consent.deviceId,
            consent.storeCode,
          );
      })();
    });
  }

  endSession(tokenHash: string, at: string): Promise<boolean> {
    return settle(
      () =>
        this.db
          .prepare('UPDATE member_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL')
          .run(at, tokenHash).changes > 0,
    );
  }

  purgeSessions(before: string): Promise<number> {
    return settle(
      () =>
        this.db
          .prepare('DELETE FROM member_sessions WHERE ended_at < ? OR expires_at < ?')
          .run(before, before).changes,
    );
  }

  consents(memberId: string): Promise<ConsentRecord[]> {
    return settle(() =>
      this.db
        .prepare<[string], ConsentSqlRow>('SELECT * FROM member_consents WHERE member_id = ? ORDER BY id')
        .all(memberId)
        .map((row) => ({
          memberId: row.member_id,
          personalization: row.personalization === 1,
          marketing: row.marketing === 1,
          at: row.at,
          deviceId: row.device_id,
          storeCode: row.store_code,
        })),
    );
  }

  history(memberId: string, limit: number): Promise<HistoryEntry[]> {
    return settle(() =>
      this.db
        .prepare<[string, number], { product_id: string; kind: 'purchase' | 'view'; at: string }>(
          'SELECT product_id, kind, at FROM member_history WHERE member_id = ? ORDER BY at DESC, id DESC LIMIT ?',
        )
        .all(memberId, limit)
        .map((row) => ({ productId: row.product_id, kind: row.kind, at: row.at })),
    );
  }

  addView(
    memberId: string,
    productId: string,
    at: string,
    deviceId: string,
    storeCode: string,
  ): Promise<void> {
    return settle(() => {
      this.db
        .prepare(
          `INSERT INTO member_history (member_id, product_id, kind, at, store_code, device_id)
           VALUES (?, ?, 'view', ?, ?, ?)`,
        )
        .run(memberId, productId, at, storeCode, deviceId);
    });
  }

  productFacts(ids: readonly string[]): Promise<ProductFacts[]> {
    return settle(() => readProductFacts(this.db, ids));
  }

  productsLike(
    brands: readonly string[],
    categories: readonly string[][],
    limit: number,
  ): Promise<ProductFacts[]> {
    return settle(() => readProductsLike(this.db, brands, categories, limit));
  }

  counts(now: string): Promise<MemberCounts> {
    return settle(() => {
      const count = (sql: string, ...args: string[]): number =>
        this.db.prepare<string[], { n: number }>(sql).get(...args)?.n ?? 0;
      return {
        members: count('SELECT count(*) AS n FROM members'),
        consents: count('SELECT count(*) AS n FROM member_consents'),
        liveSessions: count(
          'SELECT count(*) AS n FROM member_sessions WHERE ended_at IS NULL AND expires_at > ?',
          now,
        ),
      };
    });
  }
}
