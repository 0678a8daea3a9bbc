/**
 * The catalog writer thread, restarted when it dies. A worker can exit on its own (out of memory
 * in a huge swap, a native crash in SQLite); without a new one every later write would be refused
 * and the kiosk would silently stop syncing. The write in flight fails (the sync client retries
 * it with backoff, and a staged snapshot resumes from its last committed page); the next one goes
 * to a fresh thread.
 */
import type { SyncTarget } from './sync-store.js';
import { openCatalogWriter, type CatalogWriterThread } from './writer-thread.js';

type Reads = Pick<SyncTarget, 'cursor' | 'cursors' | 'snapshotInProgress'>;

export interface ResilientWriter extends SyncTarget {
  /** Threads started after the first one died. */
  restarts(): number;
  close(): Promise<void>;
}

export async function openResilientWriter(
  path: string,
  reads: Reads,
  onRestart: (error: unknown) => void,
  open: (path: string, reads: Reads) => Promise<CatalogWriterThread> = openCatalogWriter,
): Promise<ResilientWriter> {
  let current = await open(path, reads);
  let reopening: Promise<CatalogWriterThread> | undefined;
  let restarts = 0;
  let closed = false;

  async function writer(): Promise<CatalogWriterThread> {
    if (current.alive()) return current;
    if (closed) throw new Error('the catalog is closed');
    reopening ??= open(path, reads).then(
      (fresh) => {
        current = fresh;
        restarts++;
        reopening = undefined;
        return fresh;
      },
      (error: unknown) => {
        reopening = undefined;
        throw error;
      },
    );
    onRestart(new Error('catalog writer thread died; starting a new one'));
    return reopening;
  }

  return {
    cursor: (scope) => reads.cursor(scope),
    cursors: () => reads.cursors(),
    snapshotInProgress: (scope) => reads.snapshotInProgress(scope),
    applyChanges: async (...args) => (await writer()).applyChanges(...args),
    stageSnapshotPage: async (...args) => (await writer()).stageSnapshotPage(...args),
    finishSnapshot: async (...args) => (await writer()).finishSnapshot(...args),
    abandonSnapshot: async (...args) => (await writer()).abandonSnapshot(...args),
    cleanUpSnapshots: async (...args) => (await writer()).cleanUpSnapshots(...args),
    swapInImage: async (...args) => (await writer()).swapInImage(...args),
    exportImage: async (...args) => (await writer()).exportImage(...args),
    restarts: () => restarts,
    async close() {
      closed = true;
      await reopening?.catch(() => undefined);
      await current.close();
    },
  };
}
