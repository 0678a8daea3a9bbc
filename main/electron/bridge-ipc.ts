/**
 * The bridge over Electron IPC, main-process side: calls from the preload arrive on one channel
 * with `ipcMain.handle`, are refused unless they come from the kiosk page's own main frame
 * (Electron's security checklist: validate every IPC message's sender), and go to the runtime's
 * dispatcher, which parses their arguments as it does for the browser host. Runtime events are
 * sent to every kiosk window.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  BRIDGE_CALL_CHANNEL,
  BRIDGE_EVENT_CHANNEL,
  type BridgeDispatcher,
  type BridgeEventEnvelope,
  type BridgeReply,
} from '../../shared/bridge/index.js';
import { originOf } from './origin.js';

export interface IpcBridgeOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  runtime: {
    dispatch: BridgeDispatcher;
    onEvent(listener: (event: BridgeEventEnvelope) => void): () => void;
  };
  /** The origin the kiosk page is loaded from: APP_ORIGIN (origin.ts). */
  appOrigin: string;
  /** The windows showing the kiosk page, for events. */
  windows: () => Iterable<Pick<WebContents, 'send' | 'isDestroyed'>>;
  onRefused: (reason: string) => void;
}

/**
 * Why a call's sender is not the kiosk page, or null when it is: it must be a main frame (not an
 * iframe a product text smuggled in) whose URL, parsed, has the app's origin.
 */
export function refusalOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appOrigin: string): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'the sending frame is gone';
  if (frame.parent !== null) return 'calls from a subframe are refused';
  const origin = originOf(frame.url);
  if (origin === null) return `the sender's URL does not parse: ${frame.url.slice(0, 100)}`;
  return origin === appOrigin ? null : `the sender ${origin} is not the kiosk page (${appOrigin})`;
}

export function serveBridgeOverIpc(options: IpcBridgeOptions): () => void {
  options.ipcMain.handle(
    BRIDGE_CALL_CHANNEL,
    async (event: IpcMainInvokeEvent, name: unknown, args: unknown): Promise<BridgeReply> => {
      const refusal = refusalOf(event, options.appOrigin);
      if (refusal !== null) {
        options.onRefused(refusal);
        return { ok: false, error: { code: 'invalid-call', message: `refused: ${refusal}` } };
      }
      return options.runtime.dispatch(name, args);
    },
  );
  const unsubscribe = options.runtime.onEvent((envelope) => {
    for (const contents of options.windows()) {
      if (!contents.isDestroyed()) contents.send(BRIDGE_EVENT_CHANNEL, envelope);
    }
  });
  return () => {
    unsubscribe();
    options.ipcMain.removeHandler(BRIDGE_CALL_CHANNEL);
  };
}
