/**
 * What to do when a kiosk page fails (its renderer process is gone, or it stopped answering):
 * reload it after a wait that doubles while failures keep coming; at the sixth failure within ten
 * minutes stop hammering and show the safe page (the last good picture and a calm "back soon"),
 * and tell the hub once; after ten calm minutes on the safe page, try the real page again. A kiosk
 * never gives up: the worst it shows is the safe page.
 *
 * Pure: the shell passes the time in, so a test drives it with a fake clock.
 */

export interface WatchdogPolicy {
  /** Failures counted within this window… */
  windowMs: number;
  /** …and more than this many of them send the display to the safe page. */
  maxFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** On the safe page, this long without a failure and the real page is tried again. */
  calmMs: number;
}

export const DEFAULT_WATCHDOG_POLICY: WatchdogPolicy = {
  windowMs: 10 * 60_000,
  maxFailures: 5,
  firstDelayMs: 1000,
  maxDelayMs: 60_000,
  calmMs: 10 * 60_000,
};

export type WatchdogDecision =
  | { action: 'reload'; delayMs: number; failuresInWindow: number }
  /** `report`: true the first time, so the hub hears of it once per episode. */
  | { action: 'safe-page'; delayMs: number; failuresInWindow: number; report: boolean };

export class RendererWatchdog {
  private failures: number[] = [];
  private safeSince: number | undefined;
  private lastFailureAt: number | undefined;

  constructor(private readonly policy: WatchdogPolicy = DEFAULT_WATCHDOG_POLICY) {}

  /** Whether the display is on the safe page. */
  get onSafePage(): boolean {
    return this.safeSince !== undefined;
  }

  /** A failure at `now` (ms): what to load next, and when. */
  failed(now: number): WatchdogDecision {
    const { policy } = this;
    this.lastFailureAt = now;
    this.failures = [...this.failures.filter((at) => now - at < policy.windowMs), now];
    const count = this.failures.length;
    const delayMs = Math.min(policy.firstDelayMs * 2 ** (count - 1), policy.maxDelayMs);
    if (this.safeSince !== undefined) {
      // The safe page itself failed (the GPU, memory): load it again, slowly.
      return { action: 'safe-page', delayMs: policy.maxDelayMs, failuresInWindow: count, report: false };
    }
    if (count > policy.maxFailures) {
      this.safeSince = now;
      return { action: 'safe-page', delayMs: 0, failuresInWindow: count, report: true };
    }
    return { action: 'reload', delayMs, failuresInWindow: count };
  }

  /**
   * The moment (ms) the real page should be tried again, while on the safe page: `calmMs` after
   * the last failure. undefined when not on the safe page.
   */
  retryAt(): number | undefined {
    if (this.safeSince === undefined) return undefined;
    return (this.lastFailureAt ?? this.safeSince) + this.policy.calmMs;
  }

  /** An operator asked for the UI (the fleet's reload): leave the safe page, counting afresh. */
  reset(): void {
    this.safeSince = undefined;
    this.failures = [];
  }

  /**
   * Called at `retryAt()` (or later): true when it is calm enough to leave the safe page. The
   * count starts over, so a page that fails again gets the quick reloads first.
   */
  tryRecover(now: number): boolean {
    const at = this.retryAt();
    if (at === undefined || now < at) return false;
    this.safeSince = undefined;
    this.failures = [];
    return true;
  }
}
