import type { Db } from './database.js';

/**
 * Typo tolerance for catalog search. SQLite has no spellfix1 in better-sqlite3's build, and the
 * in-memory libraries would duplicate the index; so a SymSpell-style deletion index lives in the
 * same database (see migration 0010) and is refreshed from the FTS vocabulary in the transaction
 * that changes the catalog. One edit is tolerated in words of five letters or more.
 */

export const minTypoWordLength = 5;
const minIndexedTermLength = minTypoWordLength - 1;

/** The word itself and every string one deletion away from it. */
export function deletions(word: string): string[] {
  const chars = Array.from(word);
  const out = new Set<string>([word]);
  for (let i = 0; i < chars.length; i++) out.add(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
  return [...out];
}

/**
 * True when a and b are at most one edit apart (insertion, deletion, substitution, or
 * transposition of neighbours: optimal string alignment distance <= 1).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (x.length === y.length) {
    const rest = (from: number): boolean => x.slice(from).join('') === y.slice(from).join('');
    // substitution at i, or transposition of i and i+1
    return rest(i + 1) || (x[i] === y[i + 1] && x[i + 1] === y[i] && rest(i + 2));
  }
  const [longer, shorter] = x.length > y.length ? [x, y] : [y, x];
  return longer.slice(i + 1).join('') === shorter.slice(i).join('');
}

/** Brings spell_terms/spell_deletes in line with the FTS vocabulary. Run inside the writing transaction. */
export function refreshSpellIndex(db: Db): { added: number; removed: number } {
  const vocab = new Set(
    (
      db
        .prepare('SELECT term FROM products_vocab WHERE length(term) >= ?')
        .pluck()
        .all(minIndexedTermLength) as string[]
    ).filter((term) => !/^\d+$/.test(term)),
  );
  const known = new Set(db.prepare('SELECT term FROM spell_terms').pluck().all() as string[]);
  const insertTerm = db.prepare('INSERT INTO spell_terms (term) VALUES (?)');
  const insertDelete = db.prepare('INSERT OR IGNORE INTO spell_deletes (del, term) VALUES (?, ?)');
  const removeTerm = db.prepare('DELETE FROM spell_terms WHERE term = ?');
  const removeDeletes = db.prepare('DELETE FROM spell_deletes WHERE del = ? AND term = ?');
  let added = 0;
  let removed = 0;
  for (const term of vocab) {
    if (known.has(term)) continue;
    insertTerm.run(term);
    for (const del of deletions(term)) insertDelete.run(del, term);
    added++;
  }
  for (const term of known) {
    if (vocab.has(term)) continue;
    removeTerm.run(term);
    for (const del of deletions(term)) removeDeletes.run(del, term);
    removed++;
  }
  return { added, removed };
}

/** Finds indexed words one edit away from a query word; statements prepared once per connection. */
export class Speller {
  private readonly candidates: { all(json: string): unknown[] };

  constructor(db: Db) {
    this.candidates = db
      .prepare('SELECT DISTINCT term FROM spell_deletes WHERE del IN (SELECT value FROM json_each(?))')
      .pluck();
  }

  /** Indexed words one edit away from `word` (not the word itself); none for words under 5 letters. */
  corrections(word: string): string[] {
    if (Array.from(word).length < minTypoWordLength) return [];
    const found = this.candidates.all(JSON.stringify(deletions(word))) as string[];
    return found.filter((term) => term !== word && withinOneEdit(word, term)).sort();
  }
}
