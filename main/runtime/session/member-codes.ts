/**
 * Which scans identify a member rather than a product: a member QR (`vitrine-member:<token>`,
 * shared/protocol/member-messages.ts) or a barcode matching one of the config's internal rules
 * marked `loyalty`. Such a scan is taken before the catalog sees it, so it is never looked up,
 * shown as "not found", written to the outbox as a scan event, or kept as the last scan.
 */
import type { KioskConfig } from '../../../kiosk-config/index.js';
import { parseBarcode } from '../../../shared/barcode/index.js';
import { MEMBER_QR_SCHEME, memberQrToken, type MemberIdentifier } from '../../../shared/protocol/index.js';

export type MemberCode =
  | { kind: 'member'; identifier: MemberIdentifier }
  /** Looks like a member code but cannot be one (a damaged or foreign QR): still not a product. */
  | { kind: 'malformed' };

/** An AIM symbology identifier some wedge scanners put before the data ("]Q1" for QR). */
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

export function memberCodeOf(text: string, barcodes: KioskConfig['barcodes']): MemberCode | null {
  const data = text.trim().replace(AIM_PREFIX, '');
  if (data.toLowerCase().startsWith(MEMBER_QR_SCHEME)) {
    const token = memberQrToken.safeParse(data.slice(MEMBER_QR_SCHEME.length));
    return token.success
      ? { kind: 'member', identifier: { kind: 'qr', value: token.data } }
      : { kind: 'malformed' };
  }
  const rules = barcodes.internalRules.filter((rule) => rule.loyalty === true);
  if (rules.length === 0) return null;
  const parsed = parseBarcode(text, { internalRules: rules });
  if (!parsed.ok || parsed.value.internal === undefined) return null;
  const value = parsed.value.internal.code;
  return /^[\x21-\x7e]{1,48}$/.test(value)
    ? { kind: 'member', identifier: { kind: 'barcode', value } }
    : { kind: 'malformed' };
}
