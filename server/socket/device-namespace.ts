/**
 * The device namespace: authentication at connect, then the protocol's events. Every payload is
 * parsed before it is acted on; a handler never throws out (a failure becomes an `internal`
 * error answer and a log line), and events outside the protocol are logged and ignored.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import {
  DEVICE_NAMESPACE,
  handshakeAuthSchema,
  heartbeatSchema,
  MAX_MESSAGE_BYTES,
  parseMessage,
  POKE_CHANGES_BUDGET_BYTES,
  PROTOCOL_VERSION,
  type DeviceToHubEvents,
  type HubToDeviceEvents,
  type ProtocolError,
} from '../../shared/protocol/index.js';
import type { HubContext } from '../hub-context.js';
import { authenticateDevice, DEVICE_REFUSAL } from '../fleet/device-auth.js';
import { commandMessage, receiveCommandResult } from '../fleet/commands.js';
import type { CommandRow, ScopeState } from '../storage/hub-store.js';
import { scopesForStore } from '../catalog/device-scopes.js';
import { answerPull, answerSnapshotPage, protocolError } from './catalog-answers.js';
import { answerPush } from './outbox-answers.js';
import { answerMember, MEMBER_EVENTS } from '../members/index.js';

interface DeviceSocketData {
  deviceId: string;
  storeCode: string;
}

type DeviceServer = Server<DeviceToHubEvents, HubToDeviceEvents, Record<string, never>, DeviceSocketData>;
type DeviceNamespace = Namespace<
  DeviceToHubEvents,
  HubToDeviceEvents,
  Record<string, never>,
  DeviceSocketData
>;
type DeviceSocket = Socket<DeviceToHubEvents, HubToDeviceEvents, Record<string, never>, DeviceSocketData>;

const KNOWN_EVENTS = new Set([
  'catalog:pull',
  'catalog:snapshot',
  'events:push',
  'device:heartbeat',
  'command:result',
  ...MEMBER_EVENTS,
]);

export interface DeviceGateway {
  io: DeviceServer;
  namespace: DeviceNamespace;
  /** Ids of devices with at least one live connection. */
  online(): Set<string>;
  /**
   * Tells every connected device that these scopes grew; `from` is each scope's head before,
   * so a small delta can ride along with the poke.
   */
  poke(scopes: readonly ScopeState[], from: ReadonlyMap<string, number>): Promise<void>;
  /**
   * Sends a command to a device if it is connected (false if not: it goes out after the next
   * `hello`). Commands without a result are sent again on every connect; the device runs each id once.
   */
  deliver(command: CommandRow): Promise<boolean>;
  /** Drops a device's connections (after revocation). */
  disconnect(deviceId: string): void;
  close(): Promise<void>;
}

class ConnectRefusal extends Error {
  readonly data: ProtocolError;
  constructor(code: ProtocolError['code'], message: string) {
    super(message);
    this.data = { code, message };
  }
}

export function attachDeviceGateway(server: HttpServer, hub: HubContext): DeviceGateway {
  const io: DeviceServer = new Server(server, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
  });
  const namespace: DeviceNamespace = io.of(DEVICE_NAMESPACE);

  namespace.use((socket, next) => {
    authenticate(hub, socket.handshake.auth).then(
      (result) => {
        if (result instanceof ConnectRefusal) {
          hub.logger.warn(
            { deviceId: deviceIdOf(socket.handshake.auth), code: result.data.code, error: result.message },
            'device connection refused',
          );
          next(result);
          return;
        }
        socket.data.deviceId = result.deviceId;
        socket.data.storeCode = result.storeCode;
        next();
      },
      (error: unknown) => {
        hub.logger.error({ err: error }, 'device authentication failed');
        next(new ConnectRefusal('internal', 'the hub could not check this device'));
      },
    );
  });

  /**
   * Devices resyncing, with the scopes they have already been sent a snapshot of: a resync
   * answers the device's next pull of each scope with a snapshot, once. In memory: a hub restart
   * forgets them, and the resync, still without a result, is sent again and asks again. (Several
   * hub nodes would keep these in shared storage.)
   */
  const resyncs = new Map<string, Set<string>>();
  const commands: CommandDelivery = {
    async send(target, command) {
      if (command.kind === 'resync') resyncs.set(command.deviceId, new Set());
      target.emit('command', commandMessage(command));
      await hub.store.markCommandDelivered(command.id, hub.now().toISOString());
      hub.logger.info(
        { deviceId: command.deviceId, commandId: command.id, kind: command.kind },
        'command sent',
      );
    },
    takeSnapshotRequest(deviceId, scope) {
      const taken = resyncs.get(deviceId);
      if (taken === undefined || taken.has(scope)) return false;
      taken.add(scope);
      return true;
    },
    resyncDone(deviceId) {
      resyncs.delete(deviceId);
    },
  };

  namespace.on('connection', (socket) => {
    onConnection(hub, socket, commands);
  });

  return {
    io,
    namespace,
    online: () => new Set([...namespace.sockets.values()].map((socket) => socket.data.deviceId)),
    async poke(scopes, from) {
      // The catalog first: devices apply store prices and stock against its SKUs.
      const ordered = [...scopes].sort(
        (a, b) => Number(b.scope === 'catalog') - Number(a.scope === 'catalog'),
      );
      for (const { scope, head } of ordered) {
        const devices = namespace.to(scopeRoom(scope));
        const before = from.get(scope);
        // One read and one encoding for every device of the scope (a broadcast to its room),
        // instead of one pull each.
        const page =
          before === undefined
            ? undefined
            : await hub.store.readChanges(scope, before, POKE_CHANGES_BUDGET_BYTES);
        if (page !== undefined && !page.more && page.to === head) {
          devices.emit('catalog:poke', { scope, head, from: page.from, changes: page.changes });
        } else {
          devices.emit('catalog:poke', { scope, head });
        }
      }
    },
    async deliver(command) {
      const room = `device:${command.deviceId}`;
      if ((await namespace.in(room).fetchSockets()).length === 0) return false;
      await commands.send(namespace.to(room), command);
      return true;
    },
    disconnect(deviceId) {
      namespace.in(`device:${deviceId}`).disconnectSockets(true);
    },
    close: () =>
      new Promise<void>((resolve) => {
        namespace.disconnectSockets(true);
        // Closes every engine.io client; the HTTP server itself is closed by its owner (fastify).
        io.engine.close();
        resolve();
      }),
  };
}

/** The room of the devices that sync a scope. */
const scopeRoom = (scope: string): string => `scope:${scope}`;

function deviceIdOf(auth: unknown): string | undefined {
  if (typeof auth !== 'object' || auth === null) return undefined;
  const id = (auth as Record<string, unknown>).deviceId;
  return typeof id === 'string' ? id.slice(0, 200) : undefined;
}

async function authenticate(
  hub: HubContext,
  auth: unknown,
): Promise<{ deviceId: string; storeCode: string } | ConnectRefusal> {
  // The version is checked before the rest: a device of another protocol version may send an
  // auth payload of another shape, and deserves to hear "update" rather than "malformed".
  const protocol =
    typeof auth === 'object' && auth !== null ? (auth as Record<string, unknown>).protocol : undefined;
  if (protocol !== PROTOCOL_VERSION) {
    return new ConnectRefusal(
      'protocol-version',
      `this hub speaks protocol ${String(PROTOCOL_VERSION)}, the device sent ${protocol === undefined ? 'none' : JSON.stringify(protocol)}`,
    );
  }
  const parsed = parseMessage(handshakeAuthSchema, auth, 'handshake');
  if (!parsed.ok) return new ConnectRefusal('unauthorized', parsed.error);
  const device = await authenticateDevice(hub, parsed.value.deviceId, parsed.value.token);
  return device ?? new ConnectRefusal('unauthorized', DEVICE_REFUSAL);
}

interface CommandDelivery {
  send(
    target: { emit(event: 'command', message: ReturnType<typeof commandMessage>): unknown },
    command: CommandRow,
  ): Promise<void>;
  /** True once per scope a resync asked a snapshot of; forgets it. */
  takeSnapshotRequest(deviceId: string, scope: string): boolean;
  resyncDone(deviceId: string): void;
}

function onConnection(hub: HubContext, socket: DeviceSocket, commands: CommandDelivery): void {
  const { deviceId, storeCode } = socket.data;
  const log = hub.logger.child({ deviceId });
  void socket.join(`device:${deviceId}`);
  log.info('device connected');

  void (async () => {
    await hub.store.touchDevice(deviceId, hub.now().toISOString());
    const [scopes, stores] = await Promise.all([hub.store.listScopes(), hub.store.listStores()]);
    // Its scopes as the stores stand now (a store added or moved counts from the next connect);
    // it hears pokes of a scope made later, such as its store's first stock import.
    const mine = scopesForStore(stores, storeCode, hub.settings.nearby);
    await socket.join(mine.map(scopeRoom));
    const wanted = new Set(mine);
    socket.emit('hello', {
      protocol: PROTOCOL_VERSION,
      deviceId,
      storeCode,
      scopes: scopes.filter((s) => wanted.has(s.scope)).map(({ scope, head }) => ({ scope, head })),
      serverTime: hub.now().toISOString(),
    });
    // After hello, so the device knows its scopes when a resync arrives. A command made while
    // this connection was being greeted may go out twice; the device runs each id once.
    for (const command of await hub.store.pendingCommands(deviceId)) {
      if (!socket.connected) break;
      await commands.send(socket, command);
    }
  })().catch((error: unknown) => {
    log.error({ err: error }, 'could not greet device or send its pending commands');
  });

  /** Runs an answer for an acked event: a missing ack is logged, a failure answered `internal`. */
  const answer = <R extends { kind: string }>(event: string, ack: unknown, work: () => Promise<R>): void => {
    if (typeof ack !== 'function') {
      log.warn({ event }, 'request without an acknowledgement callback ignored');
      return;
    }
    const reply = ack as (response: R | ReturnType<typeof protocolError>) => void;
    work().then(
      (response) => {
        if (response.kind === 'error') log.warn({ event, response }, 'device request refused');
        reply(response);
      },
      (error: unknown) => {
        log.error({ event, err: error }, 'device request failed');
        reply(protocolError('internal', `${event}: the hub failed to answer; try again`));
      },
    );
  };

  // The typed maps say what an honest device sends; the handlers treat every payload as unknown.
  socket.on('catalog:pull', (request: unknown, ack: unknown) => {
    answer('catalog:pull', ack, () =>
      answerPull(hub, request, (scope) => commands.takeSnapshotRequest(deviceId, scope)),
    );
  });
  socket.on('catalog:snapshot', (request: unknown, ack: unknown) => {
    answer('catalog:snapshot', ack, () => answerSnapshotPage(hub, request));
  });
  socket.on('events:push', (request: unknown, ack: unknown) => {
    answer('events:push', ack, () => answerPush(hub, { id: deviceId, storeCode }, request));
  });
  for (const name of MEMBER_EVENTS) {
    socket.on(name, (request: unknown, ack: unknown) => {
      answer(name, ack, () => answerMember(hub.members.service, name, { id: deviceId, storeCode }, request));
    });
  }
  socket.on('device:heartbeat', (message: unknown) => {
    const parsed = parseMessage(heartbeatSchema, message, 'device:heartbeat');
    if (!parsed.ok) {
      log.warn({ event: 'device:heartbeat', error: parsed.error }, 'device message refused');
      return;
    }
    hub.store.recordHeartbeat(deviceId, parsed.value, hub.now().toISOString()).catch((error: unknown) => {
      log.error({ err: error }, 'could not record heartbeat');
    });
  });
  socket.on('command:result', (message: unknown) => {
    receiveCommandResult(hub, deviceId, message).then(
      (received) => {
        if (received.status === 'invalid') {
          log.warn({ event: 'command:result', error: received.error }, 'device message refused');
        } else if (received.status === 'unknown') {
          log.warn(
            { event: 'command:result', commandId: received.commandId },
            "command result refused: not a command of this device's",
          );
        } else if (received.status === 'duplicate') {
          log.debug({ commandId: received.commandId }, 'command result received again; the first is kept');
        } else {
          if (received.kind === 'resync') commands.resyncDone(deviceId);
          log.info(
            { commandId: received.commandId, kind: received.kind, ...received.outcome },
            'command result',
          );
        }
      },
      (error: unknown) => {
        log.error({ err: error }, 'could not record command result');
      },
    );
  });
  socket.onAny((event: unknown) => {
    if (typeof event !== 'string' || !KNOWN_EVENTS.has(event)) {
      log.warn({ event: String(event).slice(0, 100) }, 'unknown event ignored');
    }
  });
  socket.on('disconnect', (reason) => {
    log.info({ reason }, 'device disconnected');
  });
}
