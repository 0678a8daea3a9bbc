/**
 * What a search event may say about the words a shopper typed. Kiosk keyboards get misused for
 * email addresses, phone numbers and card numbers ("let me type my number for the reservation"),
 * so a query is normalized and anything that looks like personal data is dropped before it
 * leaves the page (GDPR Art. 25(2), privacy by default). The hub checks the same rule on ingest.
 */

/** Longest query an event carries; the search field itself takes 100 characters. */
export const MAX_QUERY_LENGTH = 100;

/**
 * An "@" (email, social handle) or seven digits or more in one run, spaces, dots, dashes and
 * brackets allowed between them (phone, card, customer and order numbers). Seven because the
 * shortest phone numbers people type have seven digits; a product code typed by hand is lost
 * with them, which is the price of never keeping a phone number.
 */
const PERSONAL = /@|(?:\d[\s().-]*){7}/;

export function looksPersonal(text: string): boolean {
  return PERSONAL.test(text);
}

export interface NormalizedQuery {
  /** Lower case, NFKC, single spaces, trimmed, at most MAX_QUERY_LENGTH; '' when redacted. */
  query: string;
  /** The shopper typed something that looked like personal data: the query was dropped. */
  redacted: boolean;
}

export function normalizeSearchQuery(text: string): NormalizedQuery {
  const query = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trimEnd();
  if (looksPersonal(query)) return { query: '', redacted: true };
  return { query, redacted: false };
}

/** True when `query` is what normalizeSearchQuery leaves (a hub checks events with this). */
export function isNormalizedQuery(query: string): boolean {
  const normalized = normalizeSearchQuery(query);
  return !normalized.redacted && normalized.query === query;
}
