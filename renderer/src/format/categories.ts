import type { BridgeResults } from '../../../shared/bridge/contract.js';

type CategoryRow = BridgeResults['catalog.categories'][number];

export interface TopCategory {
  name: string;
  path: string;
  products: number;
  children: { name: string; path: string; products: number }[];
}

/** The catalog's category paths ("Shoes > Sneakers") as top levels with their children. */
export function categoryTree(rows: CategoryRow[]): TopCategory[] {
  const tops = new Map<string, TopCategory>();
  for (const row of rows) {
    const parts = row.path.split('>').map((p) => p.trim());
    const top = parts[0];
    if (top === undefined || top === '') continue;
    let entry = tops.get(top);
    if (entry === undefined) {
      entry = { name: top, path: top, products: 0, children: [] };
      tops.set(top, entry);
    }
    if (parts.length === 1) entry.products = Math.max(entry.products, row.products);
    else if (parts.length === 2)
      entry.children.push({ name: row.name, path: row.path, products: row.products });
  }
  for (const entry of tops.values()) {
    // Runtimes that list only leaf categories: the parent's count is its children's.
    const sum = entry.children.reduce((n, c) => n + c.products, 0);
    entry.products = Math.max(entry.products, sum);
  }
  return [...tops.values()].sort((a, b) => b.products - a.products);
}
