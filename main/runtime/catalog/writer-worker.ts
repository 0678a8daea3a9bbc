/**
 * The catalog writer's thread (see writer-thread.ts): opens its own connection to the catalog
 * file and runs the sync writes it is sent, one at a time, answering each with its result or its
 * error. Nothing else runs here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openCatalog } from './catalog.js';
import type { CatalogSync, WriteMethod } from './sync-store.js';

export type { WriteMethod };

export interface WriteRequest {
  id: number;
  method: WriteMethod;
  args: unknown[];
}

export type WriteReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; name: string; message: string };

const port = parentPort;
if (port === null) throw new Error('writer-worker.ts runs as a worker thread only');
const catalog = openCatalog((workerData as { path: string }).path);
const sync: CatalogSync = catalog.sync;

/** The arguments are the caller's own, typed by SyncTarget; they crossed by structured clone. */
function run({ method, args }: WriteRequest): unknown {
  switch (method) {
    case 'applyChanges':
      return sync.applyChanges(...(args as Parameters<CatalogSync['applyChanges']>));
    case 'stageSnapshotPage':
      return sync.stageSnapshotPage(...(args as Parameters<CatalogSync['stageSnapshotPage']>));
    case 'finishSnapshot':
      return sync.finishSnapshot(...(args as Parameters<CatalogSync['finishSnapshot']>));
    case 'abandonSnapshot':
      sync.abandonSnapshot(...(args as Parameters<CatalogSync['abandonSnapshot']>));
      return null;
    case 'swapInImage':
      return sync.swapInImage(...(args as Parameters<CatalogSync['swapInImage']>));
    case 'exportImage':
      return sync.exportImage(...(args as Parameters<CatalogSync['exportImage']>));
    case 'cleanUpSnapshots':
      return sync.cleanUpSnapshots(...(args as Parameters<CatalogSync['cleanUpSnapshots']>));
  }
}

port.on('message', (request: WriteRequest | 'close') => {
  if (request === 'close') {
    catalog.close();
    port.close();
    return;
  }
  let reply: WriteReply;
  try {
    reply = { id: request.id, ok: true, value: run(request) ?? null };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id: request.id, ok: false, name: e.name, message: e.message };
  }
  port.postMessage(reply);
});
