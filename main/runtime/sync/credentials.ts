import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  enrollRequestSchema,
  enrollResponseSchema,
  parseMessage,
  PROTOCOL_VERSION,
  type EnrollResponse,
} from '../../../shared/protocol/index.js';

/** What enrollment yields: the device's identity and token at the hub. */
export type DeviceCredentials = EnrollResponse;

export const credentialsFileName = 'device-credentials.json';

/** The stored credentials, or undefined when there are none (or they do not parse). */
export function loadCredentials(dataDir: string): DeviceCredentials | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, credentialsFileName), 'utf8');
  } catch {
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = parseMessage(enrollResponseSchema, json, credentialsFileName);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Writes the credentials so that a power cut leaves either the old file or the new one: a
 * temporary file, flushed, renamed over the old (atomic on POSIX). Mode 0600: the token is the
 * device's password at the hub.
 */
export function saveCredentials(dataDir: string, credentials: DeviceCredentials): void {
  const path = join(dataDir, credentialsFileName);
  const temp = `${path}.${String(process.pid)}.tmp`;
  writeFileSync(temp, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  const fd = openSync(temp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  try {
    // The rename itself is only durable once the directory is flushed (not possible on Windows).
    const dir = openSync(dataDir, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // best effort
  }
}

export type EnrollOutcome =
  | { ok: true; credentials: DeviceCredentials }
  /** refused: the hub will never accept this code (401, 400): retrying would only hammer it. */
  | { ok: false; retry: boolean; message: string };

export async function enroll(options: {
  hubUrl: string;
  code: string;
  appVersion: string;
  fetch: typeof fetch;
}): Promise<EnrollOutcome> {
  const request = parseMessage(
    enrollRequestSchema,
    { protocol: PROTOCOL_VERSION, code: options.code, appVersion: options.appVersion },
    'enroll',
  );
  if (!request.ok) return { ok: false, retry: false, message: request.error };
  let response: Response;
  try {
    response = await options.fetch(`${options.hubUrl}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.value),
    });
  } catch (error) {
    return {
      ok: false,
      retry: true,
      message: `enroll: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (response.status === 401 || response.status === 403) {
    return {
      ok: false,
      retry: false,
      message: `enroll: the hub refused the enrollment code (${String(response.status)})`,
    };
  }
  if (response.status >= 400 && response.status < 500) {
    return {
      ok: false,
      retry: false,
      message: `enroll: the hub refused the request (${String(response.status)})`,
    };
  }
  if (!response.ok)
    return { ok: false, retry: true, message: `enroll: hub answered ${String(response.status)}` };
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { ok: false, retry: true, message: 'enroll: the answer is not JSON' };
  }
  const parsed = parseMessage(enrollResponseSchema, json, 'enroll');
  if (!parsed.ok) return { ok: false, retry: true, message: parsed.error };
  return { ok: true, credentials: parsed.value };
}
