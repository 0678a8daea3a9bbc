/**
 * One reader per open device, by role: reports in, scans and card reads out. Readers hold no
 * card data past the report that carried it: track bytes are read where they lie and the buffers
 * wiped at once, and no card byte reaches a log line (events say only what kind of card it was).
 */
import { BurstDetector } from '../../../shared/input/burst.js';
import {
  looksLikeSwipeStart,
  readCard,
  splitTypedTracks,
  wipe,
  type CardRead,
} from '../../../shared/cards/iso7813.js';
import { BootKeyboardDecoder } from './keyboard.js';
import { decodeMsrReport } from './msr.js';
import { PosScanDecoder } from './pos-scanner.js';
import type { DeviceRole } from './roles.js';

export type ReaderOutput =
  { kind: 'scan'; text: string; aim: string | null } | { kind: 'card'; read: CardRead };

export interface DeviceReader {
  /** Feeds one input report received at `at` (ms, monotonic). */
  report(report: Uint8Array, at: number): ReaderOutput[];
  /** When `flush` must run to close a burst cut short, if one is open. */
  dueAt(): number | undefined;
  flush(now: number): ReaderOutput[];
  /** Reports that did not fit the device's format, since the reader was made. */
  readonly garbage: number;
  /** Drops anything half-read (the device went away mid-scan); wipes card bytes. */
  reset(): void;
}

export function readerFor(role: DeviceRole): DeviceReader {
  if (role.kind === 'scanner' && role.mode === 'hid-pos') return posReader(role.layout);
  if (role.kind === 'scanner') return wedgeScanner(role.layout, role.suffix);
  if (role.mode === 'msr') return msrReader(role.loyaltyPrefixes);
  return typedCardReader(role.loyaltyPrefixes);
}

function posReader(layout: Extract<DeviceRole, { mode: 'hid-pos' }>['layout']): DeviceReader {
  const decoder = new PosScanDecoder(layout);
  return {
    report(report) {
      const scan = decoder.decode(report);
      return scan === null ? [] : [{ kind: 'scan', text: scan.text, aim: scan.aim }];
    },
    dueAt: () => undefined,
    flush: () => [],
    get garbage() {
      return decoder.garbage;
    },
    reset: () => {
      decoder.reset();
    },
  };
}

function wedgeScanner(layout: 'us' | 'de', suffix: 'enter' | 'tab' | 'none'): DeviceReader {
  const keys = new BootKeyboardDecoder(layout);
  let bursts = new BurstDetector({ suffix });
  const scans = (outputs: ReturnType<BurstDetector['push']>): ReaderOutput[] =>
    // Keys that were not a burst are someone pressing the scanner's keys (or noise): dropped.
    outputs.flatMap((o) => (o.kind === 'scan' ? [{ kind: 'scan' as const, text: o.text, aim: null }] : []));
  return {
    report(report, at) {
      return scans(keys.decode(report).flatMap((key) => bursts.push(key, at)));
    },
    dueAt: () => bursts.dueAt(),
    flush: (now) => scans(bursts.flush(now)),
    get garbage() {
      return keys.garbage;
    },
    reset: () => {
      keys.reset();
      bursts = new BurstDetector({ suffix });
    },
  };
}

function msrReader(prefixes: readonly string[]): DeviceReader {
  let garbage = 0;
  return {
    report(report) {
      try {
        const decoded = decodeMsrReport(report);
        if (!decoded.ok) {
          garbage++;
          return [{ kind: 'card', read: { kind: 'unknown', reason: 'unreadable' } }];
        }
        return [{ kind: 'card', read: readCard(decoded.tracks, prefixes) }];
      } finally {
        wipe(report); // the report holds the tracks in the clear
      }
    },
    dueAt: () => undefined,
    flush: () => [],
    get garbage() {
      return garbage;
    },
    reset: () => undefined,
  };
}

/** Typed swipes end with Enter on most readers; a pause this long ends one that does not. */
const SWIPE_END_MS = 150;
const SWIPE_MAX = 256;

/**
 * A card reader in keyboard mode types `%B…?;…?` and Enter. Characters go straight into a fixed
 * byte buffer: a JS string of the card number is never built (one-character strings of ASCII are
 * V8's shared constants, not copies of the card).
 */
function typedCardReader(prefixes: readonly string[]): DeviceReader {
  const keys = new BootKeyboardDecoder('us');
  const buffer = new Uint8Array(SWIPE_MAX);
  let length = 0;
  let last: number | undefined;
  const finish = (): ReaderOutput[] => {
    if (length === 0) return [];
    const typed = buffer.subarray(0, length);
    try {
      if (!looksLikeSwipeStart(typed[0], typed[1])) {
        return [{ kind: 'card', read: { kind: 'unknown', reason: 'unreadable' } }];
      }
      return [{ kind: 'card', read: readCard(splitTypedTracks(typed), prefixes) }];
    } finally {
      wipe(buffer);
      length = 0;
      last = undefined;
    }
  };
  return {
    report(report, at) {
      const out: ReaderOutput[] = [];
      try {
        for (const key of keys.decode(report)) {
          if (key.kind === 'enter') {
            out.push(...finish());
            continue;
          }
          if (key.kind !== 'char') continue;
          if (length >= SWIPE_MAX) {
            out.push(...finish()); // longer than any three tracks: not a swipe
            continue;
          }
          buffer[length++] = key.char.charCodeAt(0) & 0xff;
          last = at;
        }
      } finally {
        wipe(report);
      }
      return out;
    },
    dueAt: () => (last === undefined ? undefined : last + SWIPE_END_MS),
    flush: (now) => (last !== undefined && now - last >= SWIPE_END_MS ? finish() : []),
    get garbage() {
      return keys.garbage;
    },
    reset: () => {
      wipe(buffer);
      length = 0;
      last = undefined;
      keys.reset();
    },
  };
}
