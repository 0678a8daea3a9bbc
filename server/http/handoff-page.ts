/**
 * GET /p/:token — the phone page a shopper opens from a kiosk's "send to phone" QR code: the
 * product, its price, and stock in the stores nearest the kiosk's. Every catalog string is
 * escaped; the page loads nothing but product images (see the CSP header).
 */
import type { FastifyInstance } from 'fastify';
import { formatMinor } from '../../shared/catalog/money.js';
import { distanceKm } from '../../shared/catalog/geo.js';
import type { PriceRecord, ProductRecord, StoreRecord } from '../../shared/catalog/types.js';
import type { HubContext } from '../hub-context.js';
import type { StockAvailability } from '../storage/hub-store.js';

const CSP =
  "default-src 'none'; img-src https:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
const NEARBY_STORES = 6;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

export function registerHandoffPage(app: FastifyInstance, hub: HubContext): void {
  app.get<{ Params: { token: string } }>('/p/:token', async (request, reply) => {
    void reply
      .header('content-security-policy', CSP)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8');
    const handoff = /^[A-Za-z0-9_-]{10,64}$/.test(request.params.token)
      ? await hub.store.getHandoff(request.params.token)
      : null;
    const now = hub.now();
    if (handoff === null) return reply.code(404).send(page('Not found', '<p>This link is not valid.</p>'));
    if (handoff.expiresAt <= now.toISOString()) {
      return reply
        .code(410)
        .send(page('Link expired', '<p>This link has expired. Scan the code at the kiosk again.</p>'));
    }
    const product = await hub.store.getProduct(handoff.productId);
    if (product === null)
      return reply.code(404).send(page('Not found', '<p>This product is no longer available.</p>'));
    const skus = handoff.sku === null ? product.variants.map((v) => v.sku) : [handoff.sku];
    const [prices, stock, stores] = await Promise.all([
      hub.store.pricesOf(skus),
      hub.store.stockOf(skus, now.toISOString()),
      hub.store.listStores(),
    ]);
    const locale = localeOf(request.headers['accept-language']);
    return reply.send(
      renderProduct({
        product,
        sku: handoff.sku,
        storeCode: handoff.storeCode,
        prices,
        stock,
        stores,
        locale,
        now,
      }),
    );
  });
}

function localeOf(header: string | undefined): string {
  const first = header?.split(',')[0]?.split(';')[0]?.trim() ?? '';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(first)) return 'en';
  try {
    return Intl.NumberFormat.supportedLocalesOf([first])[0] ?? 'en';
  } catch {
    return 'en';
  }
}

interface ProductPageData {
  product: ProductRecord;
  sku: string | null;
  storeCode: string;
  prices: PriceRecord[];
  stock: StockAvailability[];
  stores: StoreRecord[];
  locale: string;
  now: Date;
}

export function renderProduct(data: ProductPageData): string {
  const { product } = data;
  const variant = product.variants.find((v) => v.sku === data.sku) ?? product.variants[0];
  const image = [...(variant?.media ?? []), ...product.media].find(
    (m) => m.kind === 'image' && m.url.startsWith('https://'),
  );
  const parts: string[] = [];
  // The photo sits in a fixed-ratio frame, so a slow or missing image does not shift the page.
  parts.push(
    image === undefined
      ? '<div class="photo"></div>'
      : `<div class="photo"><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt ?? product.title)}"></div>`,
  );
  if (product.brand !== undefined) parts.push(`<p class="brand">${escapeHtml(product.brand)}</p>`);
  parts.push(`<h1>${escapeHtml(product.title)}</h1>`);
  const detail = [variant?.color, variant?.size].filter((v): v is string => v !== undefined);
  if (data.sku !== null && detail.length > 0)
    parts.push(`<p class="detail">${escapeHtml(detail.join(' · '))}</p>`);
  const price = priceText(data, variant?.sku);
  if (price !== null) parts.push(`<p class="price">${price}</p>`);
  parts.push('<h2>Where to find it</h2>', stockList(data));
  parts.push('<p class="hint">Show this page in any of these stores, or reserve it at the kiosk.</p>');
  return page(product.title, parts.join('\n'));
}

function priceText(data: ProductPageData, sku: string | undefined): string | null {
  if (sku === undefined) return null;
  const price =
    data.prices.find((p) => p.sku === sku && p.storeCode === data.storeCode) ??
    data.prices.find((p) => p.sku === sku && p.storeCode === null);
  if (price === undefined) return null;
  const format = (minor: number): string => {
    try {
      return escapeHtml(formatMinor(minor, price.currency, data.locale));
    } catch {
      return escapeHtml(`${String(minor)} ${price.currency}`);
    }
  };
  const now = data.now.toISOString();
  const onSale =
    price.sale !== undefined &&
    (price.saleFrom === undefined || price.saleFrom <= now) &&
    (price.saleUntil === undefined || price.saleUntil > now);
  return onSale && price.sale !== undefined
    ? `<s>${format(price.regular)}</s> <strong>${format(price.sale)}</strong>`
    : `<strong>${format(price.regular)}</strong>`;
}

function stockList(data: ProductPageData): string {
  const here = data.stores.find((s) => s.code === data.storeCode)?.location;
  const units = new Map<string, number>();
  for (const row of data.stock) units.set(row.storeCode, (units.get(row.storeCode) ?? 0) + row.available);
  const rows = data.stores
    .filter((store) => units.has(store.code))
    .map((store) => ({
      store,
      units: units.get(store.code) ?? 0,
      km: here !== undefined && store.location !== undefined ? distanceKm(here, store.location) : null,
    }))
    .sort((a, b) =>
      a.store.code === data.storeCode
        ? -1
        : b.store.code === data.storeCode
          ? 1
          : (a.km ?? 1e9) - (b.km ?? 1e9),
    )
    .slice(0, NEARBY_STORES);
  if (rows.length === 0) return '<p>No stock information.</p>';
  const items = rows.map(({ store, units: n, km }) => {
    const where =
      store.code === data.storeCode ? 'the store you are in' : km === null ? '' : `${km.toFixed(1)} km away`;
    const [state, tone] =
      n === 0 ? ['out of stock', 'out'] : n <= 3 ? ['only a few left', 'few'] : ['in stock', 'in'];
    return `<li><span><b>${escapeHtml(store.name)}</b><small>${where}</small></span><span class="state ${tone}">${state}</span></li>`;
  });
  return `<ul class="stores">${items.join('')}</ul>`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:17px/1.5 system-ui,sans-serif;margin:0 auto;max-width:34rem;padding:1rem 1.25rem 2rem;color:#1b1b1b;background:#fff}
.photo{aspect-ratio:4/3;background:#f1eee9;border-radius:16px;overflow:hidden}
.photo img{width:100%;height:100%;object-fit:cover;display:block;color:transparent}
.brand{margin:1.25rem 0 0;color:#6b6b6b;text-transform:uppercase;letter-spacing:.08em;font-size:.8rem}
h1{font-size:1.75rem;line-height:1.2;margin:.25rem 0 .5rem}.detail{margin:0;color:#444}
.price{font-size:1.6rem;margin:.75rem 0 1.5rem}.price s{color:#8a8a8a;font-size:1.1rem;margin-right:.4rem}
h2{font-size:1.1rem;margin:0 0 .5rem}.stores{list-style:none;margin:0;padding:0}
.stores li{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.85rem 0;border-top:1px solid #ece9e4}
.stores b{display:block;font-weight:600}.stores small{color:#6b6b6b}
.state{white-space:nowrap;font-size:.9rem;padding:.2rem .65rem;border-radius:999px}
.in{background:#e3f4e8;color:#1d6b36}.few{background:#fdf1dc;color:#8a5a00}.out{background:#f3f3f3;color:#6b6b6b}
.hint{margin-top:1.5rem;color:#6b6b6b;font-size:.95rem}
</style></head>
<body>${body}</body></html>`;
}
