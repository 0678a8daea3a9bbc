/**
 * Remote commands (DESIGN.md, Fleet): what the admin API accepts, what goes to the device, and
 * what the hub keeps of the device's answer. Delivery itself is the device gateway's.
 *
 * A pushed config is checked here with the device's own parser before it is stored, so a
 * technician hears about a typo at once; the device checks it again before applying it, because
 * the hub may run another version of the schema than the device.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseConfigValue } from '../../kiosk-config/index.js';
import {
  commandResultSchema,
  parseMessage,
  type Command,
  type CommandResult,
} from '../../shared/protocol/index.js';
import type { HubContext } from '../hub-context.js';
import type { CommandOutcome, CommandRow, CompleteOutcome } from '../storage/hub-store.js';

export const SCREENSHOT_DIR = 'screenshots';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Problems listed in a refusal of a pushed config; the count is always given. */
const MAX_CONFIG_PROBLEMS = 50;

export const commandRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(['reload', 'restart', 'resync', 'screenshot']) }),
  z.strictObject({ kind: z.literal('config'), config: z.record(z.string(), z.unknown()) }),
]);
export type CommandRequest = z.infer<typeof commandRequestSchema>;

export type CommandCheck =
  | { ok: true; kind: CommandRow['kind']; payload: Record<string, unknown> }
  | { ok: false; message: string; problems?: string[] };

/** Parses an admin request for a command; a config is validated as the device will. */
export function checkCommandRequest(body: unknown): CommandCheck {
  const parsed = parseMessage(commandRequestSchema, body, 'command');
  if (!parsed.ok) return { ok: false, message: parsed.error };
  const request = parsed.value;
  if (request.kind !== 'config') return { ok: true, kind: request.kind, payload: {} };
  const config = parseConfigValue(request.config);
  if (!config.ok) {
    const problems = config.problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`));
    const listed = problems.slice(0, MAX_CONFIG_PROBLEMS);
    const more =
      problems.length > listed.length ? `; and ${String(problems.length - listed.length)} more` : '';
    return {
      ok: false,
      message: `config: ${String(problems.length)} problem${problems.length === 1 ? '' : 's'}: ${listed.join('; ')}${more}`,
      problems: listed,
    };
  }
  // The config as the technician wrote it, not the parsed one: defaults are the device's to fill.
  return { ok: true, kind: 'config', payload: { config: request.config } };
}

/** A random command id: 16 bytes, base64url. */
export function newCommandId(hub: HubContext): string {
  return `cmd-${hub.random(16).toString('base64url')}`;
}

/** The protocol message for a stored command. */
export function commandMessage(row: CommandRow): Command {
  if (row.kind === 'config') return { id: row.id, kind: 'config', config: row.payload.config };
  return { id: row.id, kind: row.kind };
}

/** How a command stands, for the admin API: queued (never sent), delivered, done or failed. */
export function commandState(row: CommandRow): 'queued' | 'delivered' | 'done' | 'failed' {
  if (row.result !== null) return row.result.ok ? 'done' : 'failed';
  return row.deliveredAt === null ? 'queued' : 'delivered';
}

/** A base64 PNG, or why not: node's decoder skips bad characters, so the text is checked first. */
function decodePng(text: string): Buffer | string {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return 'png: not base64';
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length <= PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE))
    return 'png: not a PNG image (no PNG signature)';
  return bytes;
}

export type ResultOutcome =
  | { status: CompleteOutcome; commandId: string; outcome: CommandOutcome; kind: CommandRow['kind'] | null }
  | { status: 'invalid'; error: string };

/**
 * Stores a device's answer to one of its own commands. A result naming another device's command
 * (or none) is refused: a device must not be able to close, or attach a file to, what it was
 * never sent. A screenshot is written under the data dir and the result records its path.
 */
export async function receiveCommandResult(
  hub: HubContext,
  deviceId: string,
  raw: unknown,
): Promise<ResultOutcome> {
  const parsed = parseMessage(commandResultSchema, raw, 'command:result');
  if (!parsed.ok) return { status: 'invalid', error: parsed.error };
  const result: CommandResult = parsed.value;
  const command = await hub.store.getCommand(result.id);
  if (command?.deviceId !== deviceId) {
    return { status: 'unknown', commandId: result.id, outcome: { ok: false }, kind: null };
  }
  if (command.completedAt !== null) {
    return {
      status: 'duplicate',
      commandId: result.id,
      outcome: command.result ?? { ok: false },
      kind: command.kind,
    };
  }
  const outcome: CommandOutcome = { ok: result.ok };
  if (result.message !== undefined) outcome.message = result.message;
  if (result.png !== undefined) {
    const png = command.kind === 'screenshot' ? decodePng(result.png) : 'png: only a screenshot carries one';
    if (typeof png === 'string') {
      // The device said ok but sent no usable picture: the command did not do its job.
      outcome.ok = false;
      outcome.message = outcome.message === undefined ? png : `${outcome.message}; ${png}`;
    } else {
      const name = `${safeName(deviceId)}-${safeName(command.id)}.png`;
      mkdirSync(join(hub.dataDir, SCREENSHOT_DIR), { recursive: true });
      writeFileSync(join(hub.dataDir, SCREENSHOT_DIR, name), png);
      outcome.screenshot = `${SCREENSHOT_DIR}/${name}`;
    }
  } else if (command.kind === 'screenshot' && result.ok) {
    outcome.ok = false;
    outcome.message = 'png: the device answered ok without a screenshot';
  }
  const status = await hub.store.completeCommand(deviceId, command.id, outcome, hub.now().toISOString());
  return { status, commandId: command.id, outcome, kind: command.kind };
}

/** Ids are made by the hub (device ids are slugs, command ids base64url); this is a second fence. */
function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);
}
