/**
 * The reserve form's rules, for the kiosk's reserve screen and the shop window's alike: which
 * fields are wrong before sending, and which ones the runtime refused after. Both answer with
 * field names and leave the wording to each screen, since each speaks from its own namespace.
 *
 * The runtime checks the same rules (shared/bridge/contract.ts, reserveArgs); checking here first
 * only saves a round trip and puts the message by the field.
 */
import { BridgeError } from '../../../shared/bridge/client.js';
import { fieldErrors } from '../bridge/field-errors.js';

export type ContactKind = 'phone' | 'email';
/** Where a message can stand: by a field, or `form`, above the submit button. */
export type ReserveField = 'store' | 'name' | 'contact' | 'consent' | 'form';
/** What a field that was left wrong needs, as the `errors.<key>` both namespaces word. */
export type ReserveProblem = 'store' | 'name' | 'phone' | 'email' | 'consent';
/** The messages a screen shows, worded in its own namespace, by the field each belongs to. */
export type ReserveErrors = Partial<Record<ReserveField, string>>;

export const NAME_MAX_LENGTH = 100;
/** A phone number fits reserveArgs' pattern in 20 characters; an address is given more room. */
export function contactMaxLength(kind: ContactKind): number {
  return kind === 'phone' ? 20 : 200;
}

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
// A rough check: the runtime's z.email() has the last word, and what it refuses still comes back
// by the field (refusedFields).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export interface ReserveDraft {
  /** The store to pick up from; null while none can be chosen. */
  store: string | null;
  name: string;
  kind: ContactKind;
  contact: string;
  consent: boolean;
}

/** The fields the shopper has left wrong, each with what it needs. */
export function invalidFields(draft: ReserveDraft): Map<ReserveField, ReserveProblem> {
  const out = new Map<ReserveField, ReserveProblem>();
  if (draft.store === null) out.set('store', 'store');
  if (draft.name.trim() === '') out.set('name', 'name');
  if (!(draft.kind === 'phone' ? PHONE : EMAIL).test(draft.contact.trim())) out.set('contact', draft.kind);
  if (!draft.consent) out.set('consent', 'consent');
  return out;
}

/**
 * The fields a `session.reserve` refusal names, each with the runtime's first message for it (in
 * English, for logs); a path the form has no field for goes to `form`. Empty when the error is no
 * refusal of the arguments, or names no field.
 */
export function refusedFields(error: unknown): Map<ReserveField, string> {
  const out = new Map<ReserveField, string>();
  if (!(error instanceof BridgeError && error.code === 'invalid-call')) return out;
  for (const [path, text] of fieldErrors('session.reserve', error.message)) {
    const field = fieldOf(path);
    if (!out.has(field)) out.set(field, text);
  }
  return out;
}

function fieldOf(path: string): ReserveField {
  if (path === 'name' || path === 'consent') return path;
  if (path.startsWith('contact')) return 'contact';
  if (path === 'storeCode') return 'store';
  return 'form';
}
