/**
 * One shopper's session on the device, composed: the idle clock that starts and ends it, the
 * reservations and hand-offs it sends, its analytics, its language, the loyalty member it may
 * have, and what scans and card swipes do to it. `end` wipes all of it at once, for "I'm done"
 * and for the idle timeout alike; the page learns of it from the `idle: reset` event.
 */
import type { BridgeEventName, BridgeEvents } from '../../../shared/bridge/index.js';
import type { KioskConfig } from '../../../kiosk-config/index.js';
import type { CatalogReader } from '../catalog/index.js';
import type { DeviceUiEvent } from '../devices/index.js';
import type { Outbox, SyncClient, SyncLog, Timers } from '../sync/index.js';
import { createSessionAnalytics } from './analytics.js';
import { IdleClock } from './idle.js';
import { SessionLanguage } from './language.js';
import { createMemberSession } from './member.js';
import { memberCodeOf } from './member-codes.js';
import { createShopperRequests } from './requests.js';
import { hitOfProduct, scanEventOf, syncViewOf } from './views.js';

export interface ShopperSessionOptions {
  /** The config in force (a pushed config replaces it). */
  config: () => KioskConfig;
  outbox: Outbox | undefined;
  /** The hub connection, once there is one. */
  client: () => SyncClient | undefined;
  reader: CatalogReader;
  now: () => Date;
  timers: Timers;
  log: SyncLog;
  emit: <K extends BridgeEventName>(name: K, payload: BridgeEvents[K]) => void;
}

export type ShopperSession = ReturnType<typeof createShopperSession>;

export function createShopperSession(options: ShopperSessionOptions) {
  const { outbox, reader, now, timers, log, emit } = options;
  const start = options.config();
  const storeCode = start.store.code;
  const online = (): boolean => syncViewOf(options.client()?.status()).online;

  const requests = createShopperRequests({
    outbox,
    online,
    now,
    timers,
    onReservation: (view) => {
      emit('reservation', view);
    },
  });
  const analytics = createSessionAnalytics({ outbox, now, log });
  // The loyalty member of this session: in memory only, forgotten with the session.
  const member = createMemberSession({
    consent: () => options.config().consent,
    hub: options.client,
    online,
    emit: (event) => {
      emit('member', event);
    },
    track: (name, props) => {
      analytics.record(name, props);
    },
    products: (ids) =>
      ids.flatMap((id) => {
        const product = reader.product(id, storeCode);
        return product === undefined ? [] : [hitOfProduct(product)];
      }),
    log,
  });
  const idle: IdleClock = new IdleClock({
    timeoutSeconds: start.idle.timeoutSeconds,
    warningSeconds: start.idle.warningSeconds,
    timers,
    onStart: () => {
      analytics.start();
    },
    onWarning: (secondsLeft) => {
      emit('idle', { phase: 'warning', secondsLeft });
    },
    onActive: () => {
      emit('idle', { phase: 'active' });
    },
    onTimeout: () => {
      end('idle');
    },
  });
  // The shopper's language: the next session starts in the config's default again.
  const language = new SessionLanguage(options.config);

  function end(reason: 'done' | 'idle'): void {
    idle.end();
    requests.wipe();
    language.reset();
    member.forget();
    // Also after a timeout, which the clock has already ended: analytics keeps its own state.
    analytics.end(reason);
    emit('idle', { phase: 'reset' });
  }

  return {
    requests,
    analytics,
    member,
    idle,
    language,
    end,

    /** A scan or a card swipe from the devices. */
    onDeviceEvent: (event: DeviceUiEvent): void => {
      if (event.kind === 'scan') {
        idle.activity();
        // When the report came in, on the wall clock (epoch ms), so the page can measure
        // report-to-painted across processes (npm run bench -- ui).
        const receivedAt = performance.timeOrigin + performance.now() - event.tookMs;
        emit('scan', scanEventOf(event.code, event.outcome, receivedAt));
      } else if (event.kind === 'member') {
        idle.activity();
        emit('card', { kind: 'member' });
        void member.identify({ kind: 'card', value: event.memberId });
      } else {
        emit('card', { kind: 'refused', reason: event.reason });
      }
      analytics.device(event);
    },

    /** A loyalty barcode or member QR identifies a member; it is never looked up or recorded. */
    claimScan: (code: string): boolean => {
      const found = memberCodeOf(code, start.barcodes);
      if (found === null) return false;
      idle.activity();
      if (found.kind === 'member') void member.identify(found.identifier);
      else emit('member', { phase: 'unknown' });
      return true;
    },

    close: (): void => {
      idle.end();
      requests.close();
    },
  };
}
