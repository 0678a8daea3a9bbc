/**
 * Magnetic stripe data (ISO/IEC 7813) told apart without keeping what it must not keep.
 *
 * Track 1: `%B PAN ^ NAME ^ YYMM SVC discretionary ?` (format code B = financial, at most 79
 * characters); track 2: `; PAN = YYMM SVC discretionary ?` (at most 40). A payment card's
 * number (PAN) may not be stored, logged or sent (PCI DSS 3.3.1, 3.5.1), so this module works on
 * bytes, never turns a card number into a string unless it is a loyalty card's, and wipes the
 * bytes it was given (`wipe`) once the caller is done; JS strings cannot be overwritten, bytes can.
 *
 * A card is a loyalty card when its number starts with one of the configured prefixes; any other
 * card is discarded. It is reported as a payment card (so the shopper hears "this reader is for
 * loyalty cards") when it looks like one: a Luhn-valid number of 12-19 digits with a bank or
 * card-scheme issuer digit (MII 2-6), read from track 2 or a format B track 1.
 */

export type CardRead =
  | { kind: 'loyalty'; memberId: string }
  /** Recognised as a payment card; nothing of it is kept. */
  | { kind: 'payment' }
  /** A stripe that is neither: unreadable, or a card of another kind. Nothing is kept. */
  | { kind: 'unknown'; reason: 'unreadable' | 'not-a-loyalty-card' };

const PERCENT = 0x25;
const SEMICOLON = 0x3b;
const CARET = 0x5e;
const EQUALS = 0x3d;
const QUESTION = 0x3f;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

const isDigit = (byte: number): boolean => byte >= DIGIT_0 && byte <= DIGIT_9;

/** Where a track's account number lies in the bytes, and the track's format code (track 1). */
interface PanSpan {
  start: number;
  end: number;
  formatCode: number | null;
}

/**
 * Finds the account number of a track, with or without its sentinels (readers differ: MSR
 * reports usually strip them, keyboard-mode readers type them).
 */
export function findPan(track: Uint8Array): PanSpan | null {
  let i = 0;
  if (track[i] === PERCENT || track[i] === SEMICOLON) i++;
  const first = track[i];
  if (first === undefined) return null;
  let formatCode: number | null = null;
  let separator = EQUALS;
  // Track 1 starts with its format code, an upper-case letter; track 2 with the number itself.
  if (first >= 0x41 && first <= 0x5a) {
    formatCode = first;
    separator = CARET;
    i++;
  }
  const start = i;
  while (i < track.length && isDigit(track[i] ?? 0)) i++;
  // A number ends at its field separator (track 1 allows spaces inside; such cards are rare and
  // are read as not matching a prefix, so they are discarded, never kept).
  if (i === start || track[i] !== separator) return null;
  return { start, end: i, formatCode };
}

/** Luhn check over digit bytes. */
export function luhnValid(digits: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = (digits[digits.length - 1 - i] ?? 0) - DIGIT_0;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function startsWith(digits: Uint8Array, prefix: string): boolean {
  if (prefix.length > digits.length) return false;
  for (let i = 0; i < prefix.length; i++) if (digits[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

function looksLikePayment(pan: Uint8Array, formatCode: number | null): boolean {
  const mii = (pan[0] ?? 0) - DIGIT_0;
  const financialTrack = formatCode === null || formatCode === 0x42; // track 2, or track 1 format B
  return financialTrack && pan.length >= 12 && pan.length <= 19 && mii >= 2 && mii <= 6 && luhnValid(pan);
}

/**
 * Reads tracks 1-3 as given (any may be empty) and decides what the card is. Track 2 is read
 * first (it is the one every card has), then track 1. The caller wipes the tracks afterwards.
 */
export function readCard(tracks: readonly Uint8Array[], loyaltyPrefixes: readonly string[]): CardRead {
  let sawPayment = false;
  let sawCard = false;
  const ordered = [tracks[1], tracks[0]].filter((t): t is Uint8Array => t !== undefined && t.length > 0);
  for (const track of ordered) {
    const span = findPan(track);
    if (span === null) continue;
    sawCard = true;
    const pan = track.subarray(span.start, span.end);
    if (loyaltyPrefixes.some((prefix) => startsWith(pan, prefix))) {
      // The one card number that becomes a string: the shopper's member id.
      return { kind: 'loyalty', memberId: String.fromCharCode(...pan) };
    }
    if (looksLikePayment(pan, span.formatCode)) sawPayment = true;
  }
  if (sawPayment) return { kind: 'payment' };
  return { kind: 'unknown', reason: sawCard ? 'not-a-loyalty-card' : 'unreadable' };
}

/** Overwrites card bytes once they are read (buffers are reused and could be dumped). */
export function wipe(...buffers: Uint8Array[]): void {
  for (const buffer of buffers) buffer.fill(0);
}

/**
 * Splits the characters a keyboard-mode reader typed into tracks: `%…?` is track 1, `;…?` is
 * track 2 (and a second `;…?` track 3). Works on the caller's byte buffer, which it does not copy.
 */
export function splitTypedTracks(typed: Uint8Array): Uint8Array[] {
  const tracks: Uint8Array[] = [];
  let start = -1;
  for (let i = 0; i < typed.length; i++) {
    const byte = typed[i];
    if (start < 0 && (byte === PERCENT || byte === SEMICOLON)) start = i;
    else if (start >= 0 && byte === QUESTION) {
      tracks.push(typed.subarray(start, i + 1));
      start = -1;
    }
  }
  const track1 = tracks.find((t) => t[0] === PERCENT) ?? new Uint8Array(0);
  const rest = tracks.filter((t) => t[0] === SEMICOLON);
  return [track1, rest[0] ?? new Uint8Array(0), rest[1] ?? new Uint8Array(0)];
}

/** True when typed characters start like a card swipe (a sentinel, then a format code or digit). */
export function looksLikeSwipeStart(first: number | undefined, second: number | undefined): boolean {
  if (first === PERCENT) return second !== undefined && second >= 0x41 && second <= 0x5a;
  if (first === SEMICOLON) return second !== undefined && isDigit(second);
  return false;
}
