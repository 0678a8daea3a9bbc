import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import {
  BRIDGE_CALL_CHANNEL,
  BRIDGE_EVENT_CHANNEL,
  createBridgeClient,
  type BridgeEventEnvelope,
  type BridgeReply,
} from '../../../shared/bridge/index.js';
import { attachBridgeServer, createLaunchSecret, startStaticServer } from '../../../main/host/index.js';
import { until } from '../../support/processes.js';
import { useTempDir } from '../../support/temp.js';
import { recordingLog, TEST_INFO, testRuntime, useBridgeClients, type TestRuntime } from './host-fixture.js';

const tempDir = useTempDir();
const connect = useBridgeClients();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function startBridge(): Promise<{
  origin: string;
  secret: string;
  runtime: TestRuntime;
  log: ReturnType<typeof recordingLog>;
}> {
  const log = recordingLog();
  const runtime = testRuntime();
  const http = await startStaticServer({
    rendererDir: tempDir(),
    mediaFile: (path) => runtime.mediaFile(path),
    port: 0,
    log,
  });
  const secret = createLaunchSecret();
  const bridge = attachBridgeServer(http.server, { runtime, secret, origin: http.origin, log });
  closers.push(async () => {
    await bridge.close();
    await http.close();
  });
  return { origin: http.origin, secret, runtime, log };
}

function call(socket: Socket, name: unknown, args: unknown): Promise<BridgeReply> {
  return socket.timeout(10_000).emitWithAck(BRIDGE_CALL_CHANNEL, name, args) as Promise<BridgeReply>;
}

describe('bridge server: the handshake', () => {
  it('makes a new 32-byte base64url secret each time', () => {
    const a = createLaunchSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(createLaunchSecret()).not.toBe(a);
  });

  it('refuses a missing, empty, wrong or differently long secret, naming why', async () => {
    const { origin, secret, log } = await startBridge();
    const refusals = [
      [{}, 'no secret'],
      [{ secret: '' }, 'no secret'],
      [{ secret: 42 }, 'no secret'],
      [{ secret: `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}` }, 'wrong secret'],
      [{ secret: `${secret}x` }, 'wrong secret'],
    ] as const;
    for (const [auth, reason] of refusals) {
      await expect(connect(origin, { auth })).rejects.toThrow(`bridge: refused: ${reason}`);
    }
    expect(
      log.entries.filter((e) => e.level === 'warn' && e.message.startsWith('bridge: refused')),
    ).toHaveLength(refusals.length);
  });

  it("refuses a page from another origin even with the secret, and accepts the host's own", async () => {
    const { origin, secret } = await startBridge();
    await expect(
      connect(origin, { auth: { secret }, headers: { origin: 'http://evil.example' } }),
    ).rejects.toThrow(`bridge: refused: origin "http://evil.example" is not ${origin}`);
    await expect(
      connect(origin, { auth: { secret }, headers: { origin: 'http://localhost:1' } }),
    ).rejects.toThrow('bridge: refused: origin');
    const socket = await connect(origin, { auth: { secret }, headers: { origin } });
    expect(socket.connected).toBe(true);
  });
});

describe('bridge server: calls and events', () => {
  it('answers calls with the runtime dispatcher, refusing unknown calls and bad arguments precisely', async () => {
    const { origin, secret, runtime } = await startBridge();
    const socket = await connect(origin, { auth: { secret } });

    expect(await call(socket, 'kiosk.info', {})).toEqual({ ok: true, value: TEST_INFO });
    expect(await call(socket, 'catalog.lookup', { code: '4006381333931' })).toEqual({
      ok: true,
      value: { outcome: 'not-found', code: '4006381333931' },
    });
    expect(await call(socket, 'catalog.delete', {})).toEqual({
      ok: false,
      error: { code: 'invalid-call', message: 'unknown bridge call "catalog.delete"' },
    });
    expect(await call(socket, 42, {})).toEqual({
      ok: false,
      error: { code: 'invalid-call', message: 'unknown bridge call number' },
    });
    expect(await call(socket, 'catalog.lookup', { code: 4006381333931 })).toEqual({
      ok: false,
      error: {
        code: 'invalid-call',
        message: 'catalog.lookup: code: Invalid input: expected string, received number',
      },
    });
    expect(await call(socket, 'catalog.lookup', { code: 'x', extra: true })).toEqual({
      ok: false,
      error: { code: 'invalid-call', message: 'catalog.lookup: (message): Unrecognized key: "extra"' },
    });
    expect(await call(socket, 'catalog.search', { text: 'x' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: "catalog.search: not in the host's test runtime" },
    });
    expect(await call(socket, 'device.status', {})).toEqual({
      ok: false,
      error: { code: 'failed', message: 'device.status failed; see the device log' },
    });
    expect(runtime.failures).toEqual(['device.status']);
  });

  it('works as the transport of a typed bridge client', async () => {
    const { origin, secret } = await startBridge();
    const socket = await connect(origin, { auth: { secret } });
    const client = createBridgeClient({
      call: (name, args) => call(socket, name, args),
      subscribe(listener) {
        socket.on(BRIDGE_EVENT_CHANNEL, listener);
        return () => socket.off(BRIDGE_EVENT_CHANNEL, listener);
      },
    });
    expect((await client.call('kiosk.info', {})).store.code).toBe('BER-MITTE');
    await expect(client.call('catalog.lookup', { code: '' })).rejects.toMatchObject({
      name: 'BridgeError',
      code: 'invalid-call',
    });
  });

  it('ignores and logs a call without an acknowledgement', async () => {
    const { origin, secret, log } = await startBridge();
    const socket = await connect(origin, { auth: { secret } });
    socket.emit(BRIDGE_CALL_CHANNEL, 'kiosk.info', {});
    await until('the ignored call to be logged', () =>
      log.entries.some((e) => e.message === 'bridge: call without an acknowledgement ignored'),
    );
    // The connection is still good for proper calls.
    expect((await call(socket, 'kiosk.info', {})).ok).toBe(true);
  });

  it('sends every runtime event to every connected renderer, and stops listening when closed', async () => {
    const { origin, secret, runtime } = await startBridge();
    const sockets = [
      await connect(origin, { auth: { secret } }),
      await connect(origin, { auth: { secret } }),
    ];
    const received = sockets.map(() => [] as BridgeEventEnvelope[]);
    sockets.forEach((socket, i) => {
      socket.on(BRIDGE_EVENT_CHANNEL, (event: BridgeEventEnvelope) => received[i]!.push(event));
    });
    const events: BridgeEventEnvelope[] = [
      { name: 'scan', payload: { outcome: 'not-found', code: '4006381333931' } },
      { name: 'idle', payload: { phase: 'warning', secondsLeft: 10 } },
    ];
    for (const event of events) runtime.emit(event);
    await until('both renderers to get both events', () => received.every((r) => r.length === 2));
    expect(received).toEqual([events, events]);

    expect(runtime.listeners).toBe(1);
    await closers.pop()?.();
    expect(runtime.listeners).toBe(0);
  });
});
