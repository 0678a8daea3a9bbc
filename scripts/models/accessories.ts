/** A leather tote with handles and brass hardware, and a ribbed beanie with a pom-pom. Metres, +Y up. */
import { merge, type Vec3 } from './geometry.js';
import { ellipsoid, lathe, prism, steps, superellipse, tube } from './shapes.js';
import type { Model } from './glb.js';
import { colorOf, finishes, isLight } from './palette.js';

export function tote(colorName: string | undefined): Model {
  const color = colorOf(colorName);
  const trim = isLight(color) ? '#6a4529' : '#1f1f22';
  const height = 0.26;
  // The body widens a little towards the top and thins front to back, as a soft bag does.
  const halfWidth = (y: number): number => 0.17 + 0.02 * (y / height);
  const halfDepth = (y: number): number => 0.064 - 0.014 * (y / height);
  const outline = superellipse(1, 1, 4, 64);
  const body = prism(
    outline,
    [
      { at: 0, su: 0.165, sv: 0.06 },
      { at: 0.01, su: halfWidth(0.01), sv: halfDepth(0.01) },
      ...steps(6)
        .slice(1)
        .map((t) => ({ at: height * t, su: halfWidth(height * t), sv: halfDepth(height * t) })),
    ],
    (u, v, y): Vec3 => [u, y, v],
  );
  const binding = tube(
    outline.map(([u, v]): Vec3 => [u * halfWidth(height), height, v * halfDepth(height)]),
    0.005,
    { loop: true, segments: 10 },
  );

  // A front pocket that follows the tapered face, closed with a brass clasp.
  const pocketY = 0.12;
  const pocket = prism(
    superellipse(0.125, 0.075, 5, 48),
    [{ at: -0.012 }, { at: 0.002 }, { at: 0.004, su: 0.985 }],
    (u, v, w): Vec3 => [u, pocketY + v, halfDepth(pocketY + v) + w],
  );
  const clasp = ellipsoid([0, pocketY + 0.05, halfDepth(pocketY + 0.05) + 0.008], [0.02, 0.013, 0.006], 24);

  const handles = ([1, -1] as const).map((side) =>
    tube(
      steps(28).map((t): Vec3 => {
        const angle = Math.PI * t;
        return [0.09 * Math.cos(angle), height - 0.015 + 0.14 * Math.sin(angle), side * 0.034];
      }),
      0.0085,
      { segments: 14 },
    ),
  );
  const rings = [1, -1].flatMap((x) =>
    [1, -1].map((z) =>
      tube(
        Array.from({ length: 24 }, (_, i): Vec3 => {
          const angle = (i / 24) * Math.PI * 2;
          return [x * 0.09 + 0.014 * Math.cos(angle), height + 0.006, z * 0.034 + 0.014 * Math.sin(angle)];
        }),
        0.0035,
        { loop: true, segments: 10 },
      ),
    ),
  );
  return {
    name: 'Tote bag',
    parts: [
      { name: 'body', material: finishes.leather(color), geometry: merge(body, pocket) },
      { name: 'trim', material: finishes.leather(trim), geometry: merge(binding, ...handles) },
      { name: 'hardware', material: finishes.brass(), geometry: merge(clasp, ...rings) },
    ],
  };
}

export function beanie(colorName: string | undefined): Model {
  const color = colorOf(colorName);
  const pompom = isLight(color) ? '#4b4b50' : '#efede8';
  const cuffTop = 0.066;
  const crown = 0.2;
  // The folded cuff, then a dome up to the crown.
  const profile: [number, number][] = [
    [0.088, 0],
    [0.097, 0.004],
    [0.1, 0.014],
    [0.1, cuffTop - 0.008],
    [0.098, cuffTop - 0.002],
    [0.094, cuffTop + 0.002],
    ...steps(16)
      .slice(1)
      .map((t): [number, number] => {
        const phi = (t * Math.PI) / 2;
        return [0.095 * Math.cos(phi), cuffTop + 0.004 + (crown - cuffTop) * Math.sin(phi)];
      }),
  ];
  // Knit ribs: deep on the cuff, fading out towards the crown.
  const ribs = (angle: number, y: number): number => {
    const rise = Math.min(1, (y - cuffTop) / (crown - cuffTop));
    const depth = y <= cuffTop ? 0.0022 : 0.0015 * (1 - rise) ** 1.5;
    return depth * Math.cos(36 * angle);
  };
  const hat = lathe(profile, { segments: 180, relief: ribs });
  const ball = lathe(
    steps(18).map((t): [number, number] => {
      const phi = t * Math.PI - Math.PI / 2;
      return [0.045 * Math.cos(phi), crown + 0.035 + 0.042 * Math.sin(phi)];
    }),
    {
      segments: 64,
      // Tufts: a soft bumpiness that catches the light like yarn ends.
      relief: (angle, y) => 0.0025 * Math.sin(11 * angle) * Math.sin(90 * y),
    },
  );
  const label = prism(
    superellipse(0.022, 0.012, 6, 32),
    [{ at: -0.004 }, { at: 0.003 }, { at: 0.004, su: 0.97 }],
    (u, v, w): Vec3 => [u, cuffTop / 2 + v, Math.sqrt(Math.max(0, 0.1 ** 2 - u ** 2)) + w],
  );
  return {
    name: 'Beanie',
    parts: [
      { name: 'knit', material: finishes.knit(color), geometry: hat },
      { name: 'pompom', material: finishes.knit(pompom), geometry: ball },
      { name: 'label', material: finishes.leather('#b98d5f'), geometry: label },
    ],
  };
}
