/**
 * Files the runtime keeps beside the catalog: the standalone feed's applied state, and configs
 * written over by a push.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '../../shared/catalog/index.js';
import type { Catalog } from './catalog/index.js';
import type { SyncLog } from './sync/index.js';

/** Writes `text` to `path` by a rename, so a crash leaves the old file or the new one, whole. */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = `${path}.${String(process.pid)}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, path);
}

/**
 * Standalone: the catalog is the feed file next to the config, applied when it changed, so a
 * restart with a large catalog is quick. Size and modification time are checked first (as make
 * and rsync do): reading and hashing a 100,000-product feed takes about a second, which the kiosk
 * would otherwise spend at every start before its screen appears. Only when they moved is the
 * content hash compared, so a touched but identical file is not applied again either.
 */
export function applyStandaloneFeed(file: string, dataDir: string, catalog: Catalog, log: SyncLog): void {
  const stateFile = join(dataDir, 'standalone-feed.json');
  let stat: { size: number; mtimeMs: number };
  try {
    stat = statSync(file);
  } catch (error) {
    throw new Error(
      `standalone.catalogFeed: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const { size, mtimeMs } = stat;
  let applied: { size?: number; mtimeMs?: number; sha256?: string } = {};
  try {
    applied = JSON.parse(readFileSync(stateFile, 'utf8')) as typeof applied;
  } catch {
    // No state yet (first start) or an unreadable one: apply the feed.
  }
  if (applied.size === size && applied.mtimeMs === mtimeMs) return;
  const text = readFileSync(file, 'utf8');
  const sha256 = createHash('sha256').update(text).digest('hex');
  if (applied.sha256 !== sha256) {
    const parsed = parseFeed(text, { fileName: file });
    catalog.apply(parsed.batch);
    for (const problem of parsed.problems.slice(0, 20)) log.warn({ file, problem }, 'catalog feed problem');
    log.info({ file, products: parsed.batch.products.length }, 'catalog feed applied');
  }
  writeFileSync(stateFile, `${JSON.stringify({ size, mtimeMs, sha256 })}\n`);
}
