/**
 * The shapes the demo models are built from — prisms, lathes, balls and tubes — each a set of
 * rings handed to `surface` (geometry.ts), plus the curves that shape them.
 */
import { at, cross, dot, normalize, sub, surface, type Geometry, type Uv, type Vec3 } from './geometry.js';

export interface Level {
  /** Where along the prism's axis this ring lies. */
  at: number;
  /** The outline's scale across (u) and along (v); `sv` defaults to `su`, both to 1. */
  su?: number;
  sv?: number;
}

/**
 * A 2D outline repeated at several levels, each scaled about the outline's origin, and placed in
 * space by `place(u, v, level)`: a sole, a bag's body, a patch that follows a curved face. A
 * `textured` prism carries a picture over its outline's bounding box, upright (+v is its top).
 */
export function prism(
  outline: readonly (readonly [number, number])[],
  levels: readonly Level[],
  place: (u: number, v: number, at: number) => Vec3,
  options: { textured?: boolean } = {},
): Geometry {
  const rings = levels.map((level) =>
    outline.map(([u, v]) => place(u * (level.su ?? 1), v * (level.sv ?? level.su ?? 1), level.at)),
  );
  if (options.textured !== true) return surface(rings);
  const us = outline.map(([u]) => u);
  const vs = outline.map(([, v]) => v);
  const [u0, u1, v0, v1] = [Math.min(...us), Math.max(...us), Math.min(...vs), Math.max(...vs)];
  const uv = outline.map(([u, v]): Uv => [(u - u0) / (u1 - u0), 1 - (v - v0) / (v1 - v0)]);
  return surface(rings, { uvs: levels.map(() => uv) });
}

/** Angles 0..2π (exclusive) in `segments` steps. */
export function angles(segments: number): number[] {
  return Array.from({ length: segments }, (_, i) => (i / segments) * Math.PI * 2);
}

export interface LatheOptions {
  segments?: number;
  center?: Vec3;
  /** Squash the round section into an ellipse: x and z radius factors. */
  scale?: readonly [number, number];
  /** Radius offset by angle, for knit ribs and the like. */
  relief?: (angle: number, y: number) => number;
}

/** A profile of [radius, height] points turned around the vertical axis (a bottle, a dome, a ball). */
export function lathe(profile: readonly (readonly [number, number])[], options: LatheOptions = {}): Geometry {
  const [cx, cy, cz] = options.center ?? [0, 0, 0];
  const [sx, sz] = options.scale ?? [1, 1];
  const steps = angles(options.segments ?? 48);
  return surface(
    profile.map(([radius, y]) =>
      steps.map((angle): Vec3 => {
        const r = radius === 0 ? 0 : radius + (options.relief?.(angle, y) ?? 0);
        return [cx + Math.cos(angle) * r * sx, cy + y, cz + Math.sin(angle) * r * sz];
      }),
    ),
  );
}

/** A ball (or an ellipsoid, with `radii`) from a lathed half circle. */
export function ellipsoid(center: Vec3, radii: Vec3, segments = 32): Geometry {
  const rows = Math.max(6, Math.round(segments / 2));
  const profile = Array.from({ length: rows + 1 }, (_, i): [number, number] => {
    const phi = (i / rows) * Math.PI - Math.PI / 2;
    return [Math.cos(phi), Math.sin(phi)];
  });
  return surface(
    profile.map(([r, y]) =>
      angles(segments).map((angle): Vec3 => [
        center[0] + Math.cos(angle) * r * radii[0],
        center[1] + y * radii[1],
        center[2] + Math.sin(angle) * r * radii[2],
      ]),
    ),
  );
}

/**
 * A round tube along a path (a handle, a lace, a piping), framed by parallel transport so it
 * does not twist; `loop` closes it into a ring.
 */
export function tube(
  path: readonly Vec3[],
  radius: number | ((t: number) => number),
  options: { segments?: number; loop?: boolean } = {},
): Geometry {
  const loop = options.loop === true;
  const count = path.length;
  const tangents = path.map((_, i) => {
    const before = loop ? at(path, (i - 1 + count) % count) : at(path, Math.max(0, i - 1));
    const after = loop ? at(path, (i + 1) % count) : at(path, Math.min(count - 1, i + 1));
    return normalize(sub(after, before));
  });
  const t0 = at(tangents, 0);
  let normal = normalize(cross(t0, Math.abs(t0[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0]));
  const steps = angles(options.segments ?? 16);
  const rings = path.map((point, i) => {
    const tangent = at(tangents, i);
    normal = normalize(sub(normal, scaleVec(tangent, dot(normal, tangent))));
    const binormal = cross(tangent, normal);
    const r = typeof radius === 'number' ? radius : radius(i / (count - 1));
    return steps.map((angle): Vec3 => [
      point[0] + r * (Math.cos(angle) * normal[0] + Math.sin(angle) * binormal[0]),
      point[1] + r * (Math.cos(angle) * normal[1] + Math.sin(angle) * binormal[1]),
      point[2] + r * (Math.cos(angle) * normal[2] + Math.sin(angle) * binormal[2]),
    ]);
  });
  return surface(rings, { loop });
}

function scaleVec(v: Vec3, s: number): Vec3 {
  return [v[0] * s, v[1] * s, v[2] * s];
}

/** `count + 1` values from 0 to 1, denser near both ends when `ease` (rounded ends need more rings). */
export function steps(count: number, ease = false): number[] {
  return Array.from({ length: count + 1 }, (_, i) => {
    const t = i / count;
    return ease ? (1 - Math.cos(t * Math.PI)) / 2 : t;
  });
}

/**
 * A rounded-rectangle outline (a superellipse |x/a|^p + |z/b|^p = 1) in the horizontal plane:
 * p = 2 is an ellipse, larger p is boxier.
 */
export function superellipse(a: number, b: number, p: number, segments = 48): [number, number][] {
  return angles(segments).map((angle) => {
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    return [a * Math.sign(c) * Math.abs(c) ** (2 / p), b * Math.sign(s) * Math.abs(s) ** (2 / p)];
  });
}

export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
