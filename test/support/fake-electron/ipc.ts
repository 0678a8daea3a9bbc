/**
 * The page side of IPC joined to ipcMain: what the preload imports from 'electron'
 * (contextBridge, ipcRenderer), with the frame a call appears to come from set by the test.
 */
import type { ContextBridge, IpcMain, IpcMainInvokeEvent, IpcRenderer, IpcRendererEvent } from 'electron';

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type RendererListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

/** The parts of ipcRenderer the preload uses; the real IpcRenderer must fit (checked below). */
export interface PageIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: RendererListener): unknown;
  removeListener(channel: string, listener: RendererListener): unknown;
}
/** Compile-time checks: the real objects have everything the fakes stand in for. */
export const realIpcRendererFits = (real: IpcRenderer): PageIpc => real;
export const realContextBridgeFits = (real: ContextBridge): Pick<ContextBridge, 'exposeInMainWorld'> => real;

/** One IPC hub: ipcMain on one side, a page's ipcRenderer on the other, sent as `senderFrame`. */
export class FakeIpc {
  readonly handlers = new Map<string, InvokeHandler>();
  readonly exposed = new Map<string, unknown>();
  private readonly pageListeners = new Map<string, Set<RendererListener>>();
  /** The frame the page's calls appear to come from; set it to forge a sender. */
  senderFrame: FakeFrame | null = { url: 'app://vitrine/index.html?display=0', parent: null };

  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'> = {
    handle: (channel, listener) => {
      this.handlers.set(channel, listener as InvokeHandler);
    },
    removeHandler: (channel) => {
      this.handlers.delete(channel);
    },
  };

  readonly ipcRenderer: PageIpc = {
    invoke: (channel, ...args) => {
      const handler = this.handlers.get(channel);
      if (handler === undefined) return Promise.reject(new Error(`no handler for ${channel}`));
      // Only senderFrame is read by the shell; the rest of IpcMainInvokeEvent is not faked.
      return Promise.resolve(
        handler({ senderFrame: this.senderFrame } as unknown as IpcMainInvokeEvent, ...args),
      );
    },
    on: (channel, listener) => {
      const set = this.pageListeners.get(channel) ?? new Set();
      set.add(listener);
      this.pageListeners.set(channel, set);
    },
    removeListener: (channel, listener) => {
      this.pageListeners.get(channel)?.delete(listener);
    },
  };

  readonly contextBridge: Pick<ContextBridge, 'exposeInMainWorld'> = {
    exposeInMainWorld: (key, api: unknown) => {
      this.exposed.set(key, api);
    },
  };

  /** What main's `webContents.send` delivers to the page. */
  deliverToPage(channel: string, ...args: unknown[]): void {
    for (const listener of this.pageListeners.get(channel) ?? []) listener({} as IpcRendererEvent, ...args);
  }

  listenerCount(channel: string): number {
    return this.pageListeners.get(channel)?.size ?? 0;
  }
}

/** The hub the mocked 'electron' module of a test file uses: `vi.mock('electron', () => fakeElectronModule())`. */
export const pageIpc = new FakeIpc();
export function fakeElectronModule(): { contextBridge: FakeIpc['contextBridge']; ipcRenderer: PageIpc } {
  return { contextBridge: pageIpc.contextBridge, ipcRenderer: pageIpc.ipcRenderer };
}
