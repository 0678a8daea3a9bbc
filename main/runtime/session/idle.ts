/**
 * The shopper session's idle clock. A session begins with the first touch or scan; after
 * `timeoutSeconds - warningSeconds` without one, the shopper is asked "still there?" and has
 * `warningSeconds` (at least 20: WCAG 2.2.1) to answer with one touch; then the session ends and
 * everything about it is wiped. It lives in the runtime, not the page, because the runtime holds
 * what must be wiped (reservations and hand-offs of this session) and sees scans the page does not.
 */
import type { Timers } from '../sync/index.js';

export interface IdleClockOptions {
  timeoutSeconds: number;
  warningSeconds: number;
  timers: Timers;
  /** The first touch or scan after the session ended (or since start): a new session begins. */
  onStart?: () => void;
  onWarning: (secondsLeft: number) => void;
  /** The warning was answered: the session goes on. */
  onActive: () => void;
  /** Time ran out: wipe the session. */
  onTimeout: () => void;
}

export class IdleClock {
  private handle: unknown;
  private warned = false;
  private active = false;

  constructor(private readonly options: IdleClockOptions) {
    this.options = { ...options };
  }

  /** New timing from a pushed config; a session in progress keeps its clock until the next touch. */
  setTiming(timeoutSeconds: number, warningSeconds: number): void {
    this.options.timeoutSeconds = timeoutSeconds;
    this.options.warningSeconds = warningSeconds;
  }

  /** True between the first touch of a session and its end. */
  get inSession(): boolean {
    return this.active;
  }

  /** A touch or a scan: starts a session, or starts the clock of the current one over. */
  activity(): void {
    const starting = !this.active;
    this.active = true;
    if (starting) this.options.onStart?.();
    if (this.warned) {
      this.warned = false;
      this.options.onActive();
    }
    this.arm(this.options.timeoutSeconds - this.options.warningSeconds, () => {
      this.warned = true;
      this.options.onWarning(this.options.warningSeconds);
      this.arm(this.options.warningSeconds, () => {
        this.end();
        this.options.onTimeout();
      });
    });
  }

  /** The session ended (timed out, or the shopper said they are done); no clock runs until the next touch. */
  end(): void {
    this.clear();
    this.active = false;
    this.warned = false;
  }

  private arm(seconds: number, run: () => void): void {
    this.clear();
    this.handle = this.options.timers.setTimeout(run, seconds * 1000);
  }

  private clear(): void {
    if (this.handle !== undefined) this.options.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }
}
