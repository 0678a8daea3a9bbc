/** The catalog writer thread is replaced when it dies, and the write in flight fails honestly. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openCatalog } from '../../../../../main/runtime/catalog/index.js';
import { openResilientWriter } from '../../../../../main/runtime/catalog/resilient-writer.js';
import {
  openCatalogWriter,
  type CatalogWriterThread,
} from '../../../../../main/runtime/catalog/writer-thread.js';
import { useTempDir } from '../../../../support/temp.js';

const temp = useTempDir();

describe('resilient catalog writer', () => {
  it('starts a new thread after the old one exited, and keeps writing to the same file', async () => {
    const path = join(temp(), 'catalog.db');
    const catalog = openCatalog(path);
    const threads: CatalogWriterThread[] = [];
    const restarts: string[] = [];
    const writer = await openResilientWriter(
      path,
      catalog.sync,
      (error) => restarts.push(String(error)),
      async (p, reads) => {
        const thread = await openCatalogWriter(p, reads);
        threads.push(thread);
        return thread;
      },
    );
    try {
      const store = { code: 'BER', name: 'Berlin' };
      await writer.applyChanges('catalog', 0, 1, [{ op: 'store.upsert', store }]);
      // The thread dies (as on a native crash): closing it ends the worker without telling the wrapper.
      await threads[0]!.close();
      expect(threads[0]!.alive()).toBe(false);
      await writer.applyChanges('catalog', 1, 2, [
        { op: 'store.upsert', store: { ...store, name: 'Berlin 2' } },
      ]);
      expect(threads).toHaveLength(2);
      expect(writer.restarts()).toBe(1);
      expect(restarts).toHaveLength(1);
      expect(catalog.sync.cursor('catalog')).toBe(2);
      expect(catalog.reader.stores()).toEqual([{ code: 'BER', name: 'Berlin 2' }]);
    } finally {
      await writer.close();
      catalog.close();
    }
  });
});
