/**
 * The loyalty member in the composed runtime, against a real hub on loopback: a card swipe, a
 * member QR and a loyalty barcode on the simulated devices identify the member through the hub;
 * consent comes first and is respected; the session wipe (I'm done, idle reset) forgets the
 * member; and nothing personal reaches the device's files, its outbox or its log.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseConfigValue } from '../../../kiosk-config/index.js';
import { startRuntime, type Runtime } from '../../../main/runtime/runtime.js';
import type {
  BridgeEventEnvelope,
  BridgeReply,
  MemberEvent,
  MemberSuggestionsView,
} from '../../../shared/bridge/index.js';
import { FakeHidBus } from '../../support/fake-hid.js';
import { ManualTime } from '../../support/manual-time.js';
import { useTempDir } from '../../support/temp.js';
import { catalogText, useHubs, type TestHub } from '../hub/hub-fixture.js';
import { ANNA, importMembers, LOYALTY_PREFIX, type Members } from '../hub/member-fixture.js';
import { provision, until } from '../sync/device-fixture.js';

const hubs = useHubs();
const temp = useTempDir();
const PIN_HASH = 'scrypt$32768$8$1$0HzzWKcBYQHgSubqorTfFA==$5FaoILZnSbxkqjBRceLTV3zKInjULUSpBmdf528+mYw=';
const PRODUCTS = 60;

async function call<T>(runtime: Runtime, name: string, args: unknown): Promise<T> {
  const reply: BridgeReply = await runtime.dispatch(name, args);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

async function started(test: TestHub, dataDir: string) {
  const parsed = parseConfigValue({
    device: { id: 'ber-mitte-kiosk-1', name: 'Entrance kiosk' },
    store: { code: 'BER-MITTE' },
    mode: 'kiosk',
    hub: { url: test.hub.url, enrollmentCode: await provision(test) },
    staff: { pinHash: PIN_HASH },
    idle: { timeoutSeconds: 60, warningSeconds: 20 },
    hardware: {
      // The development simulator's reader (main/runtime/devices/simulated.ts).
      cardReaders: [
        { mode: 'msr', vendorId: '0xffff', productId: '0x0002', loyaltyPrefixes: [LOYALTY_PREFIX] },
      ],
    },
    barcodes: { internalRules: [{ prefix: 'LOY-', label: 'loyalty card', loyalty: true }] },
    development: { simulation: true },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const time = new ManualTime();
  const logged: string[] = [];
  const line = (level: string) => (details: object, message: string) => {
    logged.push(`${level} ${message} ${JSON.stringify(details)}`);
  };
  const runtime = await startRuntime({
    config: parsed.config,
    configDir: dataDir,
    dataDir,
    appVersion: '0.1.0-test',
    log: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
    transport: new FakeHidBus(),
    timers: time,
    firstConnectJitterMs: 0,
  });
  const events: BridgeEventEnvelope[] = [];
  runtime.onEvent((e) => events.push(e));
  await until(
    'the catalog and the hub',
    async () =>
      (await call<{ catalog: { products: number }; sync: { online: boolean } }>(runtime, 'device.status', {}))
        .catalog.products === PRODUCTS &&
      events.some((e) => e.name === 'sync' && (e.payload as { online: boolean }).online),
  );
  return { runtime, events, time, logged };
}

const memberEvents = (events: BridgeEventEnvelope[]): MemberEvent[] =>
  events.filter((e) => e.name === 'member').map((e) => e.payload as MemberEvent);

async function memberPhase(events: BridgeEventEnvelope[], phase: MemberEvent['phase']): Promise<MemberEvent> {
  await until(`member ${phase}`, () => memberEvents(events).at(-1)?.phase === phase);
  return memberEvents(events).at(-1)!;
}

async function refusal(runtime: Runtime, name: string, args: unknown): Promise<string> {
  const reply = await runtime.dispatch(name, args);
  if (reply.ok) throw new Error(`${name} was answered`);
  return `${reply.error.code}: ${reply.error.message}`;
}

async function hubHistory(test: TestHub): Promise<{ purchases: number; views: number }> {
  return (
    (await test.admin('GET', `members/${ANNA.memberId}`)).json as {
      history: { purchases: number; views: number };
    }
  ).history;
}

/** Nothing of the member in any file of `dir`: not the card, name, barcode or QR token. */
function expectNothingPersonal(dir: string, members: Members): void {
  const secrets = [ANNA.card, ANNA.barcode, members.annaQr.slice('vitrine-member:'.length), ANNA.firstName];
  for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const bytes = readFileSync(join(file.parentPath, file.name));
    for (const secret of secrets)
      expect(bytes.includes(Buffer.from(secret)), `${secret} in ${file.name}`).toBe(false);
  }
}

describe('the loyalty member in the runtime', () => {
  it('a card swipe identifies the member; consent first and respected; I’m done forgets them', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
    const members = await importMembers(test, PRODUCTS);
    const dataDir = temp();
    const { runtime, events, logged } = await started(test, dataDir);
    try {
      expect(runtime.simulator?.swipe(['', `${ANNA.card}=2912`, ''])).toBe(true);
      expect(await memberPhase(events, 'consent-needed')).toEqual({
        phase: 'consent-needed',
        asks: { personalization: true, marketing: true },
      });
      expect(memberEvents(events)[0]).toEqual({ phase: 'checking', via: 'card' });
      // Nothing personal before the answer.
      expect(await refusal(runtime, 'member.suggestions', {})).toMatch(/^invalid-call: .*no member/);

      // No to both: member prices still apply, suggestions are refused, views stay off the hub.
      const refused = await call<MemberEvent>(runtime, 'member.consent', {
        personalization: false,
        marketing: false,
      });
      expect(refused).toEqual({
        phase: 'identified',
        greetingName: 'Anna',
        tier: 'Gold',
        memberPricing: true,
        consent: { personalization: false, marketing: false },
      });
      expect(await refusal(runtime, 'member.suggestions', {})).toBe(
        'invalid-call: member.suggestions: the member has not agreed to personal suggestions',
      );
      await call(runtime, 'session.track', {
        name: 'product.view',
        props: { productId: 'P000003', source: 'browse' },
      });
      await call(runtime, 'session.end', { reason: 'done' });
      expect(await memberPhase(events, 'ended')).toEqual({ phase: 'ended' });
      expect(await call(runtime, 'member.status', {})).toEqual({ phase: 'ended' });
      expect(await hubHistory(test)).toEqual({ purchases: 2, views: 0 });

      // Next shopper visit: yes to suggestions.
      runtime.simulator?.swipe(['', `${ANNA.card}=2912`, '']);
      await memberPhase(events, 'consent-needed');
      expect(await refusal(runtime, 'member.consent', { personalization: true, marketing: 'yes' })).toMatch(
        /^invalid-call: member\.consent: marketing: /,
      );
      await call(runtime, 'member.consent', { personalization: true, marketing: false });
      const home = await call<MemberSuggestionsView>(runtime, 'member.suggestions', {});
      const forYou = home.groups.find((g) => g.kind === 'for-you')!.items;
      expect(forYou.length).toBeGreaterThan(0);
      for (const hit of forYou) {
        expect(members.owned).not.toContain(hit.id);
        expect(hit.stockHere).toBeGreaterThan(0);
        expect(hit.price?.member).toBeDefined();
      }
      const around = await call<MemberSuggestionsView>(runtime, 'member.suggestions', {
        productId: members.owned[0],
      });
      expect(around.groups.map((g) => g.kind)).toEqual(['cross-sell', 'up-sell']);
      await call(runtime, 'session.track', {
        name: 'product.view',
        props: { productId: forYou[0]!.id, source: 'browse' },
      });
      await until('the view in her history', async () => (await hubHistory(test)).views === 1);

      await call(runtime, 'session.end', { reason: 'done' });
      await memberPhase(events, 'ended');
      await until(
        'the hub session ended',
        async () => (await test.hub.members.store.counts(new Date().toISOString())).liveSessions === 0,
      );
      expect(await refusal(runtime, 'member.suggestions', {})).toMatch(/no member in this session/);

      // The member's identity went nowhere on the device: not its files (catalog, outbox,
      // credentials), not its log. The outbox counted the look-ups and answers anonymously.
      await runtime.stop();
      expectNothingPersonal(dataDir, members);
      for (const line of logged) for (const secret of [ANNA.card, 'Anna']) expect(line).not.toContain(secret);
      const outbox = new Database(join(dataDir, 'outbox.db'), { readonly: true });
      const items = outbox
        .prepare<[], { item_json: string }>('SELECT item_json FROM outbox ORDER BY seq')
        .all()
        .map((row) => JSON.parse(row.item_json) as { name?: string; props?: Record<string, unknown> });
      outbox.close();
      const member = items.filter((item) => item.name?.startsWith('member.'));
      expect(member.map((item) => [item.name, { ...item.props, sessionId: undefined }])).toEqual([
        ['member.identify', { via: 'card', outcome: 'member', sessionId: undefined }],
        ['member.consent', { personalization: false, marketing: false, sessionId: undefined }],
        ['member.identify', { via: 'card', outcome: 'member', sessionId: undefined }],
        ['member.consent', { personalization: true, marketing: false, sessionId: undefined }],
      ]);
    } finally {
      await runtime.stop();
    }
  });

  it('a member QR and a loyalty barcode identify the member, never reach the catalog; idle reset forgets', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
    const members = await importMembers(test, PRODUCTS);
    const dataDir = temp();
    const { runtime, events, time } = await started(test, dataDir);
    try {
      runtime.simulator?.scan(members.annaQr, ']Q1');
      expect(await memberPhase(events, 'consent-needed')).toMatchObject({ phase: 'consent-needed' });
      expect(memberEvents(events)[0]).toEqual({ phase: 'checking', via: 'qr' });
      // The same QR again (held under the scanner) changes nothing.
      runtime.simulator?.scan(members.annaQr, ']Q1');
      await call(runtime, 'member.consent', { personalization: true, marketing: true });
      expect(memberEvents(events).filter((e) => e.phase === 'checking')).toHaveLength(1);

      // Idle reset: the warning, then the wipe; the member is forgotten here and on the hub.
      await time.advance(60_000);
      await memberPhase(events, 'ended');
      expect(
        events.some((e) => e.name === 'idle' && (e.payload as { phase: string }).phase === 'reset'),
      ).toBe(true);
      expect(await call(runtime, 'member.status', {})).toEqual({ phase: 'ended' });
      await until(
        'the hub session ended',
        async () => (await test.hub.members.store.counts(new Date().toISOString())).liveSessions === 0,
      );

      runtime.simulator?.scan(ANNA.barcode, ']C0');
      await memberPhase(events, 'consent-needed');
      expect(
        memberEvents(events)
          .filter((e) => e.phase === 'checking')
          .at(-1),
      ).toEqual({
        phase: 'checking',
        via: 'barcode',
      });
      runtime.simulator?.scan('vitrine-member:??', ']Q1');
      await memberPhase(events, 'unknown');
      // No member code became a scan event (no "not found" screen, nothing recorded as a scan).
      expect(events.filter((e) => e.name === 'scan')).toEqual([]);
      await call(runtime, 'member.forget', {});
      await memberPhase(events, 'ended');
      await runtime.stop();
      expectNothingPersonal(dataDir, members);
    } finally {
      await runtime.stop();
    }
  });

  it('offline: member features say they need the connection', async () => {
    const test = await hubs.start(temp());
    await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
    await importMembers(test, PRODUCTS);
    const { runtime, events } = await started(test, temp());
    try {
      await test.hub.close();
      await until(
        'offline',
        async () => !(await call<{ sync: { online: boolean } }>(runtime, 'device.status', {})).sync.online,
      );
      runtime.simulator?.swipe(['', `${ANNA.card}=2912`, '']);
      expect(await memberPhase(events, 'offline')).toEqual({ phase: 'offline' });
      expect(await call(runtime, 'member.status', {})).toEqual({ phase: 'ended' });
    } finally {
      await runtime.stop();
    }
  });
});
