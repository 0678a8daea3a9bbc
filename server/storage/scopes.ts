/**
 * Change-log scopes (shared/protocol messages.ts): `catalog` holds products, stores and default
 * prices; `store:<code>` holds that store's own prices and its stock.
 */
export const CATALOG_SCOPE = 'catalog';

export function storeScope(code: string): string {
  return `store:${code}`;
}
