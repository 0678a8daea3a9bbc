/**
 * Catalog sync writes on a worker thread. A snapshot swap of a large catalog is one transaction
 * of several seconds; run on the runtime's own thread it would stop everything else there —
 * bridge calls, scans, the socket — for that long. On its own thread, with its own connection,
 * it does not: the runtime keeps reading the old catalog (WAL) until the swap commits, and the
 * device receives and validates the next pages while the last ones are written.
 *
 * Reads the sync client makes often (cursors, staged progress) stay on the caller's connection;
 * they see each write once it has committed.
 */
import { Worker } from 'node:worker_threads';
import { SyncApplyError, type CatalogSync, type SyncTarget } from './sync-store.js';
import type { WriteMethod, WriteReply, WriteRequest } from './writer-worker.js';

export interface CatalogWriterThread extends SyncTarget {
  /** False once the thread has exited or failed: every write is refused from then on. */
  alive(): boolean;
  close(): Promise<void>;
}

/** Starts the writer thread on the catalog file at `path`; `reads` is the caller's connection. */
export async function openCatalogWriter(
  path: string,
  reads: Pick<CatalogSync, 'cursor' | 'cursors' | 'snapshotInProgress'>,
): Promise<CatalogWriterThread> {
  // Run from TypeScript sources (tsx) or from built JavaScript, whichever this module is.
  const typescript = import.meta.url.endsWith('.ts');
  const worker = new Worker(new URL('./writer-worker-boot.mjs', import.meta.url), {
    workerData: {
      path,
      module: new URL(`./writer-worker.${typescript ? 'ts' : 'js'}`, import.meta.url).href,
    },
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failure: Error | undefined;
  worker.on('message', (reply: WriteReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.value);
    else {
      // The catalog's own refusals keep their class, so callers can tell them from failures.
      const error =
        reply.name === 'SyncApplyError' ? new SyncApplyError(reply.message) : new Error(reply.message);
      waiter?.reject(error);
    }
  });
  const fail = (error: Error): void => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    fail(new Error(`catalog writer thread exited (${String(code)})`));
  });
  const call = <T>(method: WriteMethod, args: unknown[]): Promise<T> => {
    if (failure !== undefined) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, {
        resolve: (value) => {
          resolve(value as T);
        },
        reject,
      });
      const request: WriteRequest = { id, method, args };
      worker.postMessage(request);
    });
  };
  // The thread has opened the file (and migrated it) once it answers a first, harmless call.
  await call('cleanUpSnapshots', [0]);
  return {
    cursor: (scope) => reads.cursor(scope),
    cursors: () => reads.cursors(),
    snapshotInProgress: (scope) => reads.snapshotInProgress(scope),
    applyChanges: (...args) => call('applyChanges', args),
    stageSnapshotPage: (...args) => call('stageSnapshotPage', args),
    finishSnapshot: (...args) => call('finishSnapshot', args),
    abandonSnapshot: (...args) => call('abandonSnapshot', args),
    cleanUpSnapshots: (...args) => call('cleanUpSnapshots', args),
    swapInImage: (...args) => call('swapInImage', args),
    exportImage: (...args) => call('exportImage', args),
    alive: () => failure === undefined,
    async close() {
      if (failure !== undefined) return;
      const exited = new Promise<void>((resolve) =>
        worker.once('exit', () => {
          resolve();
        }),
      );
      worker.postMessage('close');
      await exited;
    },
  };
}
