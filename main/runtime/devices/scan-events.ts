/**
 * Scan to event: a code from any scanner becomes one event for the UI with the catalog's answer
 * (DESIGN.md, "Scan to screen"). The same code again within the repeat window is ignored: a
 * shopper holding an item under a presentation scanner scans it many times a second.
 */
import { looksLikeSwipeStart } from '../../../shared/cards/iso7813.js';
import type { LookupOutcome } from '../catalog/index.js';

export interface ScanResultEvent {
  kind: 'scan';
  code: string;
  /** AIM symbology identifier from a HID POS scanner, e.g. "]E0"; null from a keyboard wedge. */
  aim: string | null;
  device: string;
  /** What the catalog answers, with how the code read as a barcode. */
  outcome: LookupOutcome;
  /** Report received to lookup done, in ms. */
  tookMs: number;
}

export interface ScanPipelineOptions {
  lookup: (code: string) => LookupOutcome;
  repeatWindowMs: number;
  /** Monotonic milliseconds, the clock the device layer stamps reports with. */
  clock: () => number;
  onScan: (event: ScanResultEvent) => void;
  /** A "scan" that was a card swipe typed into a scanner's path (a misconfigured reader): dropped unread. */
  onSwipeDropped?: () => void;
  /**
   * Takes a code whole when it is not a product's (a loyalty member's barcode or QR): true means
   * taken, and the code goes no further (no lookup, no scan event, no outbox record, not kept).
   */
  claim?: (code: string) => boolean;
}

export interface ScanPipeline {
  /** Handles a scan received at `receivedAt`; false when it repeated the last one and was ignored. */
  scan(scan: { text: string; aim: string | null; device: string; receivedAt: number }): boolean;
}

export function createScanPipeline(options: ScanPipelineOptions): ScanPipeline {
  let last: { code: string; at: number } | undefined;
  return {
    scan({ text, aim, device, receivedAt }) {
      const code = text.replace(/[\r\n]+$/u, '');
      if (code.length === 0) return false;
      // Track data starts with a sentinel and a format code or digit (`%B…`, `;4…`); no barcode
      // a shopper scans does. Such a "scan" is a card reader set up as a scanner: it must not be
      // looked up, shown, recorded or sent, so it goes no further than this.
      if (looksLikeSwipeStart(code.charCodeAt(0), code.charCodeAt(1))) {
        options.onSwipeDropped?.();
        return false;
      }
      if (options.claim?.(code) === true) return true;
      if (last?.code === code && receivedAt - last.at < options.repeatWindowMs) {
        last.at = receivedAt; // held under the scanner: the window runs from the latest read
        return false;
      }
      last = { code, at: receivedAt };
      const outcome = options.lookup(code);
      options.onScan({ kind: 'scan', code, aim, device, outcome, tookMs: options.clock() - receivedAt });
      return true;
    },
  };
}
