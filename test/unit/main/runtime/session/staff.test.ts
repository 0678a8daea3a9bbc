/** The staff PIN gate: lockout after five wrong PINs, longer each time, kept across restarts. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StaffGate } from '../../../../../main/runtime/session/staff.js';
import { useTempDir } from '../../../../support/temp.js';

const temp = useTempDir();
/** A real hash of PIN "482916" (N=2^15, r=8, p=1), as `vitrine config hash-pin` prints it. */
const PIN_HASH = 'scrypt$32768$8$1$0HzzWKcBYQHgSubqorTfFA==$5FaoILZnSbxkqjBRceLTV3zKInjULUSpBmdf528+mYw=';
const MIN = 60_000;

function gate(stateFile: string, clock: { t: number }) {
  return new StaffGate({ pinHash: PIN_HASH, stateFile, now: () => new Date(clock.t) });
}

describe('staff PIN gate', () => {
  it('locks after five wrong PINs; even the right one waits out the lock; a restart does not reset it', async () => {
    const file = join(temp(), 'staff-gate.json');
    const clock = { t: Date.UTC(2026, 10, 22, 9) };
    const g = gate(file, clock);
    for (const left of [4, 3, 2, 1])
      expect(await g.unlock('111111')).toEqual({ status: 'wrong', triesLeft: left });
    const until = new Date(clock.t + 5 * MIN).toISOString();
    expect(await g.unlock('111111')).toEqual({ status: 'locked', until });
    expect(await g.unlock('482916')).toEqual({ status: 'locked', until });
    expect(g.touch()).toBe(false);

    // Power-cycled: the lock is still there.
    const again = gate(file, clock);
    expect(await again.unlock('482916')).toEqual({ status: 'locked', until });
    clock.t += 5 * MIN;
    expect((await again.unlock('482916')).status).toBe('unlocked');
  });

  it('each further lockout lasts twice as long; a right PIN clears the count', async () => {
    const file = join(temp(), 'staff-gate.json');
    const clock = { t: 0 };
    const g = gate(file, clock);
    for (let i = 0; i < 5; i++) await g.unlock('000000');
    clock.t += 5 * MIN;
    for (let i = 0; i < 4; i++) await g.unlock('000000');
    expect(await g.unlock('000000')).toEqual({
      status: 'locked',
      until: new Date(clock.t + 10 * MIN).toISOString(),
    });
    clock.t += 10 * MIN;
    await g.unlock('482916');
    for (let i = 0; i < 4; i++) await g.unlock('000000');
    expect(await g.unlock('000000')).toEqual({
      status: 'locked',
      until: new Date(clock.t + 5 * MIN).toISOString(),
    });
  });

  it('parallel guesses are counted one by one', async () => {
    const g = gate(join(temp(), 'staff-gate.json'), { t: 0 });
    const outcomes = await Promise.all(Array.from({ length: 7 }, () => g.unlock('999999')));
    expect(outcomes.map((o) => o.status)).toEqual([
      'wrong',
      'wrong',
      'wrong',
      'wrong',
      'locked',
      'locked',
      'locked',
    ]);
  });

  it('the panel stays open two minutes after the last staff action, and closes on lock()', async () => {
    const clock = { t: 0 };
    const g = gate(join(temp(), 'staff-gate.json'), clock);
    expect(await g.unlock('482916')).toEqual({ status: 'unlocked', until: new Date(2 * MIN).toISOString() });
    clock.t += 90_000;
    expect(g.touch()).toBe(true);
    clock.t += 119_000;
    expect(g.touch()).toBe(true);
    clock.t += 120_000;
    expect(g.touch()).toBe(false);
    await g.unlock('482916');
    g.lock();
    expect(g.touch()).toBe(false);
  });
});
