/**
 * Exiting the kiosk from the staff panel, in the composed runtime on a standalone catalog: only
 * behind the PIN, only where the shell gave a way out (which staff.status tells the panel), and
 * logged as a warning naming staff and nothing of the PIN.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigValue } from '../../../kiosk-config/index.js';
import { startRuntime, type Runtime } from '../../../main/runtime/runtime.js';
import { NO_EXIT_MESSAGE } from '../../../main/runtime/session/staff-handlers.js';
import type { BridgeReply, StaffStatusView } from '../../../shared/bridge/index.js';
import { FakeHidBus } from '../../support/fake-hid.js';
import { useTempDir } from '../../support/temp.js';
import { catalogText } from '../hub/hub-fixture.js';
import { recordingLog } from '../host/host-fixture.js';

const temp = useTempDir();
const PIN = '482916';
const PIN_HASH = 'scrypt$32768$8$1$0HzzWKcBYQHgSubqorTfFA==$5FaoILZnSbxkqjBRceLTV3zKInjULUSpBmdf528+mYw=';

async function standalone(exitKiosk?: () => void) {
  const dir = temp();
  writeFileSync(join(dir, 'catalog.jsonl'), catalogText(5));
  const parsed = parseConfigValue({
    device: { id: 'ber-mitte-kiosk-1', name: 'Entrance kiosk' },
    store: { code: 'BER-MITTE' },
    mode: 'kiosk',
    standalone: { catalogFeed: './catalog.jsonl' },
    staff: { pinHash: PIN_HASH },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const log = recordingLog();
  const runtime = await startRuntime({
    config: parsed.config,
    configDir: dir,
    dataDir: join(dir, 'data'),
    appVersion: '0.1.0-test',
    log,
    transport: new FakeHidBus(),
    ...(exitKiosk === undefined ? {} : { exitKiosk }),
  });
  return { runtime, log };
}

async function call<T>(runtime: Runtime, name: string): Promise<T> {
  const args = name === 'staff.unlock' ? { pin: PIN } : {};
  const reply: BridgeReply = await runtime.dispatch(name, args);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

describe('staff.exit', () => {
  it('asks the shell to exit once the panel is unlocked, and logs who did as a warning', async () => {
    let exits = 0;
    const { runtime, log } = await standalone(() => {
      exits++;
    });
    try {
      expect(await runtime.dispatch('staff.exit', {})).toEqual({
        ok: false,
        error: { code: 'unavailable', message: 'staff.exit: the staff panel is locked' },
      });
      expect(exits).toBe(0);

      await call(runtime, 'staff.unlock');
      expect((await call<StaffStatusView>(runtime, 'staff.status')).canExit).toBe(true);
      expect(await call(runtime, 'staff.exit')).toEqual({ ok: true, message: 'the kiosk is closing' });
      expect(exits).toBe(1);

      const warning = log.entries.find((e) => e.message === 'staff: exiting the kiosk');
      expect(warning).toEqual({
        level: 'warn',
        details: { by: 'staff' },
        message: 'staff: exiting the kiosk',
      });
      expect(JSON.stringify(log.entries)).not.toContain(PIN);
      // Staff see it among the recent problems after the kiosk comes back.
      const problems = (await call<StaffStatusView>(runtime, 'staff.status')).recentProblems;
      expect(problems.map((p) => [p.level, p.message])).toContainEqual(['warn', 'staff: exiting the kiosk']);

      await call(runtime, 'staff.lock');
      expect((await runtime.dispatch('staff.exit', {})).ok).toBe(false);
      expect(exits).toBe(1);
    } finally {
      await runtime.stop();
    }
  });

  it('where the shell gave no way out: canExit is false and staff.exit says why', async () => {
    const { runtime, log } = await standalone();
    try {
      await call(runtime, 'staff.unlock');
      expect((await call<StaffStatusView>(runtime, 'staff.status')).canExit).toBe(false);
      expect(await call(runtime, 'staff.exit')).toEqual({ ok: false, message: NO_EXIT_MESSAGE });
      expect(NO_EXIT_MESSAGE).toBe(
        'the shell this kiosk runs in cannot be closed from the staff panel; stop it where it was started',
      );
      expect(log.entries.some((e) => e.message === 'staff: exiting the kiosk')).toBe(false);
    } finally {
      await runtime.stop();
    }
  });
});
