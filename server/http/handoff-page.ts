/**
 * GET /p/:token — the phone page a shopper opens from a kiosk's "send to phone" QR code: the
 * product, its price, and stock in the stores nearest the kiosk's. Every catalog string is
 * escaped; the page loads nothing but product images (see the CSP header).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { formatMinor } from '../../shared/catalog/money.js';
import { distanceKm } from '../../shared/catalog/geo.js';
import type { PriceRecord, ProductRecord, StoreRecord } from '../../shared/catalog/types.js';
import type { HubContext } from '../hub-context.js';
import type { StockAvailability } from '../storage/hub-store.js';
import { formatInstant } from './format-instant.js';
import { receiveItem } from '../socket/outbox-answers.js';
import {
  formValues,
  parseReserveForm,
  renderConfirmation,
  renderReserveForm,
  type ReserveErrors,
  type ReserveValues,
} from './reserve-form.js';

const CSP =
  "default-src 'none'; img-src https:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'";
const NEARBY_STORES = 6;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

export function registerHandoffPage(app: FastifyInstance, hub: HubContext): void {
  // Forms post application/x-www-form-urlencoded; the platform's URLSearchParams reads it (a
  // parser plugin would add a dependency for these three lines). Small: the form has six fields.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 8 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  app.get<{ Params: { token: string } }>('/p/:token', async (request, reply) => {
    const loaded = await load(hub, request.params.token, request.headers['accept-language']);
    if (!loaded.ok) return send(reply, loaded.status, loaded.title, loaded.body);
    const values = { ...formValues({}), nonce: hub.random(18).toString('base64url') };
    return send(reply, 200, loaded.data.product.title, renderProduct(loaded.data, { values, errors: {} }));
  });

  app.post<{ Params: { token: string } }>('/p/:token/reserve', async (request, reply) => {
    const loaded = await load(hub, request.params.token, request.headers['accept-language']);
    if (!loaded.ok) return send(reply, loaded.status, loaded.title, loaded.body);
    const { data } = loaded;
    const values = formValues(request.body);
    const again = (status: number, errors: ReserveErrors) =>
      send(reply, status, data.product.title, renderProduct(data, { values, errors }));
    const parsed = parseReserveForm(values);
    if (!parsed.ok) return again(400, parsed.errors);
    const { request: form } = parsed;
    const skus = data.sku === null ? data.product.variants.map((v) => v.sku) : [data.sku];
    if (!skus.includes(form.sku)) return again(400, { sku: 'Choose one of the sizes shown.' });
    const store = data.stores.find((s) => s.code === form.store);
    if (store === undefined) return again(400, { store: 'Choose one of the stores shown.' });
    // The reservation goes through the outbox's path: the same stock check and hold, stored once
    // per (this link, nonce), so a second tap or a reload gets the same pickup code.
    // The kiosk's store was closed when the link was made (and still is): ready at its opening.
    const pickupFrom = form.store === data.storeCode ? (data.pickupFrom ?? undefined) : undefined;
    const received = await receiveItem(hub, `handoff:${data.token}`, data.storeCode, {
      kind: 'reservation',
      id: `web-${form.nonce}`,
      at: hub.now().toISOString(),
      sku: form.sku,
      storeCode: store.code,
      quantity: 1,
      name: form.name,
      contact: form.contact,
      consent: true,
      ...(pickupFrom === undefined ? {} : { pickupFrom }),
    });
    const pickupCode = received.status === 'rejected' ? undefined : received.result?.pickupCode;
    const expiresAt = received.status === 'rejected' ? undefined : received.result?.expiresAt;
    const readyFrom = received.status === 'rejected' ? undefined : received.result?.pickupFrom;
    if (pickupCode === undefined || expiresAt === undefined) {
      hub.logger.info({ token: data.token, sku: form.sku, store: store.code }, 'web reservation refused');
      return again(409, {
        store: `Sorry, that one was just taken at ${store.name}. Choose another store or size.`,
      });
    }
    hub.logger.info({ token: data.token, sku: form.sku, store: store.code }, 'web reservation stored');
    return send(
      reply,
      200,
      `Reserved: ${data.product.title}`,
      renderConfirmation({
        product: data.product,
        sku: form.sku,
        store,
        pickupCode,
        expiresAt,
        ...(readyFrom === undefined ? {} : { pickupFrom: readyFrom }),
        locale: data.locale,
        escape: escapeHtml,
      }),
    );
  });
}

function send(reply: FastifyReply, status: number, title: string, body: string): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', CSP)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page(title, body));
}

type Loaded =
  { ok: true; data: ProductPageData } | { ok: false; status: number; title: string; body: string };

/** The hand-off behind a token with what its page shows, or the page that says why not. */
async function load(hub: HubContext, token: string, acceptLanguage: string | undefined): Promise<Loaded> {
  const handoff = /^[A-Za-z0-9_-]{10,64}$/.test(token) ? await hub.store.getHandoff(token) : null;
  const now = hub.now();
  if (handoff === null)
    return { ok: false, status: 404, title: 'Not found', body: '<p>This link is not valid.</p>' };
  if (handoff.expiresAt <= now.toISOString()) {
    return {
      ok: false,
      status: 410,
      title: 'Link expired',
      body: '<p>This link has expired. Scan the code at the kiosk again.</p>',
    };
  }
  const product = await hub.store.getProduct(handoff.productId);
  if (product === null) {
    return {
      ok: false,
      status: 404,
      title: 'Not found',
      body: '<p>This product is no longer available.</p>',
    };
  }
  const skus = handoff.sku === null ? product.variants.map((v) => v.sku) : [handoff.sku];
  const [prices, stock, stores] = await Promise.all([
    hub.store.pricesOf(skus),
    hub.store.stockOf(skus, now.toISOString()),
    hub.store.listStores(),
  ]);
  return {
    ok: true,
    data: {
      token,
      product,
      sku: handoff.sku,
      storeCode: handoff.storeCode,
      prices,
      stock,
      stores,
      locale: localeOf(acceptLanguage),
      now,
      holdHours: Math.round(hub.settings.reservationHoldMs / 3600_000),
      pickupFrom:
        handoff.pickupFrom !== null && handoff.pickupFrom > now.toISOString() ? handoff.pickupFrom : null,
      action: `${new URL(hub.settings.publicUrl).pathname.replace(/\/$/, '')}/p/${token}/reserve`,
    },
  };
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
  token: string;
  product: ProductRecord;
  sku: string | null;
  storeCode: string;
  prices: PriceRecord[];
  stock: StockAvailability[];
  stores: StoreRecord[];
  locale: string;
  now: Date;
  holdHours: number;
  /** The kiosk's store is closed until then (the link was made after closing); null when open. */
  pickupFrom: string | null;
  /** Where the reserve form posts. */
  action: string;
}

export function renderProduct(
  data: ProductPageData,
  form: { values: ReserveValues; errors: ReserveErrors },
): string {
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
  const stores = nearbyStores(data);
  parts.push('<h2>Where to find it</h2>', stockList(stores));
  parts.push(
    renderReserveForm({
      product,
      sku: data.sku,
      stores,
      stock: data.stock,
      holdHours: data.holdHours,
      action: data.action,
      ...(data.pickupFrom === null ? {} : { closed: closedNote(data) }),
      ...form,
      escape: escapeHtml,
    }),
  );
  return parts.join('\n');
}

/** "Berlin Mitte is closed now": the kiosk's store, when the link was made after closing. */
function closedNote(data: ProductPageData): { storeName: string; readyFrom: string } {
  const store = data.stores.find((s) => s.code === data.storeCode);
  return {
    storeName: store?.name ?? data.storeCode,
    readyFrom: formatInstant(data.pickupFrom ?? '', data.locale, store?.timeZone),
  };
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

/** The stores with stock of the SKUs in question: the kiosk's store first, then by distance. */
function nearbyStores(data: ProductPageData): { store: StoreRecord; units: number; where: string }[] {
  const here = data.stores.find((s) => s.code === data.storeCode)?.location;
  const units = new Map<string, number>();
  for (const row of data.stock) units.set(row.storeCode, (units.get(row.storeCode) ?? 0) + row.available);
  return data.stores
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
    .slice(0, NEARBY_STORES)
    .map(({ store, units: n, km }) => ({
      store,
      units: n,
      where:
        store.code === data.storeCode
          ? 'the store you are in'
          : km === null
            ? ''
            : `${km.toFixed(1)} km away`,
    }));
}

function stockList(rows: ReturnType<typeof nearbyStores>): string {
  if (rows.length === 0) return '<p>No stock information.</p>';
  const items = rows.map(({ store, units: n, where }) => {
    const [state, tone] =
      n === 0 ? ['out of stock', 'out'] : n <= 3 ? ['only a few left', 'few'] : ['in stock', 'in'];
    return `<li><span><b>${escapeHtml(store.name)}</b><small>${escapeHtml(where)}</small></span><span class="state ${tone}">${state}</span></li>`;
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
.reserve{margin-top:2rem;padding-top:1.25rem;border-top:2px solid #1b1b1b}.reserve .hint{margin-top:0}
.closed,.ready-from{padding:.75rem 1rem;border-radius:12px;background:#fdf1dc;color:#5c3d00}
form label{display:block;font-weight:600;margin:1rem 0 .35rem}
input:not([type]),select{box-sizing:border-box;width:100%;min-height:3rem;font:inherit;padding:.6rem .8rem;border:1px solid #b9b4ad;border-radius:10px;background:#fff}
fieldset{border:0;margin:1rem 0 0;padding:0}legend{font-weight:600;margin-bottom:.35rem}
.choice{display:flex!important;gap:.75rem;align-items:center;font-weight:400!important;margin:0!important;padding:.7rem .2rem;border-top:1px solid #ece9e4}
.choice b{display:block}.choice small{color:#6b6b6b}.choice input,.consent input{width:1.4rem;height:1.4rem;flex:none}
.consent{display:flex!important;gap:.75rem;align-items:flex-start;font-weight:400!important}
button{margin-top:1.25rem;width:100%;min-height:3.25rem;font:inherit;font-weight:600;color:#fff;background:#1b1b1b;border:0;border-radius:12px}
.error{color:#b3261e;margin:.35rem 0 0;font-size:.95rem}[aria-invalid]{border-color:#b3261e}
.done{display:inline-block;margin:1rem 0 0;padding:.2rem .75rem;border-radius:999px;background:#e3f4e8;color:#1d6b36;font-weight:600}
.code{font:700 2.6rem/1.1 ui-monospace,monospace;letter-spacing:.2em;margin:.25rem 0 1rem}
@media (min-width:56rem){body:has(.photo){max-width:64rem;display:grid;grid-template-columns:1fr 1fr;column-gap:3rem;align-items:start;padding-top:2rem}
body:has(.photo)>*{grid-column:2}body:has(.photo)>.photo{grid-column:1;grid-row:1/span 30;position:sticky;top:2rem}}
</style></head>
<body>${body}</body></html>`;
}
