/**
 * 3D models for the demo catalog: the first product of each kind the generator can draw (a
 * sneaker, a Chelsea boot, a tote, a beanie) gets a GLB in its own colour, written beside the
 * catalog and named in its media by a relative path, with its content hash. Nothing is
 * downloaded: every model is built here from code.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beanie, tote } from './accessories.js';
import { encodeGlb, type Model } from './glb.js';
import { chelseaBoot, sneaker } from './shoes.js';

export interface DemoModelKind {
  name: 'sneaker' | 'chelsea-boot' | 'tote' | 'beanie';
  /** Whether a synthetic product (category path and title) is this kind of thing. */
  fits: (category: readonly string[], title: string) => boolean;
  build: (color: string | undefined) => Model;
}

export const demoModelKinds: readonly DemoModelKind[] = [
  {
    name: 'sneaker',
    fits: (category, title) => category[1] === 'Sneakers' && /(Sneaker|Runner|Trainer)$/.test(title),
    build: sneaker,
  },
  {
    name: 'chelsea-boot',
    fits: (category, title) => category[1] === 'Boots' && /(Chelsea|Ankle) Boot$/.test(title),
    build: chelseaBoot,
  },
  {
    name: 'tote',
    fits: (category, title) => category[1] === 'Bags' && title.endsWith('Tote Bag'),
    build: tote,
  },
  { name: 'beanie', fits: (_, title) => title.endsWith(' Beanie'), build: beanie },
];

export interface DemoModelFile {
  kind: DemoModelKind['name'];
  productId: string;
  /** Relative to the folder given: `models/P000012-sneaker.glb`. */
  path: string;
  sha256: string;
  bytes: number;
}

/** Writes by a rename, so a reader never sees half a model. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const temporary = `${file}.${String(process.pid)}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

/** The GLB of one kind in one colour, and its sha-256 (hex). */
export function buildDemoModel(
  kind: DemoModelKind,
  color: string | undefined,
): { glb: Uint8Array; sha256: string } {
  const glb = encodeGlb(kind.build(color));
  return { glb, sha256: createHash('sha256').update(glb).digest('hex') };
}

/**
 * Passes synthetic catalog records through, adding a `model` medium to the first product of each
 * drawable kind and writing its file under `dir/models/`. `written` collects what was written.
 */
export function* withDemoModels(
  records: Iterable<Record<string, unknown>>,
  dir: string,
  written: DemoModelFile[] = [],
): Generator<Record<string, unknown>> {
  const pending = new Set(demoModelKinds);
  for (const record of records) {
    if (record.type === 'product' && pending.size > 0) {
      const category = Array.isArray(record.category) ? (record.category as string[]) : [];
      const title = typeof record.title === 'string' ? record.title : '';
      const kind = [...pending].find((k) => k.fits(category, title));
      if (kind !== undefined) {
        pending.delete(kind);
        yield withModel(record, kind, dir, written);
        continue;
      }
    }
    yield record;
  }
}

function withModel(
  record: Record<string, unknown>,
  kind: DemoModelKind,
  dir: string,
  written: DemoModelFile[],
): Record<string, unknown> {
  const id = String(record.id);
  const variants = Array.isArray(record.variants) ? (record.variants as { color?: unknown }[]) : [];
  const color = typeof variants[0]?.color === 'string' ? variants[0].color : undefined;
  const { glb, sha256 } = buildDemoModel(kind, color);
  const path = `models/${id}-${kind.name}.glb`;
  mkdirSync(join(dir, 'models'), { recursive: true });
  writeAtomically(join(dir, path), glb);
  written.push({ kind: kind.name, productId: id, path, sha256, bytes: glb.byteLength });
  const media = Array.isArray(record.media) ? (record.media as unknown[]) : [];
  const title = typeof record.title === 'string' ? record.title : id;
  return { ...record, media: [...media, { kind: 'model', url: path, alt: `${title}, 3D model`, sha256 }] };
}
