/**
 * The staff PIN gate. The PIN is checked against the config's scrypt hash (pin.ts); after
 * `maxTries` wrong PINs in a row the gate locks, for `lockMs` and twice as long after each
 * further lockout, so guessing a 4-digit PIN takes weeks rather than minutes. Failures and the
 * lock are kept in the data directory: pulling the plug must not buy new tries. A right PIN
 * opens the staff panel for `sessionMs`, renewed by each staff action.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { verifyPin } from './pin.js';

export type UnlockOutcome =
  | { status: 'unlocked'; until: string }
  | { status: 'wrong'; triesLeft: number }
  | { status: 'locked'; until: string };

export interface StaffGateOptions {
  pinHash: string;
  /** Where failures and the lock are kept (JSON). */
  stateFile: string;
  now: () => Date;
  maxTries?: number;
  lockMs?: number;
  sessionMs?: number;
}

interface GateState {
  failures: number;
  lockouts: number;
  lockedUntil: number;
}

export class StaffGate {
  private readonly maxTries: number;
  private readonly lockMs: number;
  private readonly sessionMs: number;
  private state: GateState;
  private openUntil = 0;
  /** One check at a time: parallel guesses must not each see the same failure count. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: StaffGateOptions) {
    this.maxTries = options.maxTries ?? 5;
    this.lockMs = options.lockMs ?? 5 * 60_000;
    this.sessionMs = options.sessionMs ?? 2 * 60_000;
    this.state = this.load();
  }

  unlock(pin: string): Promise<UnlockOutcome> {
    const run = this.queue.then(() => this.check(pin));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** True while the panel is open; each staff action keeps it open a while longer. */
  touch(): boolean {
    const now = this.options.now().getTime();
    if (now >= this.openUntil) return false;
    this.openUntil = now + this.sessionMs;
    return true;
  }

  lock(): void {
    this.openUntil = 0;
  }

  private async check(pin: string): Promise<UnlockOutcome> {
    const now = this.options.now().getTime();
    if (now < this.state.lockedUntil)
      return { status: 'locked', until: new Date(this.state.lockedUntil).toISOString() };
    const right = await verifyPin(pin, this.options.pinHash);
    if (right) {
      this.save({ failures: 0, lockouts: 0, lockedUntil: 0 });
      this.openUntil = now + this.sessionMs;
      return { status: 'unlocked', until: new Date(this.openUntil).toISOString() };
    }
    const failures = this.state.failures + 1;
    if (failures < this.maxTries) {
      this.save({ ...this.state, failures });
      return { status: 'wrong', triesLeft: this.maxTries - failures };
    }
    const lockedUntil = now + this.lockMs * 2 ** Math.min(this.state.lockouts, 10);
    this.save({ failures: 0, lockouts: this.state.lockouts + 1, lockedUntil });
    return { status: 'locked', until: new Date(lockedUntil).toISOString() };
  }

  private load(): GateState {
    try {
      const raw = JSON.parse(readFileSync(this.options.stateFile, 'utf8')) as Partial<GateState>;
      const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
      return {
        failures: number(raw.failures),
        lockouts: number(raw.lockouts),
        lockedUntil: number(raw.lockedUntil),
      };
    } catch {
      return { failures: 0, lockouts: 0, lockedUntil: 0 };
    }
  }

  private save(state: GateState): void {
    this.state = state;
    const temporary = `${this.options.stateFile}.tmp`;
    writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
    renameSync(temporary, this.options.stateFile);
  }
}
