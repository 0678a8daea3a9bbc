/**
 * The hub <-> device protocol: every message as a zod schema and its TypeScript type. Both ends
 * parse every incoming message with these before acting on it (see `parseMessage`); a message
 * that does not parse is refused with an error naming the field, and never applied.
 *
 * Data paths (../../../shared/DESIGN.md): the hub keeps a change log with a monotonic sequence
 * per scope — `catalog`, and `store:<code>` for each store's prices and stock. A device holds a
 * cursor per scope and pulls the changes after it; when its cursor is older than the log (or
 * newer: a hub restored from a backup), it is told to take a snapshot, paged. The hub pokes
 * devices when a log grows; data moves only by pulls, answered through socket.io acks.
 */
import { z } from 'zod';
import { priceRecordSchema, productRecordSchema, stockRecordSchema, storeRecordSchema } from './records.js';

/** Bumped on any change a peer of the previous version would misread. */
export const PROTOCOL_VERSION = 1;
/** socket.io's maxHttpBufferSize default; no message may exceed it. */
export const MAX_MESSAGE_BYTES = 1_000_000;
/** What a page of changes or snapshot records aims at: half the limit leaves room for framing. */
export const PAGE_BUDGET_BYTES = 512 * 1024;
/** The socket.io namespace devices connect to. */
export const DEVICE_NAMESPACE = '/device';

const id = z.string().min(1).max(200);
const cursor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const instant = z.iso.datetime({ offset: true });

export const scopeSchema = z
  .string()
  .regex(/^(catalog|store:[A-Za-z0-9._-]{1,64})$/, 'expected "catalog" or "store:<code>"');
export type Scope = z.infer<typeof scopeSchema>;

export const errorSchema = z.strictObject({
  code: z.enum([
    'invalid-message',
    'unauthorized',
    'protocol-version',
    'unknown-scope',
    'cursor-ahead',
    'snapshot-expired',
    'internal',
  ]),
  message: z.string().max(2000),
});
export type ProtocolError = z.infer<typeof errorSchema>;

// Handshake -------------------------------------------------------------------------------------

/** socket.io `auth` payload of a device connection. */
export const handshakeAuthSchema = z.strictObject({
  protocol: z.number().int(),
  deviceId: id,
  token: z.string().min(20).max(200),
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/** HTTP POST /api/v1/enroll: trade the config's one-time enrollment code for a device token. */
export const enrollRequestSchema = z.strictObject({
  protocol: z.number().int(),
  /** The device config's `hub.enrollmentCode` (6-64 characters there). */
  code: z.string().min(6).max(64),
  appVersion: z.string().max(50),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.strictObject({
  deviceId: id,
  token: z.string().min(20).max(200),
  storeCode: id,
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/** Sent by the hub right after a device connects. */
export const helloSchema = z.strictObject({
  protocol: z.number().int(),
  deviceId: id,
  storeCode: id,
  /** Every scope the device should hold, with the hub's newest sequence in each. */
  scopes: z.array(z.strictObject({ scope: scopeSchema, head: cursor })).max(10_000),
  serverTime: instant,
});
export type Hello = z.infer<typeof helloSchema>;

// Catalog changes -------------------------------------------------------------------------------

const changeShapes = {
  productUpsert: { op: z.literal('product.upsert'), product: productRecordSchema },
  productDelete: { op: z.literal('product.delete'), id },
  storeUpsert: { op: z.literal('store.upsert'), store: storeRecordSchema },
  priceUpsert: { op: z.literal('price.upsert'), price: priceRecordSchema },
  stockUpsert: { op: z.literal('stock.upsert'), stock: stockRecordSchema },
};
const seq = { seq: cursor.min(1) };

/** One change to the catalog, without its place in the log (snapshot records use this too). */
export const changeBodySchema = z.discriminatedUnion('op', [
  z.strictObject(changeShapes.productUpsert),
  z.strictObject(changeShapes.productDelete),
  z.strictObject(changeShapes.storeUpsert),
  z.strictObject(changeShapes.priceUpsert),
  z.strictObject(changeShapes.stockUpsert),
]);
export type ChangeBody = z.infer<typeof changeBodySchema>;

/** A change as the log holds it: `seq` is its place in its scope's sequence. */
export const changeSchema = z.discriminatedUnion('op', [
  z.strictObject({ ...seq, ...changeShapes.productUpsert }),
  z.strictObject({ ...seq, ...changeShapes.productDelete }),
  z.strictObject({ ...seq, ...changeShapes.storeUpsert }),
  z.strictObject({ ...seq, ...changeShapes.priceUpsert }),
  z.strictObject({ ...seq, ...changeShapes.stockUpsert }),
]);
export type Change = z.infer<typeof changeSchema>;

export const pullRequestSchema = z.strictObject({ scope: scopeSchema, cursor });
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** A hub-built catalog image (main/runtime/catalog/image.ts), as offered in a snapshot answer. */
export const catalogImageSchema = z.strictObject({
  /** Where on the hub: always under /api/v1/catalog-images/, never another origin. */
  path: z
    .string()
    .regex(
      /^\/api\/v1\/catalog-images\/(catalog|store-[A-Za-z0-9._-]{1,64})-\d{1,16}-[0-9a-f]{16}\.db$/,
      'expected /api/v1/catalog-images/<scope>-<cursor>-<hash>.db',
    ),
  /** The change the image stands at; pull the changes after it. */
  cursor,
  bytes: z
    .number()
    .int()
    .min(1)
    .max(64 * 1024 ** 3),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex SHA-256'),
  /** The device catalog schema version the image was written in. */
  schema: z.number().int().min(1),
});
export type CatalogImageOffer = z.infer<typeof catalogImageSchema>;

export const pullResponseSchema = z.discriminatedUnion('kind', [
  /** Changes `from`+1 .. `to`, contiguous; `more` when the log has further changes. */
  z.strictObject({
    kind: z.literal('changes'),
    scope: scopeSchema,
    from: cursor,
    to: cursor,
    changes: z.array(changeSchema),
    more: z.boolean(),
  }),
  /** The cursor is older than the compacted log, or ahead of it: take the snapshot instead. */
  z.strictObject({
    kind: z.literal('snapshot'),
    scope: scopeSchema,
    snapshotId: id,
    /** The sequence the snapshot stands at; pull changes after it once every page is applied. */
    cursor,
    pages: z.number().int().min(1),
    records: z.number().int().min(0),
    /** far-behind: the log has every change, but the catalog image is much quicker than replaying them. */
    reason: z.enum(['cursor-behind-log', 'cursor-ahead', 'requested', 'far-behind']),
    /**
     * The same scope as a ready catalog file, when the hub has built one (large catalogs): the
     * device may download it from the hub (path on the hub's own origin, with its device token)
     * and copy it in, then pull the changes after the image's own cursor. The pages above stay
     * the way for a device that cannot use the image.
     */
    image: catalogImageSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('error'), error: errorSchema }),
]);
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const snapshotPageRequestSchema = z.strictObject({
  scope: scopeSchema,
  snapshotId: id,
  page: z.number().int().min(0),
});
export type SnapshotPageRequest = z.infer<typeof snapshotPageRequestSchema>;

export const snapshotPageResponseSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('page'),
    scope: scopeSchema,
    snapshotId: id,
    page: z.number().int().min(0),
    pages: z.number().int().min(1),
    cursor,
    records: z.array(changeBodySchema),
  }),
  z.strictObject({ kind: z.literal('error'), error: errorSchema }),
]);
export type SnapshotPageResponse = z.infer<typeof snapshotPageResponseSchema>;

/** Pokes carry the changes themselves when they are few (at most this many bytes of JSON). */
export const POKE_CHANGES_BUDGET_BYTES = 64 * 1024;

/**
 * The log of a scope grew to `head`. A small delta rides along (as Replicache's pokes carry
 * their patch): `changes` are from+1..head, for a device whose cursor is `from`, which applies
 * them without a round trip; any other device, or any poke without changes, pulls.
 */
export const pokeSchema = z
  .strictObject({
    scope: scopeSchema,
    head: cursor,
    from: cursor.optional(),
    changes: z.array(changeSchema).max(1000).optional(),
  })
  .refine((poke) => (poke.from === undefined) === (poke.changes === undefined), {
    message: 'from and changes come together',
  });
export type Poke = z.infer<typeof pokeSchema>;

// Outbox (device -> hub) ------------------------------------------------------------------------

const propValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

export const outboxItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('event'),
    id,
    at: instant,
    name: z.string().regex(/^[a-z][a-z0-9_.:-]{0,63}$/, 'expected an event name like "product.view"'),
    props: z
      .record(z.string().max(64), propValue)
      .refine((p) => Object.keys(p).length <= 50, 'at most 50 props'),
  }),
  z.strictObject({
    kind: z.literal('reservation'),
    id,
    at: instant,
    sku: id,
    storeCode: id,
    quantity: z.number().int().min(1).max(10),
    name: z.string().min(1).max(100),
    contact: z.union([
      z.strictObject({ phone: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'expected a phone number') }),
      z.strictObject({ email: z.email() }),
    ]),
    consent: z.literal(true, 'the shopper must consent to being contacted'),
    /** Made while the store was closed: ready from this opening; the hold runs from then. */
    pickupFrom: instant.optional(),
  }),
  z.strictObject({
    kind: z.literal('handoff'),
    id,
    at: instant,
    productId: id,
    sku: id.optional(),
    /** The device's store was closed: its reservations from the phone page are ready from then. */
    pickupFrom: instant.optional(),
  }),
]);
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const pushRequestSchema = z.strictObject({ items: z.array(outboxItemSchema).min(1).max(500) });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResultSchema = z.strictObject({
  id,
  /** stored: new; duplicate: stored before (a retry); rejected: will never be stored (don't retry). */
  status: z.enum(['stored', 'duplicate', 'rejected']),
  error: z.string().max(2000).optional(),
  /** For a reservation: its pickup code; for a hand-off: the token and URL of the phone page. */
  result: z.record(z.string(), z.string().max(2000)).optional(),
});
export const pushResponseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('results'), results: z.array(pushResultSchema) }),
  z.strictObject({ kind: z.literal('error'), error: errorSchema }),
]);
export type PushResponse = z.infer<typeof pushResponseSchema>;

// Fleet -----------------------------------------------------------------------------------------

export const heartbeatSchema = z.strictObject({
  at: instant,
  appVersion: z.string().max(50),
  uptimeSeconds: z.number().min(0),
  memoryMb: z.number().min(0),
  cursors: z.record(scopeSchema, cursor),
  hardware: z
    .array(
      z.strictObject({
        kind: z.enum(['scanner', 'card-reader']),
        name: z.string().max(200),
        connected: z.boolean(),
        lastEventAt: instant.optional(),
        errors: z.number().int().min(0),
      }),
    )
    .max(32),
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const commandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id, kind: z.enum(['reload', 'restart', 'resync', 'screenshot']) }),
  z.strictObject({ id, kind: z.literal('config'), config: z.unknown() }),
]);
export type Command = z.infer<typeof commandSchema>;

export const commandResultSchema = z.strictObject({
  id,
  ok: z.boolean(),
  message: z.string().max(2000).optional(),
  /** A screenshot as base64 PNG, kept under the message limit. */
  png: z.string().max(900_000).optional(),
});
export type CommandResult = z.infer<typeof commandResultSchema>;
