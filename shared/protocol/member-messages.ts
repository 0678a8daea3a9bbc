/**
 * Loyalty members over the device namespace: live requests with acks, never queued in the
 * outbox, because a member's identity must not be written to the kiosk's disk (nothing personal
 * outlives the shopper's session there). Offline, a kiosk simply has no member features.
 *
 * The device sends what identifies the member, reduced on the device: a magnetic stripe becomes
 * the loyalty number alone (never track data), a loyalty barcode its text, a member QR its token.
 * The hub answers with a short-lived session token; every later request names that session, so
 * the identifier crosses the network once. What the hub answers depends on the consent recorded
 * for the session (GDPR Art. 25(2): nothing personal without a yes): suggestions and history
 * only after a yes to personalization; member prices whatever the answer (refusing profiling
 * must cost nothing: the Norwegian Elkjøp ruling).
 */
import { z } from 'zod';
import { errorSchema } from './messages.js';

const id = z.string().min(1).max(200);
const instant = z.iso.datetime({ offset: true });

/** What the member QR shows: this scheme, then the token (see `memberQrText`). */
export const MEMBER_QR_SCHEME = 'vitrine-member:';
export const memberQrToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,64}$/, 'expected a member QR token (22-64 characters A-Z a-z 0-9 _ -)');

/** The text a member QR encodes for `token`. */
export function memberQrText(token: string): string {
  return `${MEMBER_QR_SCHEME}${token}`;
}

export const memberIdentifierSchema = z.discriminatedUnion('kind', [
  /** The loyalty number read from a card's stripe (only the number: the device drops the rest). */
  z.strictObject({
    kind: z.literal('card'),
    value: z.string().regex(/^\d{6,19}$/, 'expected a loyalty number of 6-19 digits'),
  }),
  /** A loyalty barcode (a scan matching a `loyalty` rule of the config's barcodes.internalRules). */
  z.strictObject({
    kind: z.literal('barcode'),
    value: z.string().regex(/^[\x21-\x7e]{1,48}$/, 'expected 1-48 printable characters'),
  }),
  /** The token of a member QR (`vitrine-member:<token>`), as the member app shows it. */
  z.strictObject({ kind: z.literal('qr'), value: memberQrToken }),
]);
export type MemberIdentifier = z.infer<typeof memberIdentifierSchema>;

/** The hub's handle on one identified member at one kiosk, until the session ends or expires. */
export const memberSessionToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{32,64}$/, 'expected a member session token');

/** What a kiosk may show of a member, consent or not. */
export const memberProfileSchema = z.strictObject({
  /** The first name for "Welcome back, Anna". */
  greetingName: z.string().min(1).max(40),
  tier: z.string().min(1).max(40).optional(),
  /** Members pay member prices; shown whatever the shopper answers to personalization. */
  memberPricing: z.literal(true),
});
export type MemberProfile = z.infer<typeof memberProfileSchema>;

const errorAnswer = z.strictObject({ kind: z.literal('error'), error: errorSchema });
/** The session is over on the hub (ended, expired, or never this device's): identify again. */
const endedAnswer = z.strictObject({ kind: z.literal('ended') });
/** Refused because the consent recorded for the session does not allow it. */
const notAllowedAnswer = z.strictObject({ kind: z.literal('not-allowed'), message: z.string().max(500) });

export const memberIdentifyRequestSchema = z.strictObject({ identifier: memberIdentifierSchema });
export type MemberIdentifyRequest = z.infer<typeof memberIdentifyRequestSchema>;

export const memberIdentifyResponseSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('member'),
    session: memberSessionToken,
    member: memberProfileSchema,
  }),
  /** No member has this identifier. */
  z.strictObject({ kind: z.literal('unknown') }),
  errorAnswer,
]);
export type MemberIdentifyResponse = z.infer<typeof memberIdentifyResponseSchema>;

/** The shopper's answers, one per purpose (granular consent); false for a question not asked. */
export const memberConsentRequestSchema = z.strictObject({
  session: memberSessionToken,
  personalization: z.boolean(),
  marketing: z.boolean(),
});
export type MemberConsentRequest = z.infer<typeof memberConsentRequestSchema>;

export const memberConsentResponseSchema = z.discriminatedUnion('kind', [
  /** Kept on the hub as a record with its time, device and store. */
  z.strictObject({ kind: z.literal('recorded'), at: instant }),
  endedAnswer,
  errorAnswer,
]);
export type MemberConsentResponse = z.infer<typeof memberConsentResponseSchema>;

export const suggestionKindSchema = z.enum(['for-you', 'cross-sell', 'up-sell']);
export type SuggestionKind = z.infer<typeof suggestionKindSchema>;

/** Suggestions for the home screen, or (with `productId`) around one product. */
export const memberSuggestionsRequestSchema = z.strictObject({
  session: memberSessionToken,
  productId: id.optional(),
  limit: z.number().int().min(1).max(24).optional(),
});
export type MemberSuggestionsRequest = z.infer<typeof memberSuggestionsRequestSchema>;

export const memberSuggestionsResponseSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('suggestions'),
    groups: z.array(z.strictObject({ kind: suggestionKindSchema, productIds: z.array(id).max(24) })).max(3),
  }),
  notAllowedAnswer,
  endedAnswer,
  errorAnswer,
]);
export type MemberSuggestionsResponse = z.infer<typeof memberSuggestionsResponseSchema>;

/** A product the member looked at, for their history (only after a yes to personalization). */
export const memberViewRequestSchema = z.strictObject({ session: memberSessionToken, productId: id });
export type MemberViewRequest = z.infer<typeof memberViewRequestSchema>;

export const memberViewResponseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('recorded') }),
  notAllowedAnswer,
  endedAnswer,
  errorAnswer,
]);
export type MemberViewResponse = z.infer<typeof memberViewResponseSchema>;

/** The shopper is done or signed out: the session token stops working at once. */
export const memberEndRequestSchema = z.strictObject({ session: memberSessionToken });
export type MemberEndRequest = z.infer<typeof memberEndRequestSchema>;

export const memberEndResponseSchema = z.discriminatedUnion('kind', [endedAnswer, errorAnswer]);
export type MemberEndResponse = z.infer<typeof memberEndResponseSchema>;

/** The member requests, their payloads and answers: what events.ts maps and the device sends. */
export const memberRequestSchemas = {
  'member:identify': { request: memberIdentifyRequestSchema, response: memberIdentifyResponseSchema },
  'member:consent': { request: memberConsentRequestSchema, response: memberConsentResponseSchema },
  'member:suggestions': {
    request: memberSuggestionsRequestSchema,
    response: memberSuggestionsResponseSchema,
  },
  'member:view': { request: memberViewRequestSchema, response: memberViewResponseSchema },
  'member:end': { request: memberEndRequestSchema, response: memberEndResponseSchema },
} as const;
export type MemberRequestName = keyof typeof memberRequestSchemas;
export type MemberRequest<K extends MemberRequestName> = z.infer<(typeof memberRequestSchemas)[K]['request']>;
export type MemberResponse<K extends MemberRequestName> = z.infer<
  (typeof memberRequestSchemas)[K]['response']
>;
