/**
 * A real hub on 127.0.0.1 (ephemeral port, SQLite file in a temp dir) and real socket.io devices
 * for the hub's integration tests. Logs are captured as objects, so tests can check a refusal was
 * logged without printing anything.
 */
import { afterEach } from 'vitest';
import { pino } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { syntheticCatalog } from '../../../shared/catalog/synthetic.js';
import {
  DEVICE_NAMESPACE,
  PROTOCOL_VERSION,
  type DeviceToHubEvents,
  type EnrollResponse,
  type Hello,
  type HubToDeviceEvents,
} from '../../../shared/protocol/index.js';
import { startHub, type Hub, type HubOptions } from '../../../server/index.js';

export type DeviceSocket = Socket<HubToDeviceEvents, DeviceToHubEvents>;
export type LogLine = Record<string, unknown> & { msg?: string; level: number };

export interface TestHub {
  hub: Hub;
  logs: LogLine[];
  /** Calls the admin API with the hub's token (or the one given). */
  admin(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; json: unknown }>;
}

/** Starts hubs for a test and closes them (and their devices) after it. */
export function useHubs(): {
  start(dataDir: string, options?: Partial<HubOptions>): Promise<TestHub>;
  track(socket: DeviceSocket): DeviceSocket;
} {
  const hubs: Hub[] = [];
  const sockets: DeviceSocket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    for (const hub of hubs.splice(0)) await hub.close();
  });
  return {
    async start(dataDir, options = {}) {
      const logs: LogLine[] = [];
      const logger = pino(
        { level: 'debug' },
        {
          write(line: string) {
            logs.push(JSON.parse(line) as LogLine);
          },
        },
      );
      const hub = await startHub({
        dataDir,
        port: 0,
        logger,
        onAdminTokenCreated: () => undefined,
        ...options,
      });
      hubs.push(hub);
      const admin: TestHub['admin'] = async (method, path, body, token = hub.adminToken) => {
        const response = await fetch(`${hub.url}/api/v1/admin/${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined
              ? {}
              : typeof body === 'string'
                ? { 'content-type': 'text/plain' }
                : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        });
        return { status: response.status, json: await response.json() };
      };
      return { hub, logs, admin };
    },
    track(socket) {
      sockets.push(socket);
      return socket;
    },
  };
}

/** A synthetic catalog as Vitrine JSON Lines text. */
export function catalogText(products: number, seed = 42): string {
  return [...syntheticCatalog({ products, seed })].map((record) => JSON.stringify(record)).join('\n');
}

/** Creates a device through the admin API and enrolls it; returns its id and token. */
export async function enrolledDevice(
  test: TestHub,
  storeCode = 'BER-MITTE',
): Promise<EnrollResponse & { enrollmentCode: string }> {
  const created = await test.admin('POST', 'devices', { storeCode, name: 'Entrance kiosk' });
  if (created.status !== 201) throw new Error(`device not created: ${JSON.stringify(created.json)}`);
  const { enrollmentCode } = created.json as { enrollmentCode: string };
  const response = await fetch(`${test.hub.url}/api/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, code: enrollmentCode, appVersion: '0.1.0' }),
  });
  if (response.status !== 200) throw new Error(`enrollment failed: ${String(response.status)}`);
  return { ...((await response.json()) as EnrollResponse), enrollmentCode };
}

/** Opens a device connection (not yet connected: attach listeners, then await `connected`). */
export function deviceSocket(hub: Hub, auth: Record<string, unknown>): DeviceSocket {
  return io(`${hub.url}${DEVICE_NAMESPACE}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
}

/** Connects and resolves with the hub's hello, or rejects with the connect error's data. */
export function connected(socket: DeviceSocket): Promise<Hello> {
  return new Promise((resolve, reject) => {
    socket.once('hello', resolve);
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      reject(Object.assign(new Error(error.message), { data: error.data }));
    });
  });
}

/** Connects an enrolled device and waits for its hello. */
export async function connectDevice(
  hubs: ReturnType<typeof useHubs>,
  test: TestHub,
  device: EnrollResponse,
): Promise<{ socket: DeviceSocket; hello: Hello }> {
  const socket = hubs.track(
    deviceSocket(test.hub, { protocol: PROTOCOL_VERSION, deviceId: device.deviceId, token: device.token }),
  );
  const hello = await connected(socket);
  return { socket, hello };
}

/** Emits an event with an ack and resolves with the answer; `raw` sends an arbitrary payload. */
export function request<R>(socket: DeviceSocket, event: string, payload: unknown): Promise<R> {
  return new Promise((resolve) => {
    (socket.emit as (event: string, ...args: unknown[]) => void)(event, payload, resolve);
  });
}
