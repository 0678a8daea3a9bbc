import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../shared/protocol/index.js';
import { useTempDir } from '../../support/temp.js';
import {
  catalogText,
  connected,
  connectDevice,
  deviceSocket,
  enrolledDevice,
  useHubs,
} from './hub-fixture.js';

const tempDir = useTempDir();
const hubs = useHubs();

async function enroll(url: string, code: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}/api/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, code, appVersion: '0.1.0' }),
  });
  return { status: response.status, json: await response.json() };
}

describe('hub fleet (real hub, real SQLite)', () => {
  it('keeps the admin token in the data dir (0600) and refuses admin calls without it', async () => {
    const dir = tempDir();
    let shown: string | undefined;
    const test = await hubs.start(dir, { onAdminTokenCreated: (token) => (shown = token) });
    expect(shown).toBe(test.hub.adminToken);
    expect(readFileSync(join(dir, 'admin-token'), 'utf8').trim()).toBe(test.hub.adminToken);
    expect(statSync(join(dir, 'admin-token')).mode & 0o777).toBe(0o600);

    expect((await test.admin('GET', 'stores', undefined, 'wrong-token-wrong-token')).status).toBe(401);
    const bare = await fetch(`${test.hub.url}/api/v1/admin/devices`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await test.admin('GET', 'stores')).status).toBe(200);

    // A second start reuses the token and does not show it again.
    await test.hub.close();
    let again: string | undefined;
    const second = await hubs.start(dir, { onAdminTokenCreated: (token) => (again = token) });
    expect(again).toBeUndefined();
    expect(second.hub.adminToken).toBe(test.hub.adminToken);
  });

  it('creates a device only for a known store, enrolls it once, and lists it with its heartbeat', async () => {
    const test = await hubs.start(tempDir());
    await test.hub.importFeed(catalogText(5), { fileName: 'seed.jsonl' });
    expect((await test.admin('POST', 'devices', { storeCode: 'NOWHERE', name: 'x' })).status).toBe(404);
    expect((await test.admin('POST', 'devices', { storeCode: 'BER-MITTE' })).status).toBe(400);

    const device = await enrolledDevice(test);
    expect(device.deviceId).toMatch(/^ber-mitte-[a-z2-9]{6}$/);
    expect(device.storeCode).toBe('BER-MITTE');
    const reuse = await enroll(test.hub.url, device.enrollmentCode);
    expect(reuse.status).toBe(401);
    expect(reuse.json).toMatchObject({
      error: { code: 'unauthorized', message: expect.stringMatching(/already used/) as unknown },
    });
    expect((await enroll(test.hub.url, 'AAAA-BBBB-CCCC')).status).toBe(401);
    expect((await enroll(test.hub.url, 'short')).status).toBe(400);
    const stored = await test.hub.store.getDevice(device.deviceId);
    expect(stored?.tokenHash).not.toContain(device.token); // only the hash is kept
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const { socket } = await connectDevice(hubs, test, device);
    socket.emit('device:heartbeat', {
      at: new Date().toISOString(),
      appVersion: '0.1.1',
      uptimeSeconds: 12,
      memoryMb: 180,
      cursors: { catalog: 3 },
      hardware: [{ kind: 'scanner', name: 'Zebra DS2208', connected: true, errors: 0 }],
    });
    let listed: { id: string; online: boolean; appVersion: string | null; cursors: unknown }[] = [];
    for (let i = 0; i < 100; i++) {
      listed = ((await test.admin('GET', 'devices')).json as { devices: typeof listed }).devices;
      if (listed[0]?.appVersion === '0.1.1') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: device.deviceId,
      online: true,
      appVersion: '0.1.1',
      cursors: { catalog: 3 },
    });
    expect(listed[0]).not.toHaveProperty('tokenHash');
  });

  it('refuses connections with a wrong token, another protocol version, or a revoked device', async () => {
    const test = await hubs.start(tempDir());
    await test.hub.importFeed(catalogText(5), { fileName: 'seed.jsonl' });
    const device = await enrolledDevice(test);
    const refusal = (auth: Record<string, unknown>) =>
      connected(hubs.track(deviceSocket(test.hub, auth))).then(
        () => 'connected',
        (error: unknown) => (error as { data?: { code?: string } }).data?.code,
      );
    expect(
      await refusal({ protocol: PROTOCOL_VERSION, deviceId: device.deviceId, token: `${device.token}x` }),
    ).toBe('unauthorized');
    expect(
      await refusal({ protocol: PROTOCOL_VERSION + 1, deviceId: device.deviceId, token: device.token }),
    ).toBe('protocol-version');
    expect(
      await refusal({ protocol: PROTOCOL_VERSION, deviceId: 'nobody-000000', token: device.token }),
    ).toBe('unauthorized');
    expect(await refusal({})).toBe('protocol-version');

    const { socket } = await connectDevice(hubs, test, device);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect((await test.admin('POST', `devices/${device.deviceId}/revoke`)).status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    expect(
      await refusal({ protocol: PROTOCOL_VERSION, deviceId: device.deviceId, token: device.token }),
    ).toBe('unauthorized');
    expect((await enroll(test.hub.url, device.enrollmentCode)).status).toBe(401);
    expect((await test.admin('POST', 'devices/nobody/revoke')).status).toBe(404);
    expect(test.logs.filter((l) => l.msg === 'device connection refused').length).toBeGreaterThanOrEqual(5);
  });

  it('imports through the admin API and reports feed problems; /health counts', async () => {
    const test = await hubs.start(tempDir());
    const text = `${catalogText(3)}\n{"type":"product","id":"BROKEN"}`;
    const imported = await test.admin('POST', 'import?file=feed.jsonl', text);
    expect(imported.status).toBe(200);
    const summary = imported.json as {
      format: string;
      changed: { products: number };
      problemCount: number;
      problems: { line: number }[];
    };
    expect(summary.format).toBe('vitrine-jsonl');
    expect(summary.changed.products).toBe(3);
    expect(summary.problemCount).toBeGreaterThan(0);
    const health = (await (await fetch(`${test.hub.url}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, products: 3, stores: 8, devices: 0 });
    const stores = (await test.admin('GET', 'stores')).json as { stores: { code: string }[] };
    expect(stores.stores.map((s) => s.code)).toContain('BER-MITTE');
  });
});
