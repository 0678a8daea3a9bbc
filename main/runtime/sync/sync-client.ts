import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  DEVICE_NAMESPACE,
  errorSchema,
  heartbeatSchema,
  helloSchema,
  parseMessage,
  pokeSchema,
  PROTOCOL_VERSION,
  pullResponseSchema,
  snapshotPageResponseSchema,
  memberRequestSchemas,
  type MemberRequest,
  type MemberRequestName,
  type MemberResponse,
  type DeviceToHubEvents,
  type Heartbeat,
  type HubToDeviceEvents,
} from '../../../shared/protocol/index.js';
import type { SyncTarget } from '../catalog/index.js';
import { createCommandRunner, type CommandHandlers } from './commands.js';
import { latestCatalogVersion } from '../catalog/index.js';
import { discardImage, downloadImage } from './image-download.js';
import { enroll, loadCredentials, saveCredentials, type DeviceCredentials } from './credentials.js';
import { requestWithAck } from './hub-request.js';
import type { Outbox } from './outbox.js';
import { createOutboxSender, type OutboxSender } from './outbox-sender.js';
import { applyPokedChanges, syncScope, type SnapshotPageProgress } from './scope-sync.js';
import { backoffMs, errorText, Sleeper, systemTimers, type SyncLog, type Timers } from './support.js';

export type DeviceSocket = Socket<HubToDeviceEvents, DeviceToHubEvents>;
export type SocketFactory = (url: string, options: Partial<ManagerOptions & SocketOptions>) => DeviceSocket;

export type SyncPhase =
  'idle' | 'enrolling' | 'connecting' | 'pulling' | 'snapshot' | 'online' | 'offline' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  /** Pages of the snapshot that last moved (several scopes may take one at once). */
  progress?: { scope: string; done: number; total: number };
  /**
   * Rows staged of all snapshots being taken, for the UI ("1.2 million of 1.5 million"); total 0
   * when the hub did not say how many (a snapshot resumed from a staged one it announced).
   */
  rows?: { done: number; total: number };
  cursors: Record<string, number>;
  lastError?: string;
  deviceId?: string;
  storeCode?: string;
}

export interface SyncClientOptions {
  hubUrl: string;
  dataDir: string;
  catalog: SyncTarget;
  /** The config's one-time code, traded for a token when none is stored. */
  enrollmentCode?: string;
  /** Credentials to use instead of the stored ones (provisioned by other means, or tests). */
  credentials?: DeviceCredentials;
  appVersion: string;
  log: SyncLog;
  now: () => Date;
  random: () => number;
  connect?: SocketFactory;
  fetch?: typeof fetch;
  timers?: Timers;
  outbox?: Outbox;
  heartbeatSeconds?: number;
  hardware?: () => Heartbeat['hardware'];
  memoryMb?: () => number;
  /** Upper bound of the random wait before the first connect (default 10 s). */
  firstConnectJitterMs?: number;
  ackTimeoutMs?: number;
  /** What the shell can do when the hub asks; a command without a handler is answered "not supported". */
  commands?: CommandHandlers;
}

export interface SyncClient {
  start(): void;
  stop(): void;
  status(): SyncStatus;
  /** Calls `listener` on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Drops staged snapshots and pulls every scope now (the staff panel's "resync"). */
  resync(): Promise<{ ok: boolean; message: string }>;
  /**
   * A member request answered live by the hub, never queued: a member's identity must not reach
   * the outbox's file. Rejects with HubRequestError at once while the hub is not connected.
   */
  memberRequest<K extends MemberRequestName>(
    name: K,
    request: MemberRequest<K>,
    timeoutMs?: number,
  ): Promise<MemberResponse<K>>;
}

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { catalog, log, random } = options;
  const hubUrl = options.hubUrl.replace(/\/+$/, '');
  const timers = options.timers ?? systemTimers;
  const sleeper = new Sleeper(timers);
  const connectSocket: SocketFactory = options.connect ?? ((url, opts) => io(url, opts));
  const ackTimeoutMs = options.ackTimeoutMs ?? 15_000;
  const startedAt = options.now().getTime();
  const listeners = new Set<(status: SyncStatus) => void>();

  let stopped = true;
  let generation = 0; // bumped by stop(): loops of an earlier run notice and end
  let socket: DeviceSocket | undefined;
  let ready = false; // connected and greeted (hello)
  let credentials: DeviceCredentials | undefined;
  let terminal: string | undefined;
  let lastError: string | undefined;
  let progress: SyncStatus['progress'];
  const snapshots = new Map<string, SnapshotPageProgress>();
  let wasOnline = false;
  let lastStatusJson = '';
  // Cached so status() still answers after stop(), when the catalog may already be closed.
  let cursors: Record<string, number> = {};
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let sender: OutboxSender | undefined;
  /** The scopes the hub named in its last hello: a resync pulls each of them again. */
  let hubScopes: string[] = [];

  function phase(): SyncPhase {
    if (terminal !== undefined) return 'error';
    if (stopped) return 'idle';
    if (credentials === undefined) return 'enrolling';
    if (!ready) return wasOnline ? 'offline' : 'connecting';
    if (progress !== undefined) return 'snapshot';
    return running.size > 0 ? 'pulling' : 'online';
  }

  function status(): SyncStatus {
    const out: SyncStatus = { phase: phase(), cursors };
    if (progress !== undefined) out.progress = progress;
    if (snapshots.size > 0) {
      const all = [...snapshots.values()];
      out.rows = {
        done: all.reduce((n, p) => n + p.rowsDone, 0),
        total: all.reduce((n, p) => n + p.rows, 0),
      };
    }
    const error = terminal ?? lastError;
    if (error !== undefined) out.lastError = error;
    if (credentials !== undefined) {
      out.deviceId = credentials.deviceId;
      out.storeCode = credentials.storeCode;
    }
    return out;
  }

  function changed(): void {
    if (!stopped) cursors = catalog.cursors();
    const now = status();
    const json = JSON.stringify(now);
    if (json === lastStatusJson) return;
    lastStatusJson = json;
    for (const listener of listeners) listener(now);
  }

  function fail(message: string): void {
    terminal = message;
    log.error({ error: message }, 'sync stopped');
    teardown();
    changed();
  }

  const connected = (): boolean => ready && socket?.connected === true;
  const ack = { timeoutMs: ackTimeoutMs, attempts: 3, connected, log };

  function requestSync(scope: string): void {
    if (running.has(scope)) {
      again.add(scope); // one pull in flight per scope; pokes meanwhile coalesce into one more
      return;
    }
    const gen = generation;
    const run = syncUntilDone(scope, gen).finally(() => {
      if (gen !== generation) return;
      running.delete(scope);
      changed();
    });
    running.set(scope, run);
    changed();
  }

  /**
   * Deletes the pages of swapped-in snapshots a few at a time, yielding between steps, so lookups
   * and the socket are not held up by one long delete after a big swap.
   */
  let tidying = false;
  function tidy(gen: number): void {
    if (tidying) return;
    tidying = true;
    const step = async (): Promise<void> => {
      let more = false;
      if (gen === generation) {
        try {
          more = await catalog.cleanUpSnapshots();
        } catch (error) {
          log.warn({ error: errorText(error) }, 'could not delete staged snapshot pages; will try later');
        }
      }
      if (more) timers.setTimeout(() => void step(), 0);
      else tidying = false;
    };
    timers.setTimeout(() => void step(), 0);
  }

  async function syncUntilDone(scope: string, gen: number): Promise<void> {
    for (let attempt = 0; gen === generation && connected();) {
      again.delete(scope);
      try {
        await syncScope(scope, {
          catalog,
          log,
          images: {
            schema: latestCatalogVersion,
            download: (imageScope, image, onBytes) => {
              if (credentials === undefined) throw new Error('catalog image: not enrolled');
              const { deviceId, token } = credentials;
              return downloadImage(image, {
                scope: imageScope,
                hubUrl,
                dataDir: options.dataDir,
                deviceId,
                token,
                fetch: options.fetch ?? fetch,
                progress: onBytes,
              });
            },
            discard: discardImage,
          },
          pull: (request) =>
            requestWithAck(
              (ms) => need().timeout(ms).emitWithAck('catalog:pull', request),
              pullResponseSchema,
              'catalog:pull',
              ack,
            ),
          snapshotPage: (request) =>
            requestWithAck(
              (ms) => need().timeout(ms).emitWithAck('catalog:snapshot', request),
              snapshotPageResponseSchema,
              'catalog:snapshot',
              ack,
            ),
          progress: (s, p) => {
            if (gen !== generation) return;
            if (p === undefined) snapshots.delete(s);
            else snapshots.set(s, p);
            const latest = p ?? [...snapshots.values()].at(-1);
            const latestScope = p === undefined ? [...snapshots.keys()].at(-1) : s;
            progress =
              latest === undefined || latestScope === undefined
                ? undefined
                : { scope: latestScope, done: latest.done, total: latest.total };
            changed();
          },
          // Store scopes apply after a catalog sync in flight (see ScopeSyncDeps.readyToApply).
          ...(scope === 'catalog' ? {} : { readyToApply: () => running.get('catalog') ?? Promise.resolve() }),
        });
        attempt = 0;
        changed();
        tidy(gen);
        if (!again.has(scope)) return;
      } catch (error) {
        if (gen !== generation) return; // stopped: the error is the disconnect
        lastError = errorText(error);
        log.warn({ scope, error: lastError }, 'scope sync failed; will retry');
        changed();
        await sleeper.sleep(backoffMs(attempt++, random));
      }
    }
  }

  /** Settles when no scope sync is in flight (or the connection went). */
  async function settled(gen: number): Promise<void> {
    while (gen === generation && running.size > 0) await Promise.allSettled([...running.values()]);
  }

  /**
   * Resync: drop staged snapshots and pull every scope again. The hub, having sent the resync,
   * answers this device's next pull of each scope with a whole snapshot (reason `requested`),
   * which replaces what the device holds; the pull request itself cannot ask for one.
   */
  async function resync(): Promise<{ ok: boolean; message: string }> {
    const gen = generation;
    // A snapshot in flight may be the one the hub sent for this resync: let it land first.
    await settled(gen);
    if (gen !== generation || !connected())
      return { ok: false, message: 'resync: connection lost before it began' };
    const scopes = [...new Set([...hubScopes, ...Object.keys(catalog.cursors())])].sort(
      (a, b) => Number(b === 'catalog') - Number(a === 'catalog') || a.localeCompare(b),
    );
    for (const scope of scopes)
      if (catalog.snapshotInProgress(scope) !== undefined) await catalog.abandonSnapshot(scope);
    for (const scope of scopes) requestSync(scope);
    await settled(gen);
    if (gen !== generation || !connected()) {
      return { ok: false, message: 'resync: connection lost while pulling; scopes catch up on reconnect' };
    }
    const now = catalog.cursors();
    return {
      ok: true,
      message: `resynced ${String(scopes.length)} scopes: ${scopes.map((s) => `${s}@${String(now[s] ?? 0)}`).join(', ')}`,
    };
  }

  const commands = createCommandRunner({
    handlers: options.commands ?? {},
    resync,
    log,
    send: (result) => {
      if (socket?.connected === true) socket.emit('command:result', result);
      else
        log.warn(
          { commandId: result.id },
          'command result not sent: offline; the hub sends the command again',
        );
    },
    // socket.io writes emits on the next tick; a moment more lets the result reach the wire.
    beforeRestart: () => sleeper.sleep(500),
  });

  function need(): DeviceSocket {
    if (socket === undefined) throw new Error('not connected');
    return socket;
  }

  function sendHeartbeat(): void {
    const message = parseMessage(
      heartbeatSchema,
      {
        at: options.now().toISOString(),
        appVersion: options.appVersion,
        uptimeSeconds: Math.max(0, (options.now().getTime() - startedAt) / 1000),
        memoryMb: options.memoryMb?.() ?? Math.round(process.memoryUsage().rss / 1_048_576),
        cursors: catalog.cursors(),
        hardware: options.hardware?.() ?? [],
      },
      'device:heartbeat',
    );
    if (message.ok) need().emit('device:heartbeat', message.value);
    else log.error({ problem: message.error }, 'heartbeat not sent');
  }

  async function heartbeats(gen: number): Promise<void> {
    while (gen === generation && connected()) {
      sendHeartbeat();
      await sleeper.sleep((options.heartbeatSeconds ?? 30) * 1000);
    }
  }

  function attach(s: DeviceSocket, gen: number): void {
    s.on('hello', (raw) => {
      const hello = parseMessage(helloSchema, raw, 'hello');
      if (!hello.ok) {
        log.error({ problem: hello.error }, 'refused a malformed hub message');
        return;
      }
      ready = true;
      wasOnline = true;
      hubScopes = hello.value.scopes.map((s) => s.scope);
      lastError = undefined;
      sender?.resume();
      // The catalog first: store prices and stock refer to its SKUs.
      const scopes = [...hello.value.scopes].sort(
        (a, b) => Number(b.scope === 'catalog') - Number(a.scope === 'catalog'),
      );
      for (const { scope, head } of scopes) {
        if (head !== catalog.cursor(scope) || catalog.snapshotInProgress(scope) !== undefined)
          requestSync(scope);
      }
      void heartbeats(gen);
      changed();
    });
    s.on('catalog:poke', (raw) => {
      const poke = parseMessage(pokeSchema, raw, 'catalog:poke');
      if (!poke.ok) {
        log.error({ problem: poke.error }, 'refused a malformed hub message');
        return;
      }
      if (!ready) return;
      const { scope, head, from, changes } = poke.value;
      // A delta that rode along is applied at once, unless a pull of this scope (or, for a store
      // scope, of the catalog its SKUs come from) is under way: then the pull brings it in order.
      const busy = running.has(scope) || (scope !== 'catalog' && running.has('catalog'));
      if (from !== undefined && changes !== undefined && !busy) {
        // Marked running while it is applied, so a pull of the scope waits its turn behind it.
        const apply = applyPokedChanges(catalog, { scope, head, from, changes }).then(
          (outcome) => {
            if (outcome.applied) {
              for (const problem of outcome.problems) log.warn({ scope, problem }, 'change skipped');
              return true;
            }
            return false;
          },
          (error: unknown) => {
            log.error({ scope, problem: String(error) }, 'refused a poke delta; pulling instead');
            return false;
          },
        );
        const gen = generation;
        const run = apply
          .then((applied) => {
            if (gen !== generation) return;
            running.delete(scope);
            changed();
            if (!applied || again.has(scope)) requestSync(scope);
          })
          .catch(() => undefined);
        running.set(scope, run);
        return;
      }
      requestSync(scope);
    });
    s.on('command', (raw: unknown) => {
      // Before hello the device does not know its scopes; the hub sends every pending command
      // again right after hello, so nothing is lost by waiting for it.
      if (!ready) {
        log.debug({}, 'command before hello ignored; the hub sends it again after hello');
        return;
      }
      commands.receive(raw);
    });
    s.on('disconnect', (reason) => {
      ready = false;
      sender?.pause();
      log.info({ reason }, 'disconnected from hub');
      if (reason === 'io server disconnect') {
        // The hub closed the connection itself (a graceful restart, or a revocation). socket.io
        // does not reconnect after that on its own; a restarted hub must get its devices back,
        // spread over a few seconds, and a revoked device is refused at the next connect.
        void sleeper.sleep(backoffMs(2, random)).then(() => {
          if (gen === generation && !s.connected) s.connect();
        });
      }
      changed();
    });
    s.on('connect_error', (error) => {
      const data = parseMessage(errorSchema, (error as Error & { data?: unknown }).data, 'connect_error');
      const code = data.ok ? data.value.code : error.message;
      lastError = `connect: ${error.message}`;
      if (!s.active) {
        // Refused by the hub (socket.io does not retry those by itself). A revoked token or an
        // old protocol will be refused again: stop rather than hammer the hub.
        if (code === 'unauthorized' || code === 'protocol-version') {
          fail(`hub refused the connection: ${code}`);
          return;
        }
        void sleeper.sleep(backoffMs(3, random)).then(() => {
          if (gen === generation) s.connect();
        });
      }
      changed();
    });
  }

  async function run(gen: number): Promise<void> {
    credentials = options.credentials ?? loadCredentials(options.dataDir);
    changed();
    for (let attempt = 0; credentials === undefined; attempt++) {
      if (options.enrollmentCode === undefined) {
        fail('no device credentials and no enrollment code');
        return;
      }
      const outcome = await enroll({
        hubUrl,
        code: options.enrollmentCode,
        appVersion: options.appVersion,
        fetch: options.fetch ?? fetch,
      });
      if (gen !== generation) return;
      if (outcome.ok) {
        saveCredentials(options.dataDir, outcome.credentials);
        credentials = outcome.credentials;
        log.info({ deviceId: credentials.deviceId }, 'enrolled');
      } else if (!outcome.retry) {
        fail(outcome.message);
        return;
      } else {
        lastError = outcome.message;
        changed();
        await sleeper.sleep(backoffMs(attempt, random));
        if (gen !== generation) return;
      }
    }
    changed();
    // Spread first connects: after a hub restart every device would otherwise arrive at once.
    await sleeper.sleep(random() * (options.firstConnectJitterMs ?? 10_000));
    if (gen !== generation) return;
    const s = connectSocket(`${hubUrl}${DEVICE_NAMESPACE}`, {
      auth: { protocol: PROTOCOL_VERSION, deviceId: credentials.deviceId, token: credentials.token },
      autoConnect: false,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 60_000,
      randomizationFactor: 0.5,
    });
    socket = s;
    attach(s, gen);
    s.connect();
  }

  function teardown(): void {
    generation++;
    running.clear();
    again.clear();
    progress = undefined;
    snapshots.clear();
    ready = false;
    sender?.pause();
    sleeper.cancelAll();
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = undefined;
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      terminal = undefined;
      if (options.outbox !== undefined && sender === undefined) {
        sender = createOutboxSender({
          outbox: options.outbox,
          push: (request) => need().timeout(ackTimeoutMs).emitWithAck('events:push', request),
          log,
          timers,
          now: options.now,
        });
      }
      const gen = generation;
      run(gen).catch((error: unknown) => {
        fail(errorText(error));
      });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      teardown();
      changed();
    },
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resync,
    memberRequest<K extends MemberRequestName>(name: K, request: MemberRequest<K>, timeoutMs = 5000) {
      // socket.io's types cannot follow a generic event name; the request is K's, and the answer
      // is parsed with K's own response schema.
      const emit = (ms: number): Promise<unknown> =>
        (need().timeout(ms).emitWithAck as (event: string, payload: unknown) => Promise<unknown>)(
          name,
          request,
        );
      return requestWithAck(emit, memberRequestSchemas[name].response, name, {
        ...ack,
        timeoutMs,
        // One attempt: the shopper is waiting, and a retried identify would open a second session.
        attempts: 1,
      }) as Promise<MemberResponse<K>>;
    },
  };
}
