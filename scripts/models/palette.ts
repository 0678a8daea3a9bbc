/** Colours and finishes of the demo models: the catalog's colour names as sRGB, and a few materials. */
import type { PbrMaterial } from './glb.js';

/** The synthetic catalog's colour names (shared/catalog/synthetic.ts), as a product photo shows them. */
const named: Readonly<Record<string, string>> = {
  black: '#26262a',
  white: '#efede8',
  navy: '#23345a',
  olive: '#6b6f3a',
  sand: '#d2bc96',
  burgundy: '#6e1f2f',
  grey: '#8a8d91',
  tan: '#b98d5f',
  red: '#b8352a',
  blue: '#2f6fb3',
  green: '#2f7d4f',
  cream: '#ece2cb',
  brown: '#6a4529',
  pink: '#e39cb0',
};

/** The colour for a catalog colour name; unknown names get a neutral stone. */
export function colorOf(name: string | undefined): string {
  return named[name?.toLowerCase() ?? ''] ?? '#8f8173';
}

/** Light colours need a dark detail colour to read, and dark ones a light one. */
export function isLight(hex: string): boolean {
  const value = Number.parseInt(hex.slice(1), 16);
  const luma = 0.2126 * ((value >> 16) & 255) + 0.7152 * ((value >> 8) & 255) + 0.0722 * (value & 255);
  return luma > 150;
}

export function material(name: string, color: string, roughness: number, metallic = 0): PbrMaterial {
  return { name, color, roughness, metallic };
}

export const finishes = {
  rubber: (color: string) => material('rubber', color, 0.9),
  foam: (color: string) => material('foam', color, 0.75),
  leather: (color: string) => material('leather', color, 0.55),
  knit: (color: string) => material('knit', color, 0.95),
  fabric: (color: string) => material('fabric', color, 0.85),
  lining: () => material('lining', '#2a2a2e', 0.95),
  brass: () => material('brass', '#c9a54a', 0.32, 1),
} as const;
