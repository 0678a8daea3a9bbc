/**
 * Sync writes on the catalog writer thread: the same results as in the caller's thread, errors
 * that keep their class, and the caller's connection free to read while a swap is under way.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog, openCatalogWriter, SyncApplyError } from '../../../../../main/runtime/catalog/index.js';
import { useTempDir } from '../../../../support/temp.js';
import { productChange } from '../sync/records.js';

const tempDir = useTempDir();

describe('the catalog writer thread', () => {
  it('applies changes and snapshots for the caller, who reads the old catalog until the swap commits', async () => {
    const path = join(tempDir(), 'catalog.db');
    const catalog = openCatalog(path);
    const writer = await openCatalogWriter(path, catalog.sync);
    try {
      expect(await writer.applyChanges('catalog', 0, 1, [productChange('A', 'Old title')])).toMatchObject({
        status: 'applied',
        cursor: 1,
      });
      expect(writer.cursor('catalog')).toBe(1); // read on the caller's connection, after the commit
      const pages = 20;
      for (let page = 0; page < pages; page++) {
        const records = Array.from({ length: 50 }, (_, i) =>
          productChange(`P${String(page * 50 + i)}`, 'Snap'),
        );
        if (page === 0) records.push(productChange('A', 'New title'));
        const progress = await writer.stageSnapshotPage('catalog', 'snap', 9, page, pages, records, 1001);
        expect(progress.nextPage).toBe(page + 1);
      }
      expect(writer.snapshotInProgress('catalog')).toMatchObject({
        nextPage: pages,
        rows: 1001,
        rowsDone: 1001,
      });
      const swap = writer.finishSnapshot('catalog');
      // The caller's thread is not held by the swap: it reads, and sees the old catalog whole.
      expect(catalog.reader.product('A')?.title).toBe('Old title');
      expect((await swap).cursor).toBe(9);
      expect(catalog.reader.product('A')?.title).toBe('New title');
      expect(catalog.reader.counts().products).toBe(1001);
      await expect(writer.stageSnapshotPage('catalog', 'other', 10, 3, 5, [])).rejects.toBeInstanceOf(
        SyncApplyError,
      );
      expect(await writer.cleanUpSnapshots(100)).toBe(false);
    } finally {
      await writer.close();
      catalog.close();
    }
  });
});
