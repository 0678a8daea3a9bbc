/**
 * Binary glTF 2.0 (.glb) from procedural geometry. Written by hand rather than with three's
 * GLTFExporter: the exporter needs browser APIs (Blob, FileReader, a canvas for textures) that a
 * Node CLI does not have, and a model of plain PBR factors needs only the few structures below
 * (glTF 2.0 spec §4.4 binary format: a 12-byte header, a JSON chunk padded with spaces and a BIN
 * chunk padded with zeros, both to 4 bytes).
 */
import type { Geometry } from './geometry.js';

export interface PbrMaterial {
  name: string;
  /** sRGB "#RRGGBB", as designers write colours; stored linear, as glTF wants. */
  color: string;
  metallic: number;
  roughness: number;
  /** A PNG multiplied with the colour (glTF 2.0 §3.9.2 baseColorTexture), drawn by the part's uvs. */
  texture?: Uint8Array;
}

export interface ModelPart {
  name: string;
  material: PbrMaterial;
  geometry: Geometry;
}

export interface Model {
  name: string;
  parts: ModelPart[];
}

export const GLB_MAGIC = 0x46546c67; // "glTF"
export const CHUNK_JSON = 0x4e4f534a; // "JSON"
export const CHUNK_BIN = 0x004e4942; // "BIN\0"

const FLOAT = 5126;
const UNSIGNED_SHORT = 5123;
const UNSIGNED_INT = 5125;
const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const TRIANGLES = 4;

/** sRGB 0-255 to linear 0-1 (IEC 61966-2-1), so a "#C0392B" red is that red on screen. */
function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function linearColor(hex: string): [number, number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) throw new RangeError(`"${hex}" is not a #RRGGBB colour`);
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => linear(Number.parseInt(part ?? '0', 16)));
  return [round(r ?? 0), round(g ?? 0), round(b ?? 0), 1];
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

const align4 = (n: number): number => (n + 3) & ~3;

/** Encodes the model as one mesh with a primitive per part, each with positions, normals and indices. */
export function encodeGlb(model: Model): Uint8Array {
  const chunks: Uint8Array[] = [];
  let binLength = 0;
  const bufferViews: Record<string, unknown>[] = [];
  const accessors: Record<string, unknown>[] = [];

  /** Appends a typed array as its own buffer view, 4-byte aligned (spec §3.6.2.4). */
  const view = (data: Float32Array | Uint16Array | Uint32Array | Uint8Array, target?: number): number => {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    bufferViews.push({
      buffer: 0,
      byteOffset: binLength,
      byteLength: bytes.byteLength,
      ...(target === undefined ? {} : { target }),
    });
    chunks.push(bytes);
    const padded = align4(bytes.byteLength);
    if (padded > bytes.byteLength) chunks.push(new Uint8Array(padded - bytes.byteLength));
    binLength += padded;
    return bufferViews.length - 1;
  };

  const materials: PbrMaterial[] = [];
  const primitives = model.parts.map((part) => {
    const { positions, normals, indices } = part.geometry;
    const vertexCount = positions.length / 3;
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < positions.length; i++) {
      const axis = i % 3;
      const value = positions[i] ?? 0;
      if (value < (min[axis] ?? 0)) min[axis] = value;
      if (value > (max[axis] ?? 0)) max[axis] = value;
    }
    accessors.push({
      bufferView: view(positions, ARRAY_BUFFER),
      componentType: FLOAT,
      count: vertexCount,
      type: 'VEC3',
      // Required for POSITION (spec §3.7.2.1); also what loaders frame the model by.
      min,
      max,
    });
    const position = accessors.length - 1;
    accessors.push({
      bufferView: view(normals, ARRAY_BUFFER),
      componentType: FLOAT,
      count: vertexCount,
      type: 'VEC3',
    });
    const normal = accessors.length - 1;
    const attributes: Record<string, number> = { POSITION: position, NORMAL: normal };
    if (part.geometry.uvs !== undefined) {
      accessors.push({
        bufferView: view(part.geometry.uvs, ARRAY_BUFFER),
        componentType: FLOAT,
        count: vertexCount,
        type: 'VEC2',
      });
      attributes.TEXCOORD_0 = accessors.length - 1;
    }
    const small = vertexCount <= 0xffff;
    accessors.push({
      bufferView: view(small ? Uint16Array.from(indices) : indices, ELEMENT_ARRAY_BUFFER),
      componentType: small ? UNSIGNED_SHORT : UNSIGNED_INT,
      count: indices.length,
      type: 'SCALAR',
    });
    const index = accessors.length - 1;
    let material = materials.indexOf(part.material);
    if (material < 0) material = materials.push(part.material) - 1;
    return { attributes, indices: index, material, mode: TRIANGLES };
  });

  // Embedded pictures: one image (a PNG in the BIN chunk), texture and sampler per textured material.
  const textures = materials.flatMap((m) => (m.texture === undefined ? [] : [m.texture]));
  const images = textures.map((png) => ({ bufferView: view(png), mimeType: 'image/png' }));
  const textureIndex = (m: PbrMaterial): number | undefined =>
    m.texture === undefined ? undefined : textures.indexOf(m.texture);

  const json = {
    asset: { version: '2.0', generator: 'Vitrine demo models (scripts/models)' },
    scene: 0,
    scenes: [{ name: model.name, nodes: [0] }],
    nodes: [{ name: model.name, mesh: 0 }],
    meshes: [{ name: model.name, primitives }],
    materials: materials.map((m) => ({
      name: m.name,
      pbrMetallicRoughness: {
        baseColorFactor: linearColor(m.color),
        metallicFactor: m.metallic,
        roughnessFactor: m.roughness,
        ...(textureIndex(m) === undefined ? {} : { baseColorTexture: { index: textureIndex(m) } }),
      },
    })),
    ...(images.length === 0
      ? {}
      : {
          images,
          // Linear filtering with mipmaps, clamped at the edges: a label, not a repeating pattern.
          samplers: [{ magFilter: 9729, minFilter: 9987, wrapS: 33071, wrapT: 33071 }],
          textures: images.map((_, source) => ({ sampler: 0, source })),
        }),
    accessors,
    bufferViews,
    buffers: [{ byteLength: binLength }],
  };

  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const jsonLength = align4(jsonBytes.byteLength);
  const total = 12 + 8 + jsonLength + 8 + binLength;
  const out = new Uint8Array(total);
  const data = new DataView(out.buffer);
  data.setUint32(0, GLB_MAGIC, true);
  data.setUint32(4, 2, true);
  data.setUint32(8, total, true);
  data.setUint32(12, jsonLength, true);
  data.setUint32(16, CHUNK_JSON, true);
  out.set(jsonBytes, 20);
  out.fill(0x20, 20 + jsonBytes.byteLength, 20 + jsonLength);
  const binStart = 20 + jsonLength;
  data.setUint32(binStart, binLength, true);
  data.setUint32(binStart + 4, CHUNK_BIN, true);
  let offset = binStart + 8;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
