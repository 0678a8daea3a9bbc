/**
 * Remote commands with real parts: a hub on loopback with its SQLite store, a device runtime with
 * its catalog file and its sync client, and the shell's handlers recorded by the test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { KioskConfig } from '../../../kiosk-config/index.js';
import type { CommandHandlers } from '../../../main/runtime/sync/index.js';
import type { CommandRow } from '../../../server/index.js';
import { minimalConfig } from '../../unit/kiosk-config/config-fixture.js';
import { useTempDir } from '../../support/temp.js';
import { catalogText, connectDevice, enrolledDevice, useHubs, type TestHub } from '../hub/hub-fixture.js';
import { provision, startDevice, until, type Device } from './device-fixture.js';

const tempDir = useTempDir();
const hubs = useHubs();
/** A 1x1 PNG. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A device started and online, with its id. */
async function onlineDevice(
  test: TestHub,
  dataDir: string,
  enrollmentCode: string,
  commands: CommandHandlers,
): Promise<Device & { id: string }> {
  const device = startDevice(test, dataDir, enrollmentCode, commands);
  await until('online', () => device.client.status().phase === 'online', 30);
  return { ...device, id: device.client.status().deviceId ?? '' };
}

async function command(
  test: TestHub,
  deviceId: string,
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  return test.admin('POST', `devices/${deviceId}/commands`, body);
}

async function finished(test: TestHub, commandId: string): Promise<CommandRow> {
  let row: CommandRow | null = null;
  await until(`a result for ${commandId}`, async () => {
    row = await test.hub.store.getCommand(commandId);
    return row?.completedAt !== null && row !== null;
  });
  return row as unknown as CommandRow;
}

describe('remote commands (real hub, real device client)', () => {
  it('delivers a command to a connected device at once, and stores its result', async () => {
    const test = await hubs.start(tempDir());
    await test.hub.importFeed(catalogText(10), { fileName: 'catalog.jsonl' });
    let reloads = 0;
    const device = await onlineDevice(test, tempDir(), await provision(test), {
      reload: () => {
        reloads++;
      },
    });
    try {
      const sent = await command(test, device.id, { kind: 'reload' });
      expect(sent.status).toBe(202);
      const { commandId, delivered } = sent.json as { commandId: string; delivered: boolean };
      expect(delivered).toBe(true);
      const row = await finished(test, commandId);
      expect(row.result).toEqual({ ok: true, message: 'reloaded' });
      expect(reloads).toBe(1);

      // A kind the shell has no handler for is answered, not dropped.
      const restart = (await command(test, device.id, { kind: 'restart' })).json as { commandId: string };
      expect((await finished(test, restart.commandId)).result).toEqual({
        ok: false,
        message: 'restart: not supported by this shell',
      });

      const listed = await test.admin('GET', `devices/${device.id}/commands`);
      expect(listed.status).toBe(200);
      expect((listed.json as { commands: { id: string; state: string }[] }).commands).toMatchObject([
        { id: commandId, kind: 'reload', state: 'done', result: { ok: true } },
        { id: restart.commandId, kind: 'restart', state: 'failed' },
      ]);
      const devices = await test.admin('GET', 'devices');
      expect((devices.json as { devices: { commands: unknown }[] }).devices[0]?.commands).toEqual({
        pending: 0,
        completed: 2,
      });
      expect(reloads).toBe(1);
    } finally {
      device.stop();
    }
  });

  it('keeps a command for an offline device and delivers it once when the device connects', async () => {
    const test = await hubs.start(tempDir());
    await test.hub.importFeed(catalogText(10), { fileName: 'catalog.jsonl' });
    const dataDir = tempDir();
    const code = await provision(test);
    let reloads = 0;
    const first = await onlineDevice(test, dataDir, code, {});
    const deviceId = first.id;
    first.stop();
    await until('the hub to see the device go', () => !test.hub.online().has(deviceId));

    const sent = await command(test, deviceId, { kind: 'reload' });
    expect(sent.status).toBe(202);
    const { commandId, delivered } = sent.json as { commandId: string; delivered: boolean };
    expect(delivered).toBe(false);
    const listed = await test.admin('GET', `devices/${deviceId}/commands`);
    expect((listed.json as { commands: { state: string }[] }).commands).toMatchObject([{ state: 'queued' }]);

    const device = await onlineDevice(test, dataDir, code, {
      reload: () => {
        reloads++;
      },
    });
    try {
      const row = await finished(test, commandId);
      expect(row.deliveredAt).not.toBeNull();
      expect(row.result).toEqual({ ok: true, message: 'reloaded' });
      expect(reloads).toBe(1);
    } finally {
      device.stop();
    }
  });

  it('refuses an invalid config push at the hub, and the device refuses one that got past it', async () => {
    const test = await hubs.start(tempDir());
    await test.hub.importFeed(catalogText(10), { fileName: 'catalog.jsonl' });
    const applied: KioskConfig[] = [];
    const device = await onlineDevice(test, tempDir(), await provision(test), {
      config: (config) => void applied.push(config),
    });
    try {
      const bad = { ...minimalConfig(), mode: 'disco', staff: { pinHash: 'nope' } };
      const refused = await command(test, device.id, { kind: 'config', config: bad });
      expect(refused.status).toBe(400);
      const error = (refused.json as { error: { code: string; message: string; problems: string[] } }).error;
      expect(error.code).toBe('invalid-message');
      expect(error.problems.some((p) => p.startsWith('mode:'))).toBe(true);
      expect(error.problems.some((p) => p.startsWith('staff.pinHash:'))).toBe(true);
      expect(error.message).toMatch(/^config: \d+ problems: /);
      expect(await test.hub.store.listCommands(device.id)).toEqual([]);
      expect((await command(test, device.id, { kind: 'config' })).status).toBe(400);
      expect((await command(test, device.id, { kind: 'shutdown' })).status).toBe(400);

      // Past the hub's check (written straight into its store, as an older hub might have sent
      // it): the device validates again and answers with the problems, without applying it.
      await test.hub.store.createCommand({
        id: 'cmd-bad-config',
        deviceId: device.id,
        kind: 'config',
        payload: { config: bad },
        createdAt: new Date().toISOString(),
      });
      device.client.stop();
      device.client.start();
      const row = await finished(test, 'cmd-bad-config');
      expect(row.result?.ok).toBe(false);
      expect(row.result?.message).toMatch(/^config refused: .*mode: .*staff\.pinHash: /);
      expect(applied).toEqual([]);

      // A valid push calls the handler with the parsed config (defaults filled in).
      const good = { ...minimalConfig(), device: { id: device.id, name: 'Window kiosk' } };
      const sent = await command(test, device.id, { kind: 'config', config: good });
      expect(sent.status).toBe(202);
      const done = await finished(test, (sent.json as { commandId: string }).commandId);
      expect(done.result).toEqual({ ok: true, message: 'config applied' });
      expect(applied).toHaveLength(1);
      expect(applied[0]?.device.name).toBe('Window kiosk');
      expect(applied[0]?.mode).toBe('kiosk');
    } finally {
      device.stop();
    }
  });

  it('writes a screenshot to the hub as a PNG file, and refuses one that is not a PNG', async () => {
    const dataDir = tempDir();
    const test = await hubs.start(dataDir);
    await test.hub.importFeed(catalogText(10), { fileName: 'catalog.jsonl' });
    let picture = Buffer.from(PNG_BASE64, 'base64');
    const device = await onlineDevice(test, tempDir(), await provision(test), {
      screenshot: () => Promise.resolve(picture),
    });
    try {
      const sent = (await command(test, device.id, { kind: 'screenshot' })).json as { commandId: string };
      const row = await finished(test, sent.commandId);
      expect(row.result).toEqual({ ok: true, screenshot: `screenshots/${device.id}-${sent.commandId}.png` });
      const file = join(dataDir, row.result?.screenshot ?? '');
      expect(readFileSync(file).equals(Buffer.from(PNG_BASE64, 'base64'))).toBe(true);

      picture = Buffer.from('GIF89a not a png at all');
      const second = (await command(test, device.id, { kind: 'screenshot' })).json as { commandId: string };
      const refused = await finished(test, second.commandId);
      expect(refused.result).toEqual({ ok: false, message: 'png: not a PNG image (no PNG signature)' });
      expect(existsSync(join(dataDir, `screenshots/${device.id}-${second.commandId}.png`))).toBe(false);
    } finally {
      device.stop();
    }
  });

  it('resync replaces a drifted catalog with a fresh snapshot of every scope', async () => {
    const test = await hubs.start(tempDir(), { pageBudgetBytes: 16 * 1024 });
    await test.hub.importFeed(catalogText(60), { fileName: 'catalog.jsonl' });
    const dataDir = tempDir();
    const device = await onlineDevice(test, dataDir, await provision(test), {});
    const raw = new Database(join(dataDir, 'catalog.db'));
    try {
      await until('the first sync', () => device.catalog.reader.counts().products === 60);
      const state = (): unknown =>
        raw
          .prepare(
            'SELECT (SELECT count(*) FROM prices) AS prices, (SELECT sum(quantity) FROM stock) AS stock',
          )
          .get();
      const synced = state();
      const cursors = device.catalog.sync.cursors();
      // Drift the hub cannot see in cursors: rows lost or changed behind the sync's back.
      raw.exec('DELETE FROM prices; UPDATE stock SET quantity = 0;');
      expect(state()).not.toEqual(synced);

      const sent = (await command(test, device.id, { kind: 'resync' })).json as { commandId: string };
      const row = await finished(test, sent.commandId);
      expect(row.result?.ok).toBe(true);
      expect(row.result?.message).toMatch(/^resynced \d+ scopes: catalog@\d+, store:/);
      expect(state()).toEqual(synced);
      expect(device.catalog.reader.counts().products).toBe(60);
      expect(device.catalog.sync.cursors()).toEqual(cursors);
      for (const scope of Object.keys(cursors))
        expect(device.catalog.sync.snapshotInProgress(scope)).toBeUndefined();
    } finally {
      raw.close();
      device.stop();
    }
  });

  it("refuses a result for another device's command", async () => {
    const test = await hubs.start(tempDir());
    await test.hub.importFeed(catalogText(10), { fileName: 'catalog.jsonl' });
    const victim = await enrolledDevice(test);
    const other = await enrolledDevice(test);
    const sent = await command(test, victim.deviceId, { kind: 'reload' });
    const { commandId } = sent.json as { commandId: string };
    const { socket } = await connectDevice(hubs, test, other);

    socket.emit('command:result', { id: commandId, ok: true, message: 'not mine' });
    await until('the refusal to be logged', () =>
      test.logs.some((l) => l.msg === "command result refused: not a command of this device's"),
    );
    expect((await test.hub.store.getCommand(commandId))?.completedAt).toBeNull();
    const refusal = test.logs.find((l) => l.msg === "command result refused: not a command of this device's");
    expect(refusal).toMatchObject({ deviceId: other.deviceId, commandId });

    // Its own device's result is taken, once.
    const own = await connectDevice(hubs, test, victim);
    own.socket.emit('command:result', { id: commandId, ok: true, message: 'reloaded' });
    own.socket.emit('command:result', { id: commandId, ok: false, message: 'again' });
    const row = await finished(test, commandId);
    expect(row.result).toEqual({ ok: true, message: 'reloaded' });
  });
});
