/**
 * Members as retail ops import them (admin API, or the demo set): parsed with zod, identifiers
 * hashed before anything is stored. A member QR token may be asked for as "new": the hub makes
 * one and answers it once, like the admin token; only its hash is kept.
 */
import { z } from 'zod';
import { memberQrText, memberQrToken } from '../../shared/protocol/index.js';
import type { RandomBytes } from '../fleet/secrets.js';
import type { IdentifierHasher } from './member-key.js';
import type { IdentifierHash, ImportResult, MemberInput, MemberStore } from './member-store.js';

const id = z.string().min(1).max(200);

export const memberImportSchema = z.strictObject({
  members: z
    .array(
      z
        .strictObject({
          memberId: z
            .string()
            .regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected 1-64 characters A-Z a-z 0-9 . _ - (the CRM id)'),
          firstName: z.string().trim().min(1, 'enter the first name for the greeting').max(40),
          tier: z.string().trim().min(1).max(40).optional(),
          /** The card's number, as on its stripe (and usually its barcode). */
          loyaltyNumber: z
            .string()
            .regex(/^\d{6,19}$/, 'expected the loyalty number on the card: 6-19 digits')
            .optional(),
          /** A loyalty barcode that is not simply the number. */
          barcode: z
            .string()
            .regex(/^[\x21-\x7e]{1,48}$/, 'expected 1-48 printable characters without spaces')
            .optional(),
          /** The member app's QR token, or "new" for the hub to make one. */
          qrToken: z.union([z.literal('new'), memberQrToken]).optional(),
          purchases: z
            .array(
              z.strictObject({
                productId: id,
                at: z.iso.datetime({ offset: true }),
                storeCode: id.optional(),
              }),
            )
            .max(10_000)
            .optional(),
        })
        .refine((m) => m.memberId !== m.loyaltyNumber && m.memberId !== m.barcode, {
          path: ['memberId'],
          error: 'must not be the card number or barcode: member ids are stored and shown as they are',
        }),
    )
    .min(1)
    .max(10_000),
});
export type MemberImport = z.input<typeof memberImportSchema>;

export interface MemberImportAnswer extends ImportResult {
  /** Member QR texts the hub made for "new" tokens: shown this once, only their hashes are kept. */
  qrCodes: { memberId: string; qr: string }[];
}

export async function importMembers(
  store: MemberStore,
  hash: IdentifierHasher,
  random: RandomBytes,
  input: z.output<typeof memberImportSchema>,
  now: string,
): Promise<MemberImportAnswer> {
  const qrCodes: MemberImportAnswer['qrCodes'] = [];
  const members = input.members.map((m): MemberInput => {
    const identifiers: IdentifierHash[] = [];
    if (m.loyaltyNumber !== undefined)
      identifiers.push({ kind: 'loyalty', hash: hash('loyalty', m.loyaltyNumber) });
    if (m.barcode !== undefined) identifiers.push({ kind: 'barcode', hash: hash('barcode', m.barcode) });
    if (m.qrToken !== undefined) {
      const token = m.qrToken === 'new' ? random(24).toString('base64url') : m.qrToken;
      if (m.qrToken === 'new') qrCodes.push({ memberId: m.memberId, qr: memberQrText(token) });
      identifiers.push({ kind: 'qr', hash: hash('qr', token) });
    }
    return {
      id: m.memberId,
      firstName: m.firstName,
      tier: m.tier ?? null,
      identifiers,
      purchases: (m.purchases ?? []).map((p) => ({
        productId: p.productId,
        at: new Date(p.at).toISOString(),
        storeCode: p.storeCode ?? null,
      })),
    };
  });
  const result = await store.importMembers(members, now);
  return { ...result, qrCodes };
}
