/**
 * Procedural geometry for the demo product models: rings of points stitched into closed
 * triangle meshes with smooth normals. Every shape here is watertight, so its orientation can be
 * checked by its signed volume (divergence theorem) and flipped when a ring ran the other way:
 * the shapes below never have to care which way round they were described.
 */

export type Vec3 = readonly [number, number, number];
export type Ring = readonly Vec3[];

export interface Geometry {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  /** Texture coordinates, for parts that carry a picture (a label, a badge). */
  uvs?: Float32Array;
}

export type Uv = readonly [number, number];

export interface SurfaceOptions {
  /** The last ring joins the first (a handle, a collar); otherwise both ends are capped flat. */
  loop?: boolean;
  /** A texture coordinate for every ring point (same shape as the rings); caps reuse them. */
  uvs?: readonly (readonly Uv[])[];
}

const EPSILON = 1e-9;

export function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
export function normalize(v: Vec3): Vec3 {
  const length = Math.hypot(v[0], v[1], v[2]);
  return length < EPSILON ? [0, 1, 0] : [v[0] / length, v[1] / length, v[2] / length];
}

export function at(points: readonly Vec3[], index: number): Vec3 {
  const point = points[index];
  if (point === undefined) throw new RangeError(`no point ${String(index)}`);
  return point;
}

function centroid(ring: Ring): Vec3 {
  const sum = ring.reduce<Vec3>((s, p) => [s[0] + p[0], s[1] + p[1], s[2] + p[2]], [0, 0, 0]);
  return [sum[0] / ring.length, sum[1] / ring.length, sum[2] / ring.length];
}

/** A ring whose points all coincide: the pole of a lathe, the tip of a loft. */
function collapsed(ring: Ring): boolean {
  const c = centroid(ring);
  return ring.every((p) => Math.hypot(...sub(p, c)) < 1e-7);
}

/**
 * Stitches rings of equal length into one closed surface: neighbouring rings by quads, and the
 * first and last ring by flat caps (with their own vertices, so the rim keeps a crisp edge) unless
 * `loop` joins them.
 */
export function surface(rings: readonly Ring[], options: SurfaceOptions = {}): Geometry {
  const first = rings[0];
  if (first === undefined || rings.length < 2) throw new RangeError('a surface needs two rings or more');
  const n = first.length;
  if (n < 3 || rings.some((ring) => ring.length !== n))
    throw new RangeError('every ring needs the same number of points, 3 or more');
  const points: Vec3[] = rings.flat();
  if (!points.every((p) => p.every(Number.isFinite)))
    throw new RangeError('a ring has a point that is not finite');
  const uvs: Uv[] | undefined = options.uvs?.flat();
  if (uvs !== undefined && uvs.length !== points.length)
    throw new RangeError('texture coordinates must match the rings point for point');
  const triangles: [number, number, number][] = [];
  const ringCount = options.loop === true ? rings.length : rings.length - 1;
  for (let r = 0; r < ringCount; r++) {
    const next = (r + 1) % rings.length;
    for (let i = 0; i < n; i++) {
      const a = r * n + i;
      const b = r * n + ((i + 1) % n);
      const c = next * n + ((i + 1) % n);
      const d = next * n + i;
      triangles.push([a, b, c], [a, c, d]);
    }
  }
  if (options.loop !== true) {
    for (const r of [0, rings.length - 1]) {
      const ring = rings[r] ?? first;
      if (collapsed(ring)) continue;
      const center = points.push(centroid(ring)) - 1;
      const start = points.length;
      points.push(...ring);
      if (uvs !== undefined) {
        const own = uvs.slice(r * n, r * n + n);
        const mean: Uv = [
          own.reduce((sum, uv) => sum + uv[0], 0) / n,
          own.reduce((sum, uv) => sum + uv[1], 0) / n,
        ];
        uvs.push(mean, ...own);
      }
      for (let i = 0; i < n; i++) triangles.push([center, start + i, start + ((i + 1) % n)]);
    }
  }

  // Six times the signed volume: negative when the triangles wind inwards.
  const volume = triangles.reduce(
    (sum, [a, b, c]) => sum + dot(at(points, a), cross(at(points, b), at(points, c))),
    0,
  );
  if (volume < 0) for (const t of triangles) [t[1], t[2]] = [t[2], t[1]];

  const sums: [number, number, number][] = points.map(() => [0, 0, 0]);
  for (const [a, b, c] of triangles) {
    const pa = at(points, a);
    // Not normalized: a larger triangle weighs more in the vertex normals it shares.
    const face = cross(sub(at(points, b), pa), sub(at(points, c), pa));
    for (const index of [a, b, c]) {
      const sum = sums[index];
      if (sum === undefined) continue;
      sum[0] += face[0];
      sum[1] += face[1];
      sum[2] += face[2];
    }
  }
  // A collapsed ring is one point drawn n times: give every copy the same (averaged) normal.
  rings.forEach((ring, r) => {
    if (!collapsed(ring)) return;
    const copies = sums.slice(r * n, r * n + n);
    const average = copies.reduce<Vec3>((s, v) => [s[0] + v[0], s[1] + v[1], s[2] + v[2]], [0, 0, 0]);
    for (let i = 0; i < n; i++) sums[r * n + i] = [average[0], average[1], average[2]];
  });

  return {
    positions: Float32Array.from(points.flat()),
    normals: Float32Array.from(sums.flatMap((sum) => normalize(sum))),
    indices: Uint32Array.from(triangles.flat()),
    ...(uvs === undefined ? {} : { uvs: Float32Array.from(uvs.flat()) }),
  };
}

/** Several shapes as one geometry (one draw call per material); texture coordinates if all have them. */
export function merge(...parts: Geometry[]): Geometry {
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  const uvs: number[] = [];
  for (const part of parts) {
    const base = positions.length / 3;
    positions.push(...part.positions);
    normals.push(...part.normals);
    if (part.uvs !== undefined) uvs.push(...part.uvs);
    for (const index of part.indices) indices.push(base + index);
  }
  return {
    positions: Float32Array.from(positions),
    normals: Float32Array.from(normals),
    indices: Uint32Array.from(indices),
    ...(parts.every((part) => part.uvs !== undefined) ? { uvs: Float32Array.from(uvs) } : {}),
  };
}
