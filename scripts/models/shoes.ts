/**
 * A sneaker and a Chelsea boot, built as a shoemaker would: a sole cut from a foot-shaped
 * outline, an upper swept over it from heel to toe, then the details that make the kind (laces
 * and a side stripe; a shaft with elastic gores and a pull tab). Metres, +Y up, toe towards +X.
 */
import { merge, surface, type Geometry, type Vec3 } from './geometry.js';
import { ellipsoid, prism, smoothstep, steps, superellipse, tube } from './shapes.js';
import type { Model } from './glb.js';
import { colorOf, finishes, isLight, material } from './palette.js';
import { badgePicture, encodePng } from './texture.js';

interface Last {
  length: number;
  heelWidth: number;
  ballWidth: number;
  toeSpring: number;
  /** The upper's height above the sole along the foot, as [x / length, metres] keys. */
  height: readonly (readonly [number, number])[];
  /** The sole's top at x, above the floor. */
  soleTop: (last: Last, x: number) => number;
}

/** Superellipse exponent of the upper's cross-section: a little boxier than an ellipse. */
const SECTION_P = 2.4;

/** A smooth curve through [x, y] keys (cosine-eased between neighbours), flat beyond the ends. */
function curve(keys: readonly (readonly [number, number])[], x: number): number {
  const first = keys[0];
  if (first === undefined) return 0;
  if (x <= first[0]) return first[1];
  for (let i = 1; i < keys.length; i++) {
    const a = keys[i - 1];
    const b = keys[i];
    if (a === undefined || b === undefined) break;
    if (x <= b[0]) {
      const t = (1 - Math.cos(((x - a[0]) / (b[0] - a[0])) * Math.PI)) / 2;
      return a[1] + (b[1] - a[1]) * t;
    }
  }
  return keys[keys.length - 1]?.[1] ?? 0;
}

function halfWidth(last: Last, x: number): number {
  const l = last.length;
  return last.heelWidth + (last.ballWidth - last.heelWidth) * smoothstep(-0.4 * l, 0.25 * l, x);
}

/** The sole curls up towards the toe. */
function lift(last: Last, x: number): number {
  const l = last.length;
  return last.toeSpring * smoothstep(0.15 * l, 0.5 * l, x) ** 1.5;
}

function footOutline(last: Last): [number, number][] {
  return superellipse(1, 1, 2.6, 72).map(([u, v]) => {
    const x = (u * last.length) / 2;
    return [x, v * halfWidth(last, x)];
  });
}

/** A layer of the sole between two heights (functions of x), with a slight bevel at the bottom or top. */
function soleLayer(
  last: Last,
  bottom: (x: number) => number,
  top: (x: number) => number,
  bevel: 'bottom' | 'top',
): Geometry {
  const levels =
    bevel === 'bottom'
      ? [{ at: 0, su: 0.975 }, { at: 0.4 }, { at: 1 }]
      : [{ at: 0 }, { at: 0.8 }, { at: 1, su: 0.985 }];
  return prism(footOutline(last), levels, (x, z, at): Vec3 => {
    const y = bottom(x) + at * (top(x) - bottom(x));
    return [x, y + lift(last, x), z];
  });
}

/** The upper, over the sole: where it stands (`base`), how wide and how high it is at x. */
interface Upper {
  geometry: Geometry;
  base: (x: number) => number;
  width: (x: number) => number;
  height: (x: number) => number;
  /** Its surface height above (x, z), for details laid on top. */
  top: (x: number, z: number) => number;
  /** A point on its side at a fraction of its height, pushed out by `out`. */
  side: (x: number, fraction: number, sign: 1 | -1, out: number) => Vec3;
  heel: number;
  toe: number;
}

function sweepUpper(last: Last): Upper {
  const l = last.length;
  const heel = -0.495 * l;
  const toe = 0.49 * l;
  const base = (x: number): number => last.soleTop(last, x) + lift(last, x) - 0.006;
  // Near the ends the section shrinks to a point; the heel stays upright, the toe rounds off.
  const end = (x: number, heelPower: number, toePower: number): number => {
    const t = (x - heel) / (toe - heel);
    const s = Math.max(0, Math.sin(Math.PI * Math.min(1, Math.max(0, t))));
    return t < 0.5 ? s ** heelPower : s ** toePower;
  };
  const width = (x: number): number => halfWidth(last, x) * 0.97 * end(x, 0.12, 0.5);
  const height = (x: number): number => curve(last.height, x / l) * end(x, 0.1, 0.35);
  const rings = steps(30, true).map((t) => {
    const x = heel + t * (toe - heel);
    const [w, h, b] = [width(x), height(x), base(x)];
    return superellipse(1, 1, SECTION_P, 40).map(([c, s]): Vec3 => [x, b + (s > 0 ? h : 0.004) * s, w * c]);
  });
  const top = (x: number, z: number): number => {
    const q = Math.min(1, Math.abs(z) / Math.max(1e-6, width(x)));
    return base(x) + height(x) * (1 - q ** SECTION_P) ** (1 / SECTION_P);
  };
  const side = (x: number, fraction: number, sign: 1 | -1, out: number): Vec3 => {
    const z = width(x) * (1 - fraction ** SECTION_P) ** (1 / SECTION_P);
    return [x, base(x) + fraction * height(x), sign * (z + out)];
  };
  return { geometry: surface(rings), base, width, height, top, side, heel, toe };
}

/** The dark opening where the foot goes in: an oval of lining set into the top, ringed by padding. */
function collar(
  upper: Upper,
  x: number,
  radii: readonly [number, number],
): { lining: Geometry; rim: Geometry } {
  const lining = ellipsoid([x, upper.top(x, 0) - 0.004, 0], [radii[0], 0.01, radii[1]], 40);
  const path = Array.from({ length: 48 }, (_, i): Vec3 => {
    const angle = (i / 48) * Math.PI * 2;
    const px = x + Math.cos(angle) * radii[0] * 1.04;
    const pz = Math.sin(angle) * radii[1] * 1.08;
    return [px, upper.top(px, pz) + 0.001, pz];
  });
  return { lining, rim: tube(path, 0.0065, { loop: true, segments: 12 }) };
}

const SNEAKER_LAST: Last = {
  length: 0.28,
  heelWidth: 0.036,
  ballWidth: 0.05,
  toeSpring: 0.016,
  height: [
    [-0.5, 0.072],
    [-0.36, 0.068],
    [-0.18, 0.064],
    [0.0, 0.066],
    [0.16, 0.05],
    [0.32, 0.034],
    [0.5, 0.022],
  ],
  // The midsole is thicker under the heel, for cushioning.
  soleTop: (last, x) => 0.03 + 0.01 * (1 - smoothstep(-0.3 * last.length, 0.2 * last.length, x)),
};

export function sneaker(colorName: string | undefined): Model {
  const last = SNEAKER_LAST;
  const color = colorOf(colorName);
  const detail = isLight(color) ? '#23345a' : '#efede8';
  const upper = sweepUpper(last);
  const l = last.length;
  const outsole = soleLayer(
    last,
    () => 0,
    () => 0.008,
    'bottom',
  );
  const midsole = soleLayer(
    last,
    () => 0.008,
    (x) => last.soleTop(last, x),
    'top',
  );
  const { lining, rim } = collar(upper, -0.27 * l, [0.05, 0.024]);
  const laces = [-0.08, 0, 0.08, 0.16, 0.24].map((f) => {
    const x = f * l;
    const w = upper.width(x) * 0.55;
    const path = steps(10).map((t): Vec3 => {
      const z = -w + 2 * w * t;
      return [x, upper.top(x, z) + 0.002, z];
    });
    return tube(path, 0.0032, { segments: 10 });
  });
  const stripes = ([1, -1] as const).map((sign) => {
    const path = steps(20).map((t) => {
      const x = (-0.34 + 0.46 * t) * l;
      return upper.side(x, 0.28 + 0.3 * Math.sin(Math.PI * t) * (1 - 0.4 * t), sign, 0.0012);
    });
    return tube(path, (t) => 0.0042 * (1 - 0.55 * t), { segments: 10 });
  });
  // A round brand badge on each side, by the heel: the one textured part (an embedded PNG).
  const badgeX = -0.39 * l;
  const badges = ([1, -1] as const).map((sign) =>
    prism(
      superellipse(0.014, 0.014, 2, 40),
      [{ at: -0.003 }, { at: 0.0012 }, { at: 0.0016, su: 0.96 }],
      // Mirrored on the far side, so the picture reads the right way round from there too.
      (u, v, out) => upper.side(badgeX + sign * u, 0.6 + v / upper.height(badgeX), sign, out),
      { textured: true },
    ),
  );
  const badge = material('badge', '#ffffff', 0.5);
  badge.texture = encodePng(badgePicture(detail, color));
  return {
    name: 'Sneaker',
    parts: [
      {
        name: 'outsole',
        material: finishes.rubber(isLight(color) ? '#3a3a3e' : '#efede8'),
        geometry: outsole,
      },
      { name: 'midsole', material: finishes.foam('#f3f1ec'), geometry: midsole },
      { name: 'upper', material: finishes.leather(color), geometry: merge(upper.geometry, rim) },
      { name: 'lining', material: finishes.lining(), geometry: lining },
      { name: 'laces', material: finishes.fabric('#f7f6f2'), geometry: merge(...laces) },
      { name: 'details', material: finishes.leather(detail), geometry: merge(...stripes) },
      { name: 'badge', material: badge, geometry: merge(...badges) },
    ],
  };
}

const BOOT_LAST: Last = {
  length: 0.29,
  heelWidth: 0.037,
  ballWidth: 0.048,
  toeSpring: 0.01,
  height: [
    [-0.5, 0.08],
    [-0.3, 0.078],
    [0.0, 0.07],
    [0.2, 0.05],
    [0.35, 0.036],
    [0.5, 0.024],
  ],
  // A stacked heel: the sole steps up under the back of the foot.
  soleTop: (last, x) => 0.012 + 0.018 * (1 - smoothstep(-0.2 * last.length, -0.14 * last.length, x)),
};

export function chelseaBoot(colorName: string | undefined): Model {
  const last = BOOT_LAST;
  const color = colorOf(colorName);
  const upper = sweepUpper(last);
  const l = last.length;
  const sole = soleLayer(
    last,
    () => 0,
    (x) => last.soleTop(last, x),
    'bottom',
  );

  // The shaft: an oval tube rising from the back of the foot, hollow at the top.
  const y0 = upper.base(-0.3 * l) + 0.04;
  const yTop = 0.215;
  const centerX = (y: number): number => -0.3 * l + 0.07 * (y - y0);
  const oval = superellipse(0.046, 0.04, 2.2, 48);
  const levels = [
    ...steps(8).map((t) => ({ at: y0 + t * (yTop - y0), su: 1 + 0.08 * t })),
    { at: yTop + 0.003, su: 1.05 },
    { at: yTop, su: 0.96 },
    { at: yTop - 0.05, su: 0.9 },
  ];
  const shaft = prism(oval, levels, (u, v, y): Vec3 => [centerX(y) + u, y, v]);
  const lining = ellipsoid([centerX(yTop - 0.045), yTop - 0.045, 0], [0.04, 0.004, 0.034], 32);
  const yGore = (y0 + yTop) / 2 + 0.01;
  const gores = ([1, -1] as const).map((sign) =>
    ellipsoid([centerX(yGore), yGore, sign * 0.041 * 1.05], [0.017, 0.05, 0.006], 32),
  );
  const backX = centerX(yTop) - 0.046 * 1.08 - 0.002;
  const tab = tube(
    steps(12).map((t): Vec3 => [backX, yTop - 0.012 + 0.032 * Math.sin(Math.PI * t), -0.009 + 0.018 * t]),
    0.0035,
    { segments: 10 },
  );
  const welt = ([1, -1] as const).map((sign) =>
    tube(
      steps(24).map((t) => upper.side((-0.42 + 0.86 * t) * l, 0.04, sign, 0.0008)),
      0.0025,
      { segments: 8 },
    ),
  );
  return {
    name: 'Chelsea boot',
    parts: [
      { name: 'sole', material: finishes.rubber('#2b2622'), geometry: sole },
      { name: 'upper', material: finishes.leather(color), geometry: merge(upper.geometry, shaft) },
      { name: 'gores', material: finishes.fabric('#2c2c30'), geometry: merge(...gores, tab) },
      { name: 'lining', material: finishes.lining(), geometry: lining },
      {
        name: 'welt',
        material: finishes.leather(isLight(color) ? '#6a4529' : '#3b2a1e'),
        geometry: merge(...welt),
      },
    ],
  };
}
