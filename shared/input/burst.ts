/**
 * Tells a keyboard-wedge scanner's burst from a person typing. A scanner types a whole code in
 * a few milliseconds per key; people leave 80-200 ms between keys, and even a fast typist's
 * occasional rollover pair is two or three keys, not four. So a run of at least `minLength`
 * characters, every gap within `maxGapMs` (20-30 ms in the field; REFERENCE.md, keyboard wedge),
 * is a scan. It ends at the scanner's suffix (Enter or Tab) or, when none comes, once the keys
 * stop for `endGapMs`.
 *
 * Used where keys arrive from a device opened directly (main/runtime/devices) and where they
 * arrive as keyboard events (the renderer, which holds keys back until it knows, so a scan never
 * lands as text in a search field). Time comes in with each key; nothing here reads a clock.
 */

export type BurstKey =
  { kind: 'char'; char: string } | { kind: 'enter' } | { kind: 'tab' } | { kind: 'other' };

export type BurstOutput =
  | { kind: 'scan'; text: string; endedBy: 'suffix' | 'timing' }
  /** Keys that were not a scan, in order, for the caller to pass on as typing. */
  | { kind: 'typed'; keys: BurstKey[] };

export interface BurstOptions {
  /** The largest gap between two keys of a scan. Default 30 ms. */
  maxGapMs?: number;
  /** The fewest characters a scan has. Default 4. */
  minLength?: number;
  /** The key the scanner sends after a code; 'none' ends scans by timing only. Default 'enter'. */
  suffix?: 'enter' | 'tab' | 'none';
  /** How long after the last key a burst without its suffix is closed. Default 60 ms. */
  endGapMs?: number;
  /** The longest scan; a longer burst is typing (or a stuck key). Default 4096 characters. */
  maxLength?: number;
}

export class BurstDetector {
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly suffix: 'enter' | 'tab' | 'none';
  private readonly endGapMs: number;
  private readonly maxLength: number;
  private chars: string[] = [];
  private keys: BurstKey[] = [];
  private last: number | undefined;

  constructor(options: BurstOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 30;
    this.minLength = options.minLength ?? 4;
    this.suffix = options.suffix ?? 'enter';
    this.endGapMs = options.endGapMs ?? 60;
    this.maxLength = options.maxLength ?? 4096;
  }

  /** Feeds one key pressed at `at` (ms, any monotonic origin). */
  push(key: BurstKey, at: number): BurstOutput[] {
    const out: BurstOutput[] = [];
    const gap = this.last === undefined ? 0 : at - this.last;
    if (this.keys.length > 0 && (gap > this.maxGapMs || gap < 0)) out.push(...this.close('timing'));
    const isSuffix =
      (key.kind === 'enter' && this.suffix === 'enter') || (key.kind === 'tab' && this.suffix === 'tab');
    if (isSuffix) {
      if (this.isScan()) out.push({ kind: 'scan', text: this.chars.join(''), endedBy: 'suffix' });
      else out.push({ kind: 'typed', keys: [...this.keys, key] });
      this.clear();
      return out;
    }
    if (key.kind !== 'char') {
      out.push(...this.close('timing'), { kind: 'typed', keys: [key] });
      return out;
    }
    this.keys.push(key);
    this.chars.push(key.char);
    this.last = at;
    if (this.chars.length > this.maxLength) {
      out.push({ kind: 'typed', keys: this.keys });
      this.clear();
    }
    return out;
  }

  /** Closes a burst whose keys stopped `endGapMs` ago; call when `dueAt()` has passed. */
  flush(now: number): BurstOutput[] {
    if (this.last === undefined || now - this.last < this.endGapMs) return [];
    return this.close('timing');
  }

  /** When `flush` has something to close, if anything is held. */
  dueAt(): number | undefined {
    return this.last === undefined ? undefined : this.last + this.endGapMs;
  }

  /** Keys held back while it is not yet known whether they are a scan. */
  get pending(): number {
    return this.keys.length;
  }

  /** Every gap in the held keys is within maxGapMs (a longer one closes them), so length decides. */
  private isScan(): boolean {
    return this.chars.length >= this.minLength;
  }

  private close(endedBy: 'timing'): BurstOutput[] {
    if (this.keys.length === 0) {
      this.clear();
      return [];
    }
    const out: BurstOutput = this.isScan()
      ? { kind: 'scan', text: this.chars.join(''), endedBy }
      : { kind: 'typed', keys: this.keys };
    this.clear();
    return [out];
  }

  private clear(): void {
    this.chars = [];
    this.keys = [];
    this.last = undefined;
  }
}
