/**
 * A device runtime as its own process, for tests that kill it: opens the catalog and the outbox
 * in the data dir, runs the sync client, and prints one JSON line per status change to stdout
 * (`phase`, `progress`, `cursors`, `lastError`). Log lines go to stderr as JSON. It runs until
 * killed; SIGTERM or SIGINT stop it cleanly (catalog and outbox closed).
 *
 *   node --import tsx test/support/device-process.ts <hubUrl> <dataDir> <enrollmentCode>
 *
 * Linux pipes are written synchronously, so a status line is in the pipe before the work it
 * announces (a snapshot page's request) starts: a test that kills on a line kills near it.
 */
import { join } from 'node:path';
import { openCatalog } from '../../main/runtime/catalog/index.js';
import { createSyncClient, openOutbox, type SyncLog } from '../../main/runtime/sync/index.js';

/** One status line: what a test parses. */
export interface DeviceStatusLine {
  phase: string;
  progress?: { scope: string; done: number; total: number };
  cursors: Record<string, number>;
  lastError?: string;
}

function main(argv: readonly string[]): void {
  const [hubUrl, dataDir, enrollmentCode] = argv;
  if (hubUrl === undefined || dataDir === undefined || enrollmentCode === undefined) {
    process.stderr.write('usage: device-process.ts <hubUrl> <dataDir> <enrollmentCode>\n');
    process.exitCode = 2;
    return;
  }
  const line =
    (level: string): SyncLog['info'] =>
    (details, message) => {
      process.stderr.write(`${JSON.stringify({ level, msg: message, ...details })}\n`);
    };
  const log: SyncLog = {
    debug: () => undefined,
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
  };

  const catalog = openCatalog(join(dataDir, 'catalog.db'));
  const outbox = openOutbox(join(dataDir, 'outbox.db'), {
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    random: Math.random,
  });
  const client = createSyncClient({
    hubUrl,
    dataDir,
    catalog: catalog.sync,
    enrollmentCode,
    appVersion: '0.1.0-test',
    log,
    now: () => new Date(),
    random: Math.random,
    outbox,
    firstConnectJitterMs: 0,
    heartbeatSeconds: 3600,
  });
  client.onStatus((status) => {
    const out: DeviceStatusLine = { phase: status.phase, cursors: status.cursors };
    if (status.progress !== undefined) out.progress = status.progress;
    if (status.lastError !== undefined) out.lastError = status.lastError;
    process.stdout.write(`${JSON.stringify(out)}\n`);
  });

  const stop = (): void => {
    client.stop();
    outbox.close();
    catalog.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  client.start();
}

main(process.argv.slice(2));
