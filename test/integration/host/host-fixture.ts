/**
 * What the host's tests share: a small but real Runtime (the real bridge dispatcher with handlers
 * of its own, since these tests are about the transport, not the kiosk), a log that keeps what
 * it is told, raw HTTP requests (fetch would normalize `..` away before the host saw it), and
 * socket.io clients that are closed after each test.
 */
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import {
  BridgeCallError,
  createBridgeDispatcher,
  type BridgeEventEnvelope,
  type BridgeHandlers,
  type KioskInfo,
} from '../../../shared/bridge/index.js';
import type { Runtime } from '../../../main/runtime/runtime-types.js';
import type { SyncLog } from '../../../main/runtime/sync/index.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  details: object;
  message: string;
}

export function recordingLog(): SyncLog & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (details: object, message: string): void => {
      entries.push({ level, details, message });
    };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const TEST_INFO: KioskInfo = {
  bridgeVersion: 1,
  appVersion: 'test',
  device: { name: 'Test kiosk', mode: 'kiosk' },
  store: { code: 'BER-MITTE', name: 'Berlin Mitte' },
  branding: {
    name: 'Test',
    colors: { primary: '#000000', accent: '#ff0000', background: '#ffffff', text: '#111111' },
  },
  languages: ['en'],
  locale: 'en',
  currency: 'EUR',
  idle: { timeoutSeconds: 60, warningSeconds: 10 },
  attract: [],
  hubUrl: null,
  accessibility: {
    lowReach: false,
    highContrast: false,
    textScale: 1,
    speech: false,
    volume: 0.7,
    display: { orientation: 'landscape' },
  },
};

function unavailable(name: string): never {
  throw new BridgeCallError('unavailable', `${name}: not in the host's test runtime`);
}

const handlers: BridgeHandlers = {
  'kiosk.info': () => TEST_INFO,
  'catalog.search': () => unavailable('catalog.search'),
  'catalog.product': () => null,
  'catalog.lookup': ({ code }) => ({ outcome: 'not-found', code }),
  'catalog.nearby': () => [],
  'catalog.categories': () => [],
  'catalog.featured': () => [],
  'catalog.facets': () => ({ sizes: [], colors: [] }),
  'session.reserve': () => unavailable('session.reserve'),
  'session.reservation': () => null,
  'session.handoff': () => ({ status: 'unavailable', message: 'no hub in this test' }),
  'session.track': () => null,
  'session.activity': () => null,
  'session.language': () => null,
  'session.end': () => null,
  'device.keyboardScan': () => null,
  'device.status': () => {
    throw new Error('device.status: the test runtime breaks here on purpose');
  },
  'staff.unlock': () => unavailable('staff.unlock'),
  'staff.status': () => unavailable('staff.status'),
  'staff.resync': () => unavailable('staff.resync'),
  'staff.exit': () => unavailable('staff.exit'),
  'staff.lock': () => null,
  'member.status': () => ({ phase: 'ended' }),
  'member.consent': () => unavailable('member.consent'),
  'member.suggestions': () => unavailable('member.suggestions'),
  'member.forget': () => null,
};

export interface TestRuntime extends Runtime {
  /** Sends an event to every transport listening, as the runtime does on a scan. */
  emit(event: BridgeEventEnvelope): void;
  readonly listeners: number;
  readonly stopped: boolean;
  /** Handler errors the dispatcher reported. */
  readonly failures: string[];
}

/** A runtime answering from the handlers above; `media` maps `media/…` paths to files. */
export function testRuntime(media: Readonly<Record<string, string>> = {}): TestRuntime {
  const listeners = new Set<(event: BridgeEventEnvelope) => void>();
  const failures: string[] = [];
  let stopped = false;
  return {
    dispatch: createBridgeDispatcher(handlers, (name) => failures.push(name)),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mediaFile: (path) => media[path],
    simulator: undefined,
    stop() {
      stopped = true;
      return Promise.resolve();
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    get listeners() {
      return listeners.size;
    },
    get stopped() {
      return stopped;
    },
    failures,
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with the path sent exactly as given. */
export function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** socket.io clients for a test, disconnected after it. */
export function useBridgeClients(): (
  origin: string,
  options?: { auth?: Record<string, unknown>; headers?: Record<string, string> },
) => Promise<Socket> {
  const sockets: Socket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  return (origin, options = {}) => {
    const socket = io(origin, {
      path: '/bridge/',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: options.auth ?? {},
      ...(options.headers === undefined ? {} : { extraHeaders: options.headers }),
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => {
        resolve(socket);
      });
      socket.once('connect_error', (error) => {
        reject(error);
      });
    });
  };
}

export const PIN_HASH =
  'scrypt$32768$8$1$0HzzWKcBYQHgSubqorTfFA==$5FaoILZnSbxkqjBRceLTV3zKInjULUSpBmdf528+mYw=';

/** A standalone kiosk config with its catalog feed at `./catalog.jsonl` (the test runtime never reads it). */
export function writeConfig(dir: string, overrides: Record<string, unknown> = {}): string {
  const path = join(dir, 'kiosk.json');
  const config = {
    device: { id: 'ber-kiosk-1', name: 'Entrance kiosk' },
    store: { code: 'BER-MITTE' },
    mode: 'kiosk',
    standalone: { catalogFeed: './catalog.jsonl' },
    displays: [{ screen: 0, orientation: 'portrait' }],
    staff: { pinHash: PIN_HASH },
    ...overrides,
  };
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}
