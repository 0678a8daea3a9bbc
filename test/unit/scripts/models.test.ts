/**
 * The demo models' GLB files, read back by a small independent reader of the glTF 2.0 binary
 * format (spec §4.4) and by three's own GLTFLoader, which is what the kiosk runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { Box3, Mesh, Texture } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { describe, expect, it } from 'vitest';
import { syntheticCatalog } from '../../../shared/catalog/synthetic.js';
import { parseVitrineJsonl } from '../../../shared/catalog/index.js';
import {
  buildDemoModel,
  demoModelKinds,
  withDemoModels,
  type DemoModelFile,
} from '../../../scripts/models/demo-models.js';
import { surface, type Vec3 } from '../../../scripts/models/geometry.js';
import { lathe } from '../../../scripts/models/shapes.js';
import { CHUNK_BIN, CHUNK_JSON, GLB_MAGIC, linearColor } from '../../../scripts/models/glb.js';
import { colorOf } from '../../../scripts/models/palette.js';
import { badgePicture, encodePng } from '../../../scripts/models/texture.js';
import { useTempDir } from '../../support/temp.js';

const temp = useTempDir();

interface Accessor {
  bufferView: number;
  byteOffset?: number;
  componentType: number;
  count: number;
  type: 'SCALAR' | 'VEC2' | 'VEC3';
  min?: number[];
  max?: number[];
}
interface Gltf {
  asset: { version: string };
  accessors: Accessor[];
  bufferViews: { buffer: number; byteOffset: number; byteLength: number; target?: number }[];
  buffers: { byteLength: number }[];
  meshes: {
    primitives: {
      attributes: { POSITION: number; NORMAL: number; TEXCOORD_0?: number };
      indices: number;
      material: number;
      mode: number;
    }[];
  }[];
  materials: {
    pbrMetallicRoughness: {
      baseColorFactor: number[];
      metallicFactor: number;
      roughnessFactor: number;
      baseColorTexture?: { index: number };
    };
  }[];
  images?: { bufferView: number; mimeType: string }[];
  textures?: { sampler: number; source: number }[];
}

const COMPONENT_BYTES: Record<number, number> = { 5123: 2, 5125: 4, 5126: 4 };
const COMPONENTS = { SCALAR: 1, VEC2: 2, VEC3: 3 } as const;

/** Splits a GLB into its JSON and BIN chunks, checking the header and the padding rules. */
function readGlb(bytes: Uint8Array): { json: Gltf; bin: DataView; jsonText: string } {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(data.getUint32(0, true)).toBe(GLB_MAGIC);
  expect(data.getUint32(4, true)).toBe(2);
  expect(data.getUint32(8, true)).toBe(bytes.byteLength);
  const jsonLength = data.getUint32(12, true);
  expect(data.getUint32(16, true)).toBe(CHUNK_JSON);
  expect(jsonLength % 4).toBe(0);
  const jsonText = new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength));
  // The JSON chunk is padded with spaces (0x20), never NULs, so it stays valid JSON.
  expect(jsonText).toMatch(/^\{.*\} *$/s);
  const binStart = 20 + jsonLength;
  const binLength = data.getUint32(binStart, true);
  expect(data.getUint32(binStart + 4, true)).toBe(CHUNK_BIN);
  expect(binLength % 4).toBe(0);
  expect(binStart + 8 + binLength).toBe(bytes.byteLength);
  return {
    json: JSON.parse(jsonText) as Gltf,
    bin: new DataView(bytes.buffer, bytes.byteOffset + binStart + 8, binLength),
    jsonText,
  };
}

function readAccessor(gltf: Gltf, bin: DataView, index: number): number[] {
  const accessor = gltf.accessors[index]!;
  const view = gltf.bufferViews[accessor.bufferView]!;
  const size = COMPONENT_BYTES[accessor.componentType]!;
  const start = view.byteOffset + (accessor.byteOffset ?? 0);
  const length = accessor.count * COMPONENTS[accessor.type] * size;
  // Accessor inside its view, view inside the buffer, both aligned to the component size.
  expect(start % size).toBe(0);
  expect((accessor.byteOffset ?? 0) + length).toBeLessThanOrEqual(view.byteLength);
  expect(view.byteOffset + view.byteLength).toBeLessThanOrEqual(gltf.buffers[0]!.byteLength);
  const values: number[] = [];
  for (let i = 0; i < accessor.count * COMPONENTS[accessor.type]; i++) {
    const at = start + i * size;
    values.push(
      accessor.componentType === 5126
        ? bin.getFloat32(at, true)
        : accessor.componentType === 5123
          ? bin.getUint16(at, true)
          : bin.getUint32(at, true),
    );
  }
  return values;
}

describe('the demo models as binary glTF', () => {
  for (const kind of demoModelKinds) {
    it(`${kind.name}: a valid GLB with PBR materials, exact bounds, unit normals and outward faces`, () => {
      const { glb, sha256 } = buildDemoModel(kind, 'Navy');
      expect(sha256).toBe(createHash('sha256').update(glb).digest('hex'));
      const { json, bin } = readGlb(glb);
      expect(json.asset.version).toBe('2.0');
      expect(json.buffers).toHaveLength(1);
      expect(json.buffers[0]!.byteLength).toBe(bin.byteLength);
      for (const view of json.bufferViews) expect(view.byteOffset % 4).toBe(0);
      for (const material of json.materials) {
        const pbr = material.pbrMetallicRoughness;
        expect(pbr.baseColorFactor).toHaveLength(4);
        for (const c of pbr.baseColorFactor) expect(c).toBeGreaterThanOrEqual(0);
        expect(pbr.roughnessFactor).toBeGreaterThan(0);
        expect(pbr.roughnessFactor).toBeLessThanOrEqual(1);
      }
      const primitives = json.meshes[0]!.primitives;
      expect(primitives.length).toBeGreaterThanOrEqual(3);
      let triangles = 0;
      for (const primitive of primitives) {
        expect(primitive.mode).toBe(4);
        expect(json.materials[primitive.material]).toBeDefined();
        const positions = readAccessor(json, bin, primitive.attributes.POSITION);
        const normals = readAccessor(json, bin, primitive.attributes.NORMAL);
        const indices = readAccessor(json, bin, primitive.indices);
        const vertices = positions.length / 3;
        expect(normals).toHaveLength(positions.length);
        expect(indices.length % 3).toBe(0);
        expect(Math.max(...indices)).toBeLessThan(vertices);
        const accessor = json.accessors[primitive.attributes.POSITION]!;
        for (let axis = 0; axis < 3; axis++) {
          const values = positions.filter((_, i) => i % 3 === axis);
          expect(accessor.min![axis]).toBe(Math.min(...values));
          expect(accessor.max![axis]).toBe(Math.max(...values));
        }
        for (let i = 0; i < normals.length; i += 3)
          expect(Math.hypot(normals[i]!, normals[i + 1]!, normals[i + 2]!)).toBeCloseTo(1, 4);
        // Closed parts wound counter-clockwise from outside enclose a positive volume.
        let volume = 0;
        for (let t = 0; t < indices.length; t += 3) {
          const [a, b, c] = [indices[t]!, indices[t + 1]!, indices[t + 2]!].map((v) =>
            positions.slice(v * 3, v * 3 + 3),
          );
          volume +=
            a![0]! * (b![1]! * c![2]! - b![2]! * c![1]!) -
            a![1]! * (b![0]! * c![2]! - b![2]! * c![0]!) +
            a![2]! * (b![0]! * c![1]! - b![1]! * c![0]!);
        }
        expect(volume).toBeGreaterThan(0);
        if (primitive.attributes.TEXCOORD_0 !== undefined) {
          const uvs = readAccessor(json, bin, primitive.attributes.TEXCOORD_0);
          expect(uvs).toHaveLength((positions.length / 3) * 2);
          for (const uv of uvs) expect(uv >= 0 && uv <= 1).toBe(true);
          // A texture coordinate is only worth having with a texture to read.
          expect(json.materials[primitive.material]!.pbrMetallicRoughness.baseColorTexture).toBeDefined();
        }
        triangles += indices.length / 3;
      }
      // Each texture's image is a PNG in the BIN chunk, with its media type.
      for (const texture of json.textures ?? []) {
        const image = json.images![texture.source]!;
        const view = json.bufferViews[image.bufferView]!;
        expect(image.mimeType).toBe('image/png');
        expect([...new Uint8Array(bin.buffer, bin.byteOffset + view.byteOffset, 8)]).toEqual([
          0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
        ]);
      }
      expect(triangles).toBeGreaterThan(2000);
      expect(triangles).toBeLessThan(60_000);
    });
  }

  it('loads in three.js GLTFLoader, standing on the floor at the size of the real thing', async () => {
    for (const kind of demoModelKinds) {
      const { glb } = buildDemoModel(kind, 'Tan');
      // Node has no image decoder for the badge's texture (checked with pngjs below): skip textures.
      const loader = new GLTFLoader().register(() => ({
        name: 'skip_textures',
        loadTexture: () => Promise.resolve(new Texture()),
      }));
      const gltf = await loader.parseAsync(glb.slice().buffer, '');
      const box = new Box3().setFromObject(gltf.scene);
      let meshes = 0;
      gltf.scene.traverse((object) => {
        if (object instanceof Mesh) meshes++;
      });
      expect(meshes, kind.name).toBeGreaterThanOrEqual(3);
      expect(box.min.y).toBeCloseTo(0, 3);
      // Between 10 cm and 50 cm on its longest side: shoes, bags and hats, in metres.
      const longest = Math.max(box.max.x - box.min.x, box.max.y - box.min.y, box.max.z - box.min.z);
      expect(longest, kind.name).toBeGreaterThan(0.1);
      expect(longest, kind.name).toBeLessThan(0.5);
    }
  });

  it('is the same file for the same kind and colour, and another for another colour', () => {
    const sneaker = demoModelKinds[0]!;
    expect(buildDemoModel(sneaker, 'Red').sha256).toBe(buildDemoModel(sneaker, 'Red').sha256);
    expect(buildDemoModel(sneaker, 'Red').sha256).not.toBe(buildDemoModel(sneaker, 'Blue').sha256);
  });

  it('stores colours linear, as glTF asks (sRGB #808080 is 0.216)', () => {
    expect(linearColor('#808080')).toEqual([0.21586, 0.21586, 0.21586, 1]);
    expect(linearColor('#ffffff')).toEqual([1, 1, 1, 1]);
    expect(() => linearColor('red')).toThrow(/not a #RRGGBB/);
  });
});

describe('textures', () => {
  it('the sneaker carries its badge as an embedded PNG that decodes to the painted pixels', () => {
    const { json, bin } = readGlb(buildDemoModel(demoModelKinds[0]!, 'Navy').glb);
    expect(json.textures).toHaveLength(1);
    const view = json.bufferViews[json.images![0]!.bufferView]!;
    const png = PNG.sync.read(Buffer.from(bin.buffer, bin.byteOffset + view.byteOffset, view.byteLength));
    const painted = badgePicture('#efede8', colorOf('Navy'));
    expect([png.width, png.height]).toEqual([painted.width, painted.height]);
    expect(new Uint8Array(png.data)).toEqual(painted.rgba);
    // Two colours and their blends: the ground, the mark, and anti-aliased edges between.
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(2);
  });

  it('encodes any picture losslessly', () => {
    const rgba = Uint8Array.from({ length: 7 * 3 * 4 }, (_, i) => (i * 37) % 256);
    const png = PNG.sync.read(Buffer.from(encodePng({ width: 7, height: 3, rgba })));
    expect(new Uint8Array(png.data)).toEqual(rgba);
    expect(() => encodePng({ width: 2, height: 2, rgba: new Uint8Array(3) })).toThrow(/do not match/);
  });
});

describe('geometry', () => {
  it('orients a surface outwards whichever way its rings run', () => {
    const ring = (y: number, r: number, reverse: boolean): Vec3[] => {
      const points = Array.from({ length: 12 }, (_, i): Vec3 => [
        Math.cos(i / 2) * r,
        y,
        Math.sin(i / 2) * r,
      ]);
      return reverse ? points.reverse() : points;
    };
    for (const reverse of [false, true]) {
      const g = surface([ring(0, 1, reverse), ring(1, 1, reverse)]);
      // The side vertex at +x has an outward normal (pointing +x), not an inward one.
      expect(g.normals[0]).toBeGreaterThan(0.5);
    }
  });

  it('refuses rings of different lengths and points that are not numbers', () => {
    expect(() =>
      surface([
        [
          [0, 0, 0],
          [1, 0, 0],
          [0, 0, 1],
        ],
        [
          [0, 1, 0],
          [1, 1, 0],
        ],
      ]),
    ).toThrow(/same number of points/);
    expect(() =>
      lathe([
        [1, 0],
        [Number.NaN, 1],
      ]),
    ).toThrow(/not finite/);
  });
});

describe('the demo catalog with models', () => {
  it('gives the first product of each drawable kind a model file beside the feed, named by a relative path with its hash', () => {
    const dir = temp();
    const written: DemoModelFile[] = [];
    const records = [...withDemoModels(syntheticCatalog({ products: 300 }), dir, written)];
    expect(written.map((w) => w.kind).sort()).toEqual(['beanie', 'chelsea-boot', 'sneaker', 'tote']);
    for (const file of written) {
      const bytes = readFileSync(join(dir, file.path));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      expect(file.path).toMatch(/^models\/P\d{6}-[a-z-]+\.glb$/);
      const product = records.find((r) => r.id === file.productId) as {
        media: { kind: string; url: string; sha256?: string }[];
      };
      expect(product.media.at(-1)).toMatchObject({ kind: 'model', url: file.path, sha256: file.sha256 });
    }
    // The feed stays valid: the relative model paths pass the feed parser.
    const parsed = parseVitrineJsonl(records.map((r) => JSON.stringify(r)).join('\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.batch.products.filter((p) => p.media.some((m) => m.kind === 'model'))).toHaveLength(4);
  });
});
