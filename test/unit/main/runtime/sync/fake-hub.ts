import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import {
  DEVICE_NAMESPACE,
  enrollRequestSchema,
  handshakeAuthSchema,
  heartbeatSchema,
  parseMessage,
  pullRequestSchema,
  pushRequestSchema,
  snapshotPageRequestSchema,
  type Change,
  type ChangeBody,
  type DeviceToHubEvents,
  type EnrollResponse,
  type Heartbeat,
  type HubToDeviceEvents,
  type PullRequest,
  type PullResponse,
  type SnapshotPageRequest,
  type SnapshotPageResponse,
} from '../../../../../shared/protocol/index.js';

/** What a test hook returns: an answer to send (any shape, to test refusals), the normal one, or no ack at all. */
export type HookAnswer = { send: unknown } | 'normal' | 'hang';

interface Snapshot {
  id: string;
  cursor: number;
  pages: ChangeBody[][];
}

/**
 * A small hub speaking the device protocol on loopback: enrollment over HTTP, and on the device
 * namespace an in-memory change log per scope with paging, snapshots for cursors behind the
 * compacted log, pokes, and an events store that keeps each id once. It parses what devices send
 * with the protocol's schemas, as the real hub does. Tests bend it through the hooks.
 */
export class FakeHub {
  readonly credentials: EnrollResponse = {
    deviceId: 'dev-1',
    token: 'tok-0123456789abcdefghij',
    storeCode: 'BER',
  };
  enrollmentCode = 'ENROLL-1234';
  enrollRequests = 0;
  /** Changes per page of a pull answer. */
  pageSize = 2;
  readonly log = new Map<string, Change[]>();
  /** Cursors at or below this are behind the log and get the scope's snapshot. */
  readonly compactedThrough = new Map<string, number>();
  readonly snapshots = new Map<string, Snapshot>();
  readonly pulls: PullRequest[] = [];
  readonly pageRequests: SnapshotPageRequest[] = [];
  readonly heartbeats: Heartbeat[] = [];
  /** Outbox items stored, by id, with the result answered. */
  readonly stored = new Map<string, Record<string, string> | undefined>();
  /** Event names the hub rejects. */
  rejectEventName = 'bad.event';
  onPull?: (request: PullRequest) => HookAnswer;
  onSnapshotPage?: (request: SnapshotPageRequest) => HookAnswer;
  onPush?: () => HookAnswer;

  private readonly http = createServer((req, res) => {
    void this.handleHttp(req, res);
  });
  readonly io = new Server<DeviceToHubEvents, HubToDeviceEvents>(this.http);
  url = '';

  static async start(): Promise<FakeHub> {
    const hub = new FakeHub();
    hub.listen();
    await new Promise<void>((resolve) => hub.http.listen(0, '127.0.0.1', resolve));
    hub.url = `http://127.0.0.1:${String((hub.http.address() as AddressInfo).port)}`;
    return hub;
  }

  /**
   * Appends a change to a scope's log and pokes connected devices: a plain poke, one carrying
   * the change (as the real hub does for small deltas), or none.
   */
  append(scope: string, body: ChangeBody, poke: 'plain' | 'delta' | 'none' = 'plain'): number {
    const entries = this.log.get(scope) ?? [];
    const seq = (entries.at(-1)?.seq ?? this.compactedThrough.get(scope) ?? 0) + 1;
    entries.push({ ...body, seq });
    this.log.set(scope, entries);
    if (poke === 'plain') this.io.of(DEVICE_NAMESPACE).emit('catalog:poke', { scope, head: seq });
    if (poke === 'delta') {
      this.io
        .of(DEVICE_NAMESPACE)
        .emit('catalog:poke', { scope, head: seq, from: seq - 1, changes: [{ ...body, seq }] });
    }
    return seq;
  }

  head(scope: string): number {
    return this.log.get(scope)?.at(-1)?.seq ?? this.snapshots.get(scope)?.cursor ?? 0;
  }

  async close(): Promise<void> {
    await this.io.close(); // closes the HTTP server too
  }

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/api/v1/enroll') return; // socket.io handles its own paths
    this.enrollRequests++;
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const request = parseMessage(enrollRequestSchema, JSON.parse(body) as unknown, 'enroll');
    const ok = request.ok && request.value.code === this.enrollmentCode;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? this.credentials : { error: 'unknown enrollment code' }));
  }

  private listen(): void {
    const nsp = this.io.of(DEVICE_NAMESPACE);
    nsp.use((socket, next) => {
      const auth = parseMessage(handshakeAuthSchema, socket.handshake.auth, 'auth');
      if (auth.ok && auth.value.token === this.credentials.token) {
        next();
        return;
      }
      next(
        Object.assign(new Error('unauthorized'), {
          data: { code: 'unauthorized', message: 'unknown device token' },
        }),
      );
    });
    nsp.on('connection', (socket) => {
      socket.emit('hello', {
        protocol: 1,
        deviceId: this.credentials.deviceId,
        storeCode: this.credentials.storeCode,
        scopes: [...new Set([...this.log.keys(), ...this.snapshots.keys()])].map((scope) => ({
          scope,
          head: this.head(scope),
        })),
        serverTime: new Date().toISOString(),
      });
      socket.on('catalog:pull', (raw, ack) => {
        const request = parseMessage(pullRequestSchema, raw, 'catalog:pull');
        if (!request.ok) return;
        this.pulls.push(request.value);
        const hook = this.onPull?.(request.value) ?? 'normal';
        if (hook === 'hang') return;
        ack(hook === 'normal' ? this.pull(request.value) : (hook.send as PullResponse));
      });
      socket.on('catalog:snapshot', (raw, ack) => {
        const request = parseMessage(snapshotPageRequestSchema, raw, 'catalog:snapshot');
        if (!request.ok) return;
        this.pageRequests.push(request.value);
        const hook = this.onSnapshotPage?.(request.value) ?? 'normal';
        if (hook === 'hang') return;
        ack(hook === 'normal' ? this.page(request.value) : (hook.send as SnapshotPageResponse));
      });
      socket.on('events:push', (raw, ack) => {
        const request = parseMessage(pushRequestSchema, raw, 'events:push');
        if (!request.ok) return;
        const hook = this.onPush?.() ?? 'normal';
        if (hook === 'hang') return;
        const results = request.value.items.map((item) => {
          if (item.kind === 'event' && item.name === this.rejectEventName) {
            return { id: item.id, status: 'rejected' as const, error: 'event name not accepted' };
          }
          if (this.stored.has(item.id)) return { id: item.id, status: 'duplicate' as const };
          const result =
            item.kind === 'reservation' ? { pickupCode: `P-${String(this.stored.size + 1)}` } : undefined;
          this.stored.set(item.id, result);
          return result === undefined
            ? { id: item.id, status: 'stored' as const }
            : { id: item.id, status: 'stored' as const, result };
        });
        ack({ kind: 'results', results });
      });
      socket.on('device:heartbeat', (raw) => {
        const beat = parseMessage(heartbeatSchema, raw, 'device:heartbeat');
        if (beat.ok) this.heartbeats.push(beat.value);
      });
    });
  }

  private pull({ scope, cursor }: PullRequest): PullResponse {
    const snapshot = this.snapshots.get(scope);
    const behind = cursor < (this.compactedThrough.get(scope) ?? 0);
    const ahead = cursor > this.head(scope);
    if (snapshot !== undefined && (behind || ahead)) {
      return {
        kind: 'snapshot',
        scope,
        snapshotId: snapshot.id,
        cursor: snapshot.cursor,
        pages: snapshot.pages.length,
        records: snapshot.pages.flat().length,
        reason: behind ? 'cursor-behind-log' : 'cursor-ahead',
      };
    }
    if (ahead)
      return { kind: 'error', error: { code: 'cursor-ahead', message: 'cursor is ahead of the log' } };
    const after = (this.log.get(scope) ?? []).filter((c) => c.seq > cursor);
    const changes = after.slice(0, this.pageSize);
    return {
      kind: 'changes',
      scope,
      from: cursor,
      to: changes.at(-1)?.seq ?? cursor,
      changes,
      more: after.length > changes.length,
    };
  }

  private page({ scope, snapshotId, page }: SnapshotPageRequest): SnapshotPageResponse {
    const snapshot = this.snapshots.get(scope);
    const records = snapshot?.pages[page];
    if (snapshot?.id !== snapshotId || records === undefined) {
      return { kind: 'error', error: { code: 'snapshot-expired', message: `no snapshot ${snapshotId}` } };
    }
    return {
      kind: 'page',
      scope,
      snapshotId,
      page,
      pages: snapshot.pages.length,
      cursor: snapshot.cursor,
      records,
    };
  }
}
