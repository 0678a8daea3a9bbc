/**
 * Colours for things the feed names in words: swatches ("Navy") and the soft tiles that stand in
 * for product photos, which are usually feed URLs the kiosk cannot reach while offline.
 */

const named: Record<string, string> = {
  black: '#1f1f22',
  white: '#f7f6f2',
  navy: '#1f2d4f',
  olive: '#6b6f3a',
  sand: '#d8c3a0',
  burgundy: '#6e1f2f',
  grey: '#8a8d91',
  gray: '#8a8d91',
  charcoal: '#3b3e43',
  tan: '#c19a6b',
  red: '#c0392b',
  blue: '#2f6fb3',
  green: '#2f7d4f',
  cream: '#f1e8d2',
  brown: '#6f4a2f',
  pink: '#e8a1b3',
  beige: '#e2d3b5',
  khaki: '#b9a97a',
  yellow: '#e8c547',
  orange: '#e07b39',
  purple: '#6d4c8f',
  lilac: '#b9a2d0',
  silver: '#c0c3c7',
  gold: '#c9a54a',
  ivory: '#f4efe1',
  camel: '#b98a54',
  teal: '#2a7f7f',
  mint: '#a8d8c0',
  coral: '#ec7a65',
  rust: '#a4502a',
  stone: '#b5ada1',
  taupe: '#8f8173',
  natural: '#e6dac3',
};

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The CSS colour of a named colour; a stable made-up one for names we do not know. */
export function colorOf(name: string): string {
  const words = name.toLowerCase().split(/[\s/-]+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const known = named[words[i] ?? ''];
    if (known !== undefined) return known;
  }
  return `hsl(${hash(name) % 360} 32% 58%)`;
}

export function isKnownColor(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[\s/-]+/)
    .some((w) => w in named);
}

/**
 * The tint of a product's stand-in tile: its colour when the feed names one, else a hue derived
 * from its id, so the same product always looks the same and neighbours differ.
 */
export function tileColor(seed: string, colorName?: string): string {
  if (colorName !== undefined && isKnownColor(colorName)) return colorOf(colorName);
  return `hsl(${hash(seed) % 360} 30% 62%)`;
}
