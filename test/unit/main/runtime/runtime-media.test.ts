/**
 * When the runtime fetches 3D models ahead: not on the way to the page's first paint, but a while
 * after start, and again each time the hub sync comes online. Time is moved by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseConfigValue, type KioskConfig } from '../../../../kiosk-config/index.js';
import type { CatalogReader } from '../../../../main/runtime/catalog/index.js';
import { START_PREFETCH_DELAY_MS, startRuntimeMedia } from '../../../../main/runtime/media/runtime-media.js';
import { silentLog } from '../../../../main/runtime/sync/index.js';
import { ManualTime } from '../../../support/manual-time.js';
import { useTempDir } from '../../../support/temp.js';

const tempDir = useTempDir();

function config(): KioskConfig {
  const parsed = parseConfigValue({
    device: { id: 'ber-01-kiosk-1', name: 'Entrance kiosk' },
    store: { code: 'BER-01' },
    mode: 'kiosk',
    hub: { url: 'http://127.0.0.1:9', enrollmentCode: 'ENROLL-1234' },
    staff: {
      pinHash: 'scrypt$32768$8$1$0HzzWKcBYQHgSubqorTfFA==$5FaoILZnSbxkqjBRceLTV3zKInjULUSpBmdf528+mYw=',
    },
  });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return parsed.config;
}

/** The runtime media over a catalog whose model list is only counted: none to fetch. */
function start() {
  const time = new ManualTime();
  const reads = { models: 0 };
  const reader = {
    models: () => {
      reads.models++;
      return [];
    },
  } as Partial<CatalogReader> as CatalogReader;
  const dir = tempDir();
  const media = startRuntimeMedia({
    config: config(),
    configDir: dir,
    dataDir: dir,
    reader,
    log: silentLog,
    timers: time,
  });
  return { media, time, reads };
}

const online = { phase: 'online' as const, cursors: {} };

describe('fetching models ahead', () => {
  it('reads the catalog only once the start is over, not while it is starting', async () => {
    const { media, time, reads } = start();
    await time.advance(START_PREFETCH_DELAY_MS - 1);
    expect(reads.models).toBe(0);
    await time.advance(1);
    expect(reads.models).toBe(1);
    await time.advance(START_PREFETCH_DELAY_MS * 10);
    expect(reads.models).toBe(1);
    media.close();
  });

  it('runs again each time the hub sync comes online', async () => {
    const { media, time, reads } = start();
    media.onSyncStatus(online);
    await time.advance(0);
    expect(reads.models).toBe(1);
    media.onSyncStatus(online);
    await time.advance(0);
    expect(reads.models).toBe(1);
    media.onSyncStatus({ phase: 'offline', cursors: {} });
    media.onSyncStatus(online);
    await time.advance(0);
    expect(reads.models).toBe(2);
    media.close();
  });

  it('does nothing after close', async () => {
    const { media, time, reads } = start();
    media.close();
    await time.advance(START_PREFETCH_DELAY_MS);
    media.onSyncStatus(online);
    await time.advance(0);
    expect(reads.models).toBe(0);
  });
});
