/**
 * A device runtime for sync tests: its catalog file, its outbox and its sync client, wired to a
 * real hub as the kiosk runtime wires them. Waits poll for a state, never for a time.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import { openCatalog, type Catalog } from '../../../main/runtime/catalog/index.js';
import {
  createSyncClient,
  openOutbox,
  silentLog,
  type CommandHandlers,
  type Outbox,
  type SyncClient,
} from '../../../main/runtime/sync/index.js';
import type { TestHub } from '../hub/hub-fixture.js';

export { silentLog };

/** Polls until `condition` holds, failing with `what` after a generous bound. */
export async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  seconds = 60,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Registers a device on the hub through its admin API; returns the one-time enrollment code. */
export async function provision(test: TestHub, storeCode = 'BER-MITTE'): Promise<string> {
  const created = await test.admin('POST', 'devices', { storeCode, name: 'Entrance kiosk' });
  expect(created.status).toBe(201);
  return (created.json as { enrollmentCode: string }).enrollmentCode;
}

export interface Device {
  catalog: Catalog;
  client: SyncClient;
  outbox: Outbox;
  stop: () => void;
}

/** Starts a device runtime in `dataDir` (enrolling with `enrollmentCode` when it has no token yet). */
export function startDevice(
  test: TestHub,
  dataDir: string,
  enrollmentCode: string,
  commands?: CommandHandlers,
): Device {
  const catalog = openCatalog(join(dataDir, 'catalog.db'));
  const outbox = openOutbox(join(dataDir, 'outbox.db'), {
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    random: Math.random,
  });
  const client = createSyncClient({
    hubUrl: test.hub.url,
    dataDir,
    catalog: catalog.sync,
    enrollmentCode,
    appVersion: '0.1.0-test',
    log: silentLog,
    now: () => new Date(),
    random: Math.random,
    outbox,
    firstConnectJitterMs: 0,
    heartbeatSeconds: 3600,
    ...(commands === undefined ? {} : { commands }),
  });
  client.start();
  return {
    catalog,
    client,
    outbox,
    stop() {
      client.stop();
      outbox.close();
      catalog.close();
    },
  };
}
