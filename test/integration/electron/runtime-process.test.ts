/**
 * The runtime's utility-process entry (main/electron/runtime-process.ts) as a real process: a
 * plain Node child with Electron's `process.parentPort` shimmed over Node's IPC, since Electron's
 * binary is not here. The supervisor starts it on a standalone config, calls go through, and when
 * the process is killed it is started again; staff exiting the kiosk asks the shell to quit;
 * `stop` ends it cleanly.
 */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShellChildProcess } from '../../../main/electron/electron-api.js';
import { superviseRuntime, type RuntimeSupervisor } from '../../../main/electron/runtime-supervisor.js';
import { silentLog, systemTimers } from '../../../main/runtime/sync/index.js';
import { catalogText } from '../hub/hub-fixture.js';
import { until } from '../sync/device-fixture.js';
import { repoRoot } from '../../support/processes.js';
import { useTempDir } from '../../support/temp.js';
import { PIN_HASH } from '../../unit/main/electron/shell-fixture.js';

const tempDir = useTempDir();

/** utilityProcess.fork, played by child_process.fork with the parentPort shim. */
function forkRuntime(args: string[], pids: number[]): ShellChildProcess {
  const child = fork(join(repoRoot, 'main', 'electron', 'runtime-process.ts'), args, {
    execArgv: ['--import', 'tsx', '--import', join(repoRoot, 'test', 'support', 'parent-port-shim.mjs')],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  if (child.pid !== undefined) pids.push(child.pid);
  return {
    pid: child.pid,
    on(event: 'message' | 'exit', listener: (value: never) => void) {
      if (event === 'message') child.on('message', listener as (message: unknown) => void);
      else
        child.on('exit', (code, signal) => {
          (listener as (code: number) => void)(code ?? (signal === null ? 0 : 137));
        });
      return child;
    },
    postMessage: (message) => {
      if (child.connected) child.send(message as never);
    },
    kill: () => child.kill('SIGKILL'),
  };
}

describe('the runtime process', () => {
  it('runs the runtime from its config, is restarted when killed, and stops cleanly', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'catalog.jsonl'), catalogText(12));
    const configPath = join(dir, 'kiosk.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        device: { id: 'popup-kiosk-1', name: 'Pop-up kiosk' },
        store: { code: 'BER-MITTE' },
        mode: 'kiosk',
        standalone: { catalogFeed: './catalog.jsonl' },
        staff: { pinHash: PIN_HASH },
      }),
    );
    const pids: number[] = [];
    let quits = 0;
    const args = ['--config', configPath, '--data', join(dir, 'data'), '--app-version', '0.1.0-test'];
    const supervisor: RuntimeSupervisor = superviseRuntime({
      fork: () => forkRuntime(args, pids),
      shell: {
        reload: () => Promise.resolve(),
        restart: () => Promise.resolve(),
        screenshot: () => Promise.reject(new Error('no window in this test')),
        quit: () => {
          quits++;
        },
      },
      log: silentLog,
      timers: systemTimers,
      now: Date.now,
    });
    try {
      await until('the runtime up', () => supervisor.running);
      const info = await supervisor.dispatch('kiosk.info', {});
      expect(info).toMatchObject({ ok: true, value: { device: { name: 'Pop-up kiosk' } } });
      const status = await supervisor.dispatch('device.status', {});
      expect(status).toMatchObject({ ok: true, value: { catalog: { products: 12 } } });

      process.kill(pids[0]!, 'SIGKILL');
      await until('the runtime to be seen gone', () => !supervisor.running, 10);
      expect(await supervisor.dispatch('kiosk.info', {})).toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
      await until('a second runtime process', () => supervisor.running && pids.length === 2);
      expect(await supervisor.dispatch('kiosk.info', {})).toMatchObject({ ok: true });

      // The Electron shell can always be left: the panel offers it, and staff.exit reaches main.
      expect(await supervisor.dispatch('staff.unlock', { pin: '482916' })).toMatchObject({
        ok: true,
        value: { status: 'unlocked' },
      });
      expect(await supervisor.dispatch('staff.status', {})).toMatchObject({
        ok: true,
        value: { canExit: true },
      });
      expect(quits).toBe(0);
      expect(await supervisor.dispatch('staff.exit', {})).toEqual({
        ok: true,
        value: { ok: true, message: 'the kiosk is closing' },
      });
      await until('the shell asked to quit', () => quits === 1, 10);
    } finally {
      await supervisor.stop();
    }
    expect(supervisor.running).toBe(false);
    expect(pids).toHaveLength(2);
    // Stopped for good: the process is gone and nothing restarts it.
    expect(() => process.kill(pids[1]!, 0)).toThrow();
  });
});
