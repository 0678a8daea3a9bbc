/**
 * The bridge over Electron IPC, without Electron's binary: a small fake of `ipcMain`,
 * `ipcRenderer` and `contextBridge`, typed against Electron's real API, joins the real preload to
 * the real main-process side and the runtime's dispatcher. The same contract the browser host
 * serves over socket.io is answered here, and a forged sender is refused.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { refusalOf, serveBridgeOverIpc } from '../../../../main/electron/bridge-ipc.js';
import {
  BRIDGE_CALL_CHANNEL,
  BRIDGE_EVENT_CHANNEL,
  BRIDGE_PRELOAD_GLOBAL,
  createBridgeClient,
  createBridgeDispatcher,
  type BridgeEventEnvelope,
  type BridgeHandlers,
  type BridgeTransport,
} from '../../../../shared/bridge/index.js';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
interface Frame {
  url: string;
  parent: Frame | null;
}

/** ipcMain's handle/removeHandler, and the page side that invokes them as a given frame. */
const fake = vi.hoisted(() => {
  const handlers = new Map<string, Handler>();
  const rendererListeners = new Map<string, Set<(event: object, ...args: unknown[]) => void>>();
  const exposed = new Map<string, unknown>();
  const page = { frame: { url: 'app://kiosk/index.html', parent: null } as Frame | null };
  return { handlers, rendererListeners, exposed, page };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      const handler = fake.handlers.get(channel);
      if (handler === undefined) return Promise.reject(new Error(`no handler for ${channel}`));
      return Promise.resolve(
        handler({ senderFrame: fake.page.frame } as unknown as IpcMainInvokeEvent, ...args),
      );
    },
    on: (channel: string, listener: (event: object, ...args: unknown[]) => void) => {
      const set = fake.rendererListeners.get(channel) ?? new Set();
      set.add(listener);
      fake.rendererListeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (event: object, ...args: unknown[]) => void) => {
      fake.rendererListeners.get(channel)?.delete(listener);
    },
  },
}));

const ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'> = {
  handle: (channel, listener) => {
    fake.handlers.set(channel, listener as Handler);
  },
  removeHandler: (channel) => {
    fake.handlers.delete(channel);
  },
};

/** A window: what main sends to it arrives at the page's ipcRenderer listeners. */
const window = {
  send: (channel: string, ...args: unknown[]) => {
    for (const listener of fake.rendererListeners.get(channel) ?? []) listener({}, ...args);
  },
  isDestroyed: () => false,
};

describe('bridge over Electron IPC', () => {
  it('the preload exposes only call/subscribe; calls reach the dispatcher, events reach the page', async () => {
    const listeners = new Set<(event: BridgeEventEnvelope) => void>();
    const runtime = {
      dispatch: createBridgeDispatcher(
        {
          'catalog.search': ({ text }: { text: string }) => ({
            hits: [],
            hasMore: false,
            corrections: { [text]: ['fixed'] },
          }),
        } as Partial<BridgeHandlers> as BridgeHandlers,
        () => undefined,
      ),
      onEvent: (listener: (event: BridgeEventEnvelope) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const refused: string[] = [];
    const stop = serveBridgeOverIpc({
      ipcMain,
      runtime,
      appOrigin: 'app://kiosk',
      windows: () => [window],
      onRefused: (reason) => refused.push(reason),
    });
    await import('../../../../main/electron/preload.js');
    const exposed = fake.exposed.get(BRIDGE_PRELOAD_GLOBAL) as BridgeTransport;
    expect(Object.keys(exposed).sort()).toEqual(['call', 'subscribe']);

    const client = createBridgeClient(exposed);
    expect(await client.call('catalog.search', { text: 'sneakres' })).toEqual({
      hits: [],
      hasMore: false,
      corrections: { sneakres: ['fixed'] },
    });
    // Arguments are parsed on the main side, as for the browser host.
    expect(await exposed.call('catalog.search', { text: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-call' },
    });

    const seen: unknown[] = [];
    client.on('idle', (payload) => seen.push(payload));
    for (const listener of listeners) listener({ name: 'idle', payload: { phase: 'reset' } });
    expect(seen).toEqual([{ phase: 'reset' }]);

    // A forged sender: a subframe of the kiosk page, then another origin's page.
    fake.page.frame = {
      url: 'app://kiosk/frame.html',
      parent: { url: 'app://kiosk/index.html', parent: null },
    };
    expect(await exposed.call('catalog.search', { text: 'x' })).toEqual({
      ok: false,
      error: { code: 'invalid-call', message: 'refused: calls from a subframe are refused' },
    });
    fake.page.frame = { url: 'https://evil.example/', parent: null };
    const foreign = await exposed.call('catalog.search', { text: 'x' });
    expect(foreign.ok ? '' : foreign.error.message).toBe(
      'refused: the sender https://evil.example is not the kiosk page (app://kiosk)',
    );
    expect(refused).toHaveLength(2);

    stop();
    expect(fake.handlers.has(BRIDGE_CALL_CHANNEL)).toBe(false);
    expect(listeners.size).toBe(0);
    expect(BRIDGE_EVENT_CHANNEL).toBe('bridge:event');
  });

  it('compares origins by URL parser, not by string prefix', () => {
    const as = (url: string, parent: Frame | null = null) =>
      refusalOf({ senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent, 'http://127.0.0.1:4321');
    expect(as('http://127.0.0.1:4321/#/product')).toBeNull();
    expect(as('http://127.0.0.1.evil.example:4321/')).toMatch(/is not the kiosk page/);
    expect(as('http://127.0.0.1:4321@evil.example/')).toMatch(/is not the kiosk page/);
    expect(as('http://127.0.0.1:43210/')).toMatch(/is not the kiosk page/);
    expect(as('not a url')).toMatch(/does not parse/);
    expect(refusalOf({ senderFrame: null }, 'http://127.0.0.1:4321')).toBe('the sending frame is gone');
  });
});
