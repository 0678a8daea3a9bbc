/**
 * The reserve form of the hand-off page: a shopper who scanned the kiosk's QR code holds one
 * unit in a store from their phone. The form works without script (the page's CSP allows none):
 * the hub checks it, and answers with the form again, each problem beside its field, or with the
 * pickup code. A hidden nonce makes the reservation's id, so a double tap or a reload of the
 * answer stores it once and shows the same code (the outbox's exactly-once rule).
 */
import { z } from 'zod';
import type { ProductRecord, StoreRecord } from '../../shared/catalog/types.js';
import type { StockAvailability } from '../storage/hub-store.js';
import { formatInstant } from './format-instant.js';

export const RESERVE_FIELDS = ['nonce', 'sku', 'store', 'name', 'contact', 'consent'] as const;
export type ReserveField = (typeof RESERVE_FIELDS)[number];

export type ReserveValues = Record<ReserveField, string>;
export type ReserveErrors = Partial<Record<ReserveField, string>>;

const phonePattern = /^\+?[0-9 ()-]{6,20}$/;

const formSchema = z.object({
  nonce: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, 'This form is out of date. Reload the page and try again.'),
  sku: z.string().min(1, 'Choose a size.').max(200),
  store: z.string().min(1, 'Choose a store.').max(200),
  name: z.string().trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.'),
  contact: z
    .string()
    .trim()
    .min(1, 'Enter an email address or a mobile number.')
    .max(200)
    .refine((text) => (text.includes('@') ? z.email().safeParse(text).success : phonePattern.test(text)), {
      message: 'Enter an email address (name@example.com) or a mobile number (+49 30 1234567).',
    }),
  consent: z.literal('on', { error: 'Tick the box so the store can tell you when it is ready.' }),
});

export type ReserveRequest = Omit<z.infer<typeof formSchema>, 'contact' | 'consent'> & {
  contact: { email: string } | { phone: string };
};

/** Every field as a string ('' when absent), from a form body already parsed to an object. */
export function formValues(body: unknown): ReserveValues {
  const source = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const values = {} as ReserveValues;
  for (const field of RESERVE_FIELDS) {
    const value = source[field];
    values[field] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** The request, or the problems of each field in the shopper's words. */
export function parseReserveForm(
  values: ReserveValues,
): { ok: true; request: ReserveRequest } | { ok: false; errors: ReserveErrors } {
  const parsed = formSchema.safeParse(values);
  if (!parsed.success) {
    const errors: ReserveErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ReserveField;
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const { contact, consent: _consent, ...rest } = parsed.data;
  return {
    ok: true,
    request: { ...rest, contact: contact.includes('@') ? { email: contact } : { phone: contact } },
  };
}

export interface FormContext {
  product: ProductRecord;
  /** The variant the kiosk sent, or null: the shopper picks the size. */
  sku: string | null;
  /** Stores to offer, nearest first, with units available of the SKUs in question. */
  stores: { store: StoreRecord; units: number; where: string }[];
  stock: StockAvailability[];
  holdHours: number;
  /** The kiosk's store is closed now: a reservation there is ready at its next opening. */
  closed?: { storeName: string; readyFrom: string };
  /** Where the form posts (the hub's path of this link's reserve handler). */
  action: string;
  values: ReserveValues;
  errors: ReserveErrors;
  escape: (text: string) => string;
}

/** The form's HTML; a line saying why when there is nothing to reserve. */
export function renderReserveForm(c: FormContext): string {
  const e = c.escape;
  const offered = c.stores.filter((s) => s.units > 0);
  if (offered.length === 0) {
    return '<section class="reserve"><h2>Reserve</h2><p>None left nearby to reserve right now.</p></section>';
  }
  const firstError = RESERVE_FIELDS.find((field) => c.errors[field] !== undefined);
  const problem = (field: ReserveField): string => {
    const message = c.errors[field];
    return message === undefined ? '' : `<p class="error" id="${field}-error">${e(message)}</p>`;
  };
  const aria = (field: ReserveField): string =>
    `${c.errors[field] === undefined ? '' : ` aria-invalid="true" aria-describedby="${field}-error"`}${firstError === field ? ' autofocus' : ''}`;

  const parts: string[] = [];
  if (c.errors.nonce !== undefined) parts.push(problem('nonce'));
  parts.push(`<input type="hidden" name="nonce" value="${e(c.values.nonce)}">`);
  if (c.sku !== null || c.product.variants.length === 1) {
    parts.push(`<input type="hidden" name="sku" value="${e(c.sku ?? c.product.variants[0]?.sku ?? '')}">`);
  } else {
    const options = c.product.variants.map((variant) => {
      const label = [variant.color, variant.size, variant.title].filter((v) => v !== undefined).join(' · ');
      const units = c.stock.filter((s) => s.sku === variant.sku).reduce((n, s) => n + s.available, 0);
      const selected = c.values.sku === variant.sku ? ' selected' : '';
      return `<option value="${e(variant.sku)}"${selected}${units === 0 ? ' disabled' : ''}>${e(label || variant.sku)}${units === 0 ? ' (sold out)' : ''}</option>`;
    });
    parts.push(
      `<label for="sku">Size</label><select id="sku" name="sku"${aria('sku')}><option value="">Choose…</option>${options.join('')}</select>`,
      problem('sku'),
    );
  }
  const chosen = c.values.store === '' ? offered[0]?.store.code : c.values.store;
  const choices = offered.map(({ store, where }) => {
    const checked = store.code === chosen ? ' checked' : '';
    return `<label class="choice"><input type="radio" name="store" value="${e(store.code)}"${checked}><span><b>${e(store.name)}</b><small>${e(where)}</small></span></label>`;
  });
  parts.push(
    `<fieldset${aria('store')}><legend>Store</legend>${choices.join('')}</fieldset>`,
    problem('store'),
    `<label for="name">Your name</label><input id="name" name="name" autocomplete="name" maxlength="100" value="${e(c.values.name)}"${aria('name')}>`,
    problem('name'),
    `<label for="contact">Email or mobile number</label><input id="contact" name="contact" autocomplete="email" inputmode="email" maxlength="200" value="${e(c.values.contact)}"${aria('contact')}>`,
    problem('contact'),
    `<label class="consent"><input type="checkbox" name="consent"${c.values.consent === 'on' ? ' checked' : ''}${aria('consent')}> The store may contact me about this reservation.</label>`,
    problem('consent'),
    `<button type="submit">Reserve for ${String(c.holdHours)} hours</button>`,
  );
  const closed =
    c.closed === undefined
      ? ''
      : `<p class="closed">${e(c.closed.storeName)} is closed right now. Reserve there and it is ready for you from ${e(c.closed.readyFrom)}, held for ${String(c.holdHours)} hours from then.</p>`;
  return `<section class="reserve"><h2>Reserve to try on</h2><p class="hint">One item, held for you free of charge. Pay only if you take it.</p>${closed}<form method="post" action="${e(c.action)}" novalidate>${parts.join('')}</form></section>`;
}

export interface Confirmation {
  product: ProductRecord;
  sku: string;
  store: StoreRecord;
  pickupCode: string;
  expiresAt: string;
  /** Reserved while the store was closed: ready from this opening. */
  pickupFrom?: string;
  locale: string;
  escape: (text: string) => string;
}

/** The answer to a reservation: the pickup code, where, and until when (in the store's time). */
export function renderConfirmation(c: Confirmation): string {
  const e = c.escape;
  const variant = c.product.variants.find((v) => v.sku === c.sku);
  const detail = [variant?.color, variant?.size].filter((v): v is string => v !== undefined).join(' · ');
  const until = formatInstant(c.expiresAt, c.locale, c.store.timeZone);
  const from = c.pickupFrom === undefined ? null : formatInstant(c.pickupFrom, c.locale, c.store.timeZone);
  const address = [c.store.address, c.store.city].filter((v): v is string => v !== undefined).join(', ');
  return [
    '<p class="done">Reserved</p>',
    `<h1>${e(c.product.title)}</h1>`,
    detail === '' ? '' : `<p class="detail">${e(detail)}</p>`,
    '<p class="hint">Your pickup code</p>',
    `<p class="code">${e(c.pickupCode)}</p>`,
    from === null
      ? `<p>Show this code at <b>${e(c.store.name)}</b>${address === '' ? '' : ` (${e(address)})`} before ${e(until)}.</p>`
      : `<p class="ready-from">Ready for you from ${e(from)}: show this code at <b>${e(c.store.name)}</b>${address === '' ? '' : ` (${e(address)})`} before ${e(until)}.</p>`,
    '<p class="hint">Keep this page, or take a screenshot of it.</p>',
  ].join('\n');
}
