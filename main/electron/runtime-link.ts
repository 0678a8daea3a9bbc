/**
 * The messages between the Electron main process and the runtime's utility process. Both ends
 * are ours, but a message crosses a process boundary, so each end parses what it receives
 * (STYLE.md §2): a version mismatch after a half-finished update shows as a precise error rather
 * than as undefined deep inside the shell.
 */
import { z } from 'zod';
import type { BridgeEventEnvelope, BridgeReply } from '../../shared/bridge/index.js';

const id = z.int().min(0);
const propValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

export const SHELL_COMMANDS = ['reload', 'restart', 'screenshot'] as const;
export type ShellCommand = (typeof SHELL_COMMANDS)[number];

/** From main to the runtime. */
export const toRuntimeSchema = z.discriminatedUnion('type', [
  /** A bridge call from a kiosk page whose sender main has checked; the runtime parses the rest. */
  z.strictObject({ type: z.literal('call'), id, name: z.unknown(), args: z.unknown() }),
  /** Which file `media/…` is, for the app protocol. */
  z.strictObject({ type: z.literal('media'), id, path: z.string().max(500) }),
  /** The outcome of a fleet command the runtime asked the shell to carry out. */
  z.strictObject({
    type: z.literal('shell-result'),
    id,
    ok: z.boolean(),
    message: z.string().max(2000).optional(),
    /** base64 PNG */
    png: z.string().optional(),
  }),
  /** Something the hub should hear of (through the runtime's outbox). */
  z.strictObject({
    type: z.literal('report'),
    name: z.string().regex(/^shell\.[a-z-]{1,40}$/),
    props: z.record(z.string(), propValue),
  }),
  z.strictObject({ type: z.literal('stop') }),
]);
export type ToRuntime = z.infer<typeof toRuntimeSchema>;

const bridgeReplySchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.strictObject({ code: z.enum(['invalid-call', 'unavailable', 'failed']), message: z.string() }),
  }),
]);

/** From the runtime to main. */
export const fromRuntimeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  /** The runtime could not start (a config the hub pushed broke it, a locked database). */
  z.strictObject({ type: z.literal('failed'), message: z.string() }),
  z.strictObject({ type: z.literal('reply'), id, reply: bridgeReplySchema }),
  z.strictObject({
    type: z.literal('event'),
    event: z.strictObject({ name: z.string().min(1).max(60), payload: z.unknown() }),
  }),
  z.strictObject({ type: z.literal('media'), id, file: z.string().nullable() }),
  /** A fleet command only the shell can carry out. */
  z.strictObject({ type: z.literal('shell'), id, command: z.enum(SHELL_COMMANDS) }),
  /** Staff asked to leave the kiosk (staff.exit): the shell quits; no answer is awaited. */
  z.strictObject({ type: z.literal('exit') }),
]);
export type FromRuntime = z.infer<typeof fromRuntimeSchema>;

/** The message, or a one-line reason naming the field that is wrong. */
export function parseLink<T>(
  schema: z.ZodType<T>,
  raw: unknown,
): { ok: true; value: T } | { ok: false; error: string } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue === undefined ? '' : issue.path.map(String).join('.');
  return { ok: false, error: `${path === '' ? 'message' : path}: ${issue?.message ?? 'invalid'}` };
}

/** The reply and event types as the bridge declares them (the schemas check their shape). */
export const asBridgeReply = (reply: z.infer<typeof bridgeReplySchema>): BridgeReply => reply;
export const asBridgeEvent = (event: { name: string; payload: unknown }): BridgeEventEnvelope =>
  event as BridgeEventEnvelope;
