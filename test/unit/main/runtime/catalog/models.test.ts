/**
 * The catalog's 3D models, read for the media cache at each start: distinct, and answered from
 * the partial index of migration 0060 rather than a scan of every media row.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODELS_QUERY } from '../../../../../main/runtime/catalog/catalog.js';
import { openCatalog } from '../../../../../main/runtime/catalog/index.js';
import { latestVersion, migrations } from '../../../../../main/runtime/catalog/migrations/index.js';
import { migrate } from '../../../../../shared/storage/migrations.js';
import { useTempDir } from '../../../../support/temp.js';
import { fixtureBatch } from './fixture-batch.js';

const tempDir = useTempDir();

const MODEL = { kind: 'model' as const, url: 'models/run-1.glb', sha256: 'a'.repeat(64) };

/** The fixture catalog with a model on two products (the same file) and images beside it. */
function catalogWithModels(path: string) {
  const catalog = openCatalog(path);
  const batch = fixtureBatch();
  for (const product of batch.products) {
    if (product.id === 'RUN-1' || product.id === 'BOOT-1')
      product.media.push({ ...MODEL, alt: product.title });
  }
  catalog.apply(batch);
  return catalog;
}

describe('the catalog models', () => {
  it('are each model file once, without the images', () => {
    const catalog = catalogWithModels(join(tempDir(), 'catalog.db'));
    expect(catalog.reader.models()).toEqual([MODEL]);
    catalog.close();
  });

  it('are read from the partial index alone, without a scan of media or a sort', () => {
    const path = join(tempDir(), 'catalog.db');
    catalogWithModels(path).close();
    const db = new Database(path, { readonly: true });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${MODELS_QUERY}`).all() as { detail: string }[]).map(
      (row) => row.detail,
    );
    db.close();
    expect(plan).toEqual(['SCAN media USING COVERING INDEX media_models']);
  });

  it('gain their index when a catalog from before it is opened', () => {
    const path = join(tempDir(), 'catalog.db');
    const old = new Database(path);
    migrate(
      old,
      migrations.filter((m) => m.version < 60),
      () => new Error('unexpected'),
    );
    old.close();
    const catalog = catalogWithModels(path);
    expect(catalog.reader.models()).toEqual([MODEL]);
    catalog.close();
    const db = new Database(path, { readonly: true });
    const index = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'media_models'").pluck().get();
    expect([db.pragma('user_version', { simple: true }), index]).toEqual([
      latestVersion,
      "CREATE INDEX media_models ON media(url, sha256) WHERE kind = 'model'",
    ]);
    db.close();
  });
});
