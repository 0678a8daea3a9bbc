/**
 * The bridge over Electron IPC, without Electron's binary: the shared fake of `ipcMain`,
 * `ipcRenderer` and `contextBridge`, typed against Electron's real API, joins the real preload to
 * the real main-process side and the runtime's dispatcher. The same contract the browser host
 * serves over socket.io is answered here, and a forged sender is refused.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { refusalOf, serveBridgeOverIpc } from '../../../../main/electron/bridge-ipc.js';
import { APP_ORIGIN } from '../../../../main/electron/origin.js';
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
import { FakeWebContents, pageIpc, type FakeFrame } from '../../../support/fake-electron.js';

// The preload imports contextBridge and ipcRenderer from 'electron': the shared fake's page side.
vi.mock('electron', async () => (await import('../../../support/fake-electron.js')).fakeElectronModule());

/** A kiosk window: what main sends to it arrives at the page's ipcRenderer listeners. */
const window = new FakeWebContents(pageIpc);

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
      ipcMain: pageIpc.ipcMain,
      runtime,
      appOrigin: APP_ORIGIN,
      windows: () => [window],
      onRefused: (reason) => refused.push(reason),
    });
    await import('../../../../main/electron/preload.js');
    const exposed = pageIpc.exposed.get(BRIDGE_PRELOAD_GLOBAL) as BridgeTransport;
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
    pageIpc.senderFrame = {
      url: 'app://vitrine/frame.html',
      parent: { url: 'app://vitrine/index.html', parent: null },
    };
    expect(await exposed.call('catalog.search', { text: 'x' })).toEqual({
      ok: false,
      error: { code: 'invalid-call', message: 'refused: calls from a subframe are refused' },
    });
    pageIpc.senderFrame = { url: 'https://evil.example/', parent: null };
    const foreign = await exposed.call('catalog.search', { text: 'x' });
    expect(foreign.ok ? '' : foreign.error.message).toBe(
      'refused: the sender https://evil.example is not the kiosk page (app://vitrine)',
    );
    expect(refused).toHaveLength(2);

    stop();
    expect(pageIpc.handlers.has(BRIDGE_CALL_CHANNEL)).toBe(false);
    expect(listeners.size).toBe(0);
    expect(BRIDGE_EVENT_CHANNEL).toBe('bridge:event');
  });

  it('compares origins by URL parser, not by string prefix', () => {
    const as = (url: string, parent: FakeFrame | null = null) =>
      refusalOf({ senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent, 'http://127.0.0.1:4321');
    expect(as('http://127.0.0.1:4321/#/product')).toBeNull();
    expect(as('http://127.0.0.1.evil.example:4321/')).toMatch(/is not the kiosk page/);
    expect(as('http://127.0.0.1:4321@evil.example/')).toMatch(/is not the kiosk page/);
    expect(as('http://127.0.0.1:43210/')).toMatch(/is not the kiosk page/);
    expect(as('not a url')).toMatch(/does not parse/);
    expect(refusalOf({ senderFrame: null }, 'http://127.0.0.1:4321')).toBe('the sending frame is gone');
  });
});
