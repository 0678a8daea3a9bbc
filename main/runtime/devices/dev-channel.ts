/**
 * The development channel: `vitrine devices simulate-scan` and `simulate-card` reach a running
 * runtime through it. It exists only when the config enables simulation, listens on loopback
 * only, and wants the random token it writes (mode 0600) beside its address in the data
 * directory, so only the kiosk's own user can use it. Requests are parsed before anything is
 * simulated; a bad one is answered 400 with what was wrong.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import type { SyncLog } from '../sync/index.js';
import type { Simulator } from './simulated.js';

export const DEV_CHANNEL_FILE = 'dev-channel.json';

export const devChannelFileSchema = z.strictObject({
  url: z.url(),
  token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/),
});

export const simulateScanSchema = z.strictObject({
  code: z.string().min(1).max(7089),
  aim: z
    .string()
    .regex(/^\][A-Za-z][0-9A-Za-z]$/, 'expected an AIM symbology identifier like "]E0"')
    .optional(),
});

const track = z
  .string()
  .max(110)
  .regex(/^[\x20-\x7e]*$/, 'expected printable ASCII');
export const simulateCardSchema = z
  .strictObject({ track1: track.optional(), track2: track.optional(), track3: track.optional() })
  .refine(
    (t) => (t.track1 ?? '') + (t.track2 ?? '') + (t.track3 ?? '') !== '',
    'expected at least one track',
  );

export interface DevChannel {
  url: string;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('request body over 16 KB');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

export async function startDevChannel(options: {
  dataDir: string;
  simulator: Simulator;
  log: SyncLog;
}): Promise<DevChannel> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer((request, response) => {
    const reply = (status: number, answer: object): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    };
    if (request.headers.authorization !== `Bearer ${token}`) {
      reply(401, { error: 'wrong or missing token (read it from dev-channel.json in the data directory)' });
      return;
    }
    if (request.method !== 'POST' || (request.url !== '/simulate/scan' && request.url !== '/simulate/card')) {
      reply(404, { error: 'POST /simulate/scan or /simulate/card' });
      return;
    }
    body(request).then(
      (json) => {
        if (request.url === '/simulate/scan') {
          const parsed = simulateScanSchema.safeParse(json);
          if (!parsed.success) {
            reply(400, { error: z.prettifyError(parsed.error) });
            return;
          }
          const sent = options.simulator.scan(parsed.data.code, parsed.data.aim ?? null);
          options.log.info({ simulated: 'scan' }, 'simulated scan');
          reply(sent ? 200 : 409, sent ? { ok: true } : { error: 'the simulated scanner is not open' });
          return;
        }
        const parsed = simulateCardSchema.safeParse(json);
        if (!parsed.success) {
          reply(400, { error: z.prettifyError(parsed.error) });
          return;
        }
        const { track1 = '', track2 = '', track3 = '' } = parsed.data;
        const sent = options.simulator.swipe([track1, track2, track3]);
        options.log.info({ simulated: 'card' }, 'simulated card swipe'); // never the tracks
        reply(sent ? 200 : 409, sent ? { ok: true } : { error: 'the simulated card reader is not open' });
      },
      (error: unknown) => {
        reply(400, { error: `not a JSON body: ${error instanceof Error ? error.message : String(error)}` });
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  const file = join(options.dataDir, DEV_CHANNEL_FILE);
  writeFileSync(file, `${JSON.stringify({ url, token })}\n`, { mode: 0o600 });
  options.log.warn({ url }, 'development channel open: simulated scans and swipes are accepted');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        rmSync(file, { force: true });
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** Why a request to the development channel did not go through. */
export class DevChannelError extends Error {
  override readonly name = 'DevChannelError';
  constructor(
    readonly kind: 'no-channel' | 'no-answer' | 'refused',
    message: string,
    /** For `refused`: the channel's HTTP status (400: the request was malformed). */
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * Sends one request to the development channel of the runtime whose data directory is
 * `dataDir`: the one client the CLI, the benchmarks and the end-to-end tests share.
 */
export async function postToDevChannel(
  dataDir: string,
  path: '/simulate/scan' | '/simulate/card',
  body: object,
): Promise<void> {
  const file = join(dataDir, DEV_CHANNEL_FILE);
  let channel: z.infer<typeof devChannelFileSchema>;
  try {
    channel = devChannelFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new DevChannelError(
      'no-channel',
      `${file}: no development channel here. Is the runtime running with this data directory, and "development": { "simulation": true } in its config?`,
    );
  }
  let response: Response;
  try {
    response = await fetch(`${channel.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${channel.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new DevChannelError(
      'no-answer',
      `${channel.url}: the runtime does not answer (it may have stopped)`,
    );
  }
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) {
    throw new DevChannelError(
      'refused',
      `refused (${String(response.status)}): ${answer.error ?? 'no reason given'}`,
      response.status,
    );
  }
}
