/**
 * The demo `npm start` runs: a hub with the generated demo catalog and one kiosk provisioned on
 * it, kept in one folder (default .vitrine/demo) so a second start finds the same device, catalog
 * and staff PIN. Everything goes through the hub's admin API, as `vitrine provision` does.
 */
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigValue } from '../../kiosk-config/index.js';
import { hashPin } from '../../main/runtime/session/pin.js';
import type { Hub } from '../../server/index.js';
import { syntheticCatalog } from '../../shared/catalog/synthetic.js';
import { withDemoModels } from '../models/demo-models.js';

export const DEMO_STORE = 'BER-MITTE';
export const DEMO_PRODUCTS = 2000;

export interface DemoKiosk {
  configPath: string;
  dataDir: string;
  deviceId: string;
  pin: string;
  /** Products imported now; 0 when the hub already had its catalog. */
  imported: number;
}

async function admin(hub: Hub, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${hub.url}/api/v1/admin/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${hub.adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await response.json();
  if (!response.ok)
    throw new Error(`hub: ${method} ${path}: ${String(response.status)} ${JSON.stringify(json)}`);
  return json;
}

/** Written aside and renamed: a start killed half-way never leaves half a config. */
function writeAtomically(path: string, text: string, mode: number): void {
  writeFileSync(`${path}.tmp`, text, { mode });
  renameSync(`${path}.tmp`, path);
}

export async function prepareDemo(hub: Hub, dir: string): Promise<DemoKiosk> {
  mkdirSync(dir, { recursive: true });
  let imported = 0;
  const { stores } = (await admin(hub, 'GET', 'stores')) as { stores: unknown[] };
  if (stores.length === 0) {
    const lines: string[] = [];
    // A few products get 3D models, written to the media folder the hub serves at /media/.
    for (const record of withDemoModels(syntheticCatalog({ products: DEMO_PRODUCTS }), hub.mediaDir))
      lines.push(JSON.stringify(record));
    const summary = await hub.importFeed(lines.join('\n'), { fileName: 'demo.jsonl' });
    imported = summary.compared.products;
  }

  const configPath = join(dir, 'kiosk.json');
  const pinPath = join(dir, 'staff-pin.txt');
  const dataDir = join(dir, 'kiosk-data');
  if (existsSync(configPath) && existsSync(pinPath)) {
    // The device is enrolled (its token is in the data dir); only the hub's address may differ.
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as {
      device: { id: string };
      hub: { url: string };
    };
    config.hub.url = hub.url;
    writeAtomically(configPath, `${JSON.stringify(config, null, 2)}\n`, 0o600);
    return {
      configPath,
      dataDir,
      deviceId: config.device.id,
      pin: readFileSync(pinPath, 'utf8').trim(),
      imported,
    };
  }

  const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const created = (await admin(hub, 'POST', 'devices', { storeCode: DEMO_STORE, name: 'Demo kiosk' })) as {
    deviceId: string;
    enrollmentCode: string;
  };
  const config = {
    device: { id: created.deviceId, name: 'Demo kiosk' },
    store: { code: DEMO_STORE },
    mode: 'kiosk',
    hub: { url: hub.url, enrollmentCode: created.enrollmentCode },
    staff: { pinHash: await hashPin(pin) },
    // `vitrine devices simulate-scan CODE --data <dir>/kiosk-data` scans on a simulated scanner.
    development: { simulation: true },
  };
  const checked = parseConfigValue(config);
  if (!checked.ok) throw new Error(`the demo config is invalid: ${JSON.stringify(checked.problems)}`);
  writeAtomically(pinPath, `${pin}\n`, 0o600);
  writeAtomically(configPath, `${JSON.stringify(config, null, 2)}\n`, 0o600);
  return { configPath, dataDir, deviceId: created.deviceId, pin, imported };
}
