/** The device's command runner on its own: parsing, deduplication, limits and restart order. */
import { describe, expect, it } from 'vitest';
import {
  createCommandRunner,
  MAX_PNG_BASE64_CHARS,
  type CommandHandlers,
} from '../../../../../main/runtime/sync/index.js';
import type { CommandResult } from '../../../../../shared/protocol/index.js';

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function runner(handlers: CommandHandlers, events: string[] = []) {
  const sent: CommandResult[] = [];
  const commands = createCommandRunner({
    handlers,
    resync: () => Promise.resolve({ ok: true, message: 'resynced' }),
    send: (result) => {
      events.push(`result ${result.id}`);
      sent.push(result);
    },
    log: silent,
    beforeRestart: () => Promise.resolve(),
  });
  return { commands, sent };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('device command runner', () => {
  it('runs a command sent twice once; a repeat after it ended gets the same answer again', async () => {
    let release = (): void => undefined;
    let reloads = 0;
    const { commands, sent } = runner({
      reload: () =>
        new Promise<void>((resolve) => {
          reloads++;
          release = resolve;
        }),
    });
    commands.receive({ id: 'c1', kind: 'reload' });
    commands.receive({ id: 'c1', kind: 'reload' }); // re-sent while running: nothing
    await flush();
    expect(sent).toEqual([]);
    release();
    await flush();
    commands.receive({ id: 'c1', kind: 'reload' }); // re-sent after: the answer again
    expect(reloads).toBe(1);
    expect(sent).toEqual([
      { id: 'c1', ok: true, message: 'reloaded' },
      { id: 'c1', ok: true, message: 'reloaded' },
    ]);
  });

  it('answers a malformed command that has an id with the parse error, and ignores one without', async () => {
    const { commands, sent } = runner({});
    commands.receive({ id: 'c2', kind: 'shutdown' });
    commands.receive({ kind: 'reload' });
    commands.receive('reload');
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id: 'c2', ok: false });
    expect(sent[0]?.message).toMatch(/^command: kind: /);
  });

  it('refuses a screenshot too large for a message, and reports a handler that throws', async () => {
    const { commands, sent } = runner({
      screenshot: () => Promise.resolve(new Uint8Array((MAX_PNG_BASE64_CHARS / 4) * 3 + 3)),
      reload: () => {
        throw new Error('no window');
      },
    });
    commands.receive({ id: 's1', kind: 'screenshot' });
    commands.receive({ id: 'r1', kind: 'reload' });
    await flush();
    expect([...sent].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'r1', ok: false, message: 'reload failed: no window' },
      {
        id: 's1',
        ok: false,
        message: `screenshot is 900004 base64 characters; a result holds at most ${String(MAX_PNG_BASE64_CHARS)}`,
      },
    ]);
  });

  it('answers a restart before carrying it out (a restart forgets which ids ran)', async () => {
    const events: string[] = [];
    const { commands } = runner({ restart: () => void events.push('restart') }, events);
    commands.receive({ id: 'x1', kind: 'restart' });
    await flush();
    expect(events).toEqual(['result x1', 'restart']);
  });

  it('validates a pushed config before the handler sees it', async () => {
    let calls = 0;
    const { commands, sent } = runner({
      config: () => {
        calls++;
      },
    });
    commands.receive({ id: 'k1', kind: 'config', config: { device: { id: 'Not A Slug' } } });
    await flush();
    expect(calls).toBe(0);
    expect(sent[0]).toMatchObject({ id: 'k1', ok: false });
    expect(sent[0]?.message).toMatch(/^config refused: .*device\.id: /);
  });
});
