/**
 * The Electron shell (on the shared fake of Electron) with the real runtime behind its link and a
 * real hub on loopback: bridge calls from the kiosk page reach the synced catalog, the hub's
 * screenshot and reload commands are carried out by the shell, and a display that keeps failing
 * is reported to the hub as `shell.safe-page`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { parseConfigValue } from '../../../kiosk-config/index.js';
import { startRuntime } from '../../../main/runtime/runtime.js';
import type { AnalyticsReport } from '../../../server/analytics/report.js';
import { BRIDGE_CALL_CHANNEL, type BridgeReply } from '../../../shared/bridge/index.js';
import { FakeImage } from '../../support/fake-electron.js';
import { FakeHidBus } from '../../support/fake-hid.js';
import { useTempDir } from '../../support/temp.js';
import { catalogText, useHubs } from '../hub/hub-fixture.js';
import { silentLog, until } from '../sync/device-fixture.js';
import { PIN_HASH, useShell } from '../../unit/main/electron/shell-fixture.js';

const hubs = useHubs();
const tempDir = useTempDir();
const startShell = useShell(tempDir);

describe('the Electron shell with the real runtime and a hub', () => {
  it('serves the synced catalog over IPC, carries out fleet commands, and reports the safe page', async () => {
    const hubDir = tempDir();
    const test = await hubs.start(hubDir);
    await test.hub.importFeed(catalogText(30), { fileName: 'catalog.jsonl' });
    const created = await test.admin('POST', 'devices', { storeCode: 'BER-MITTE', name: 'Entrance kiosk' });
    const { deviceId, enrollmentCode } = created.json as { deviceId: string; enrollmentCode: string };
    const parsed = parseConfigValue({
      device: { id: 'ber-mitte-kiosk-1', name: 'Entrance kiosk' },
      store: { code: 'BER-MITTE' },
      mode: 'kiosk',
      hub: { url: test.hub.url, enrollmentCode },
      staff: { pinHash: PIN_HASH },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));

    const fixture = await startShell({
      config: parsed.config,
      serve: (commands, paths) =>
        startRuntime({
          config: parsed.config,
          configDir: dirname(paths.configPath),
          configPath: paths.configPath,
          dataDir: paths.dataDir,
          appVersion: '0.1.0-test',
          log: silentLog,
          commands,
          transport: new FakeHidBus(),
          firstConnectJitterMs: 0,
        }),
    });
    const contents = fixture.electron.windows[0]!.webContents;
    const call = (name: string, args: unknown) =>
      fixture.electron.ipc.ipcRenderer.invoke(BRIDGE_CALL_CHANNEL, name, args) as Promise<BridgeReply>;

    await until('the catalog synced', async () => {
      const reply = await call('device.status', {});
      return reply.ok && (reply.value as { catalog: { products: number } }).catalog.products === 30;
    });
    const found = await call('catalog.search', { text: 'a' });
    expect(found.ok && (found.value as { hits: unknown[] }).hits.length).toBeGreaterThan(0);

    // The hub asks for a screenshot: the shell captures the window and the hub stores the PNG.
    contents.picture = new FakeImage(640, 360);
    const shot = await test.admin('POST', `devices/${deviceId}/commands`, { kind: 'screenshot' });
    const shotId = (shot.json as { commandId: string }).commandId;
    let screenshot: string | undefined;
    await until('the screenshot result', async () => {
      const row = await test.hub.store.getCommand(shotId);
      screenshot = row?.result?.screenshot;
      return row?.completedAt !== null && row !== null;
    });
    expect(screenshot).toBeDefined();
    expect(PNG.sync.read(readFileSync(join(hubDir, screenshot!)))).toMatchObject({ width: 640, height: 360 });

    // And a reload: the window loads the UI afresh.
    const loads = contents.loads.length;
    const reload = await test.admin('POST', `devices/${deviceId}/commands`, { kind: 'reload' });
    const reloadId = (reload.json as { commandId: string }).commandId;
    await until(
      'the reload result',
      async () => (await test.hub.store.getCommand(reloadId))?.completedAt != null,
    );
    expect((await test.hub.store.getCommand(reloadId))?.result).toEqual({ ok: true, message: 'reloaded' });
    expect(contents.loads.length).toBe(loads + 1);

    // Six crashes within ten minutes: the safe page, and the hub hears of it once.
    for (let i = 0; i < 6; i++) {
      contents.crash('crashed');
      await fixture.time.advance(20_000);
    }
    expect(contents.loads.at(-1)).toBe('app://vitrine/shell/safe.html?display=0');
    await until('the hub to count the safe page', async () => {
      const report = (await test.admin('GET', 'analytics')).json as AnalyticsReport;
      return report.events['shell.safe-page'] === 1;
    });
  });
});
