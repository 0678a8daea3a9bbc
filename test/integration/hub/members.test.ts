/**
 * Loyalty members on a real hub over loopback: devices identify members by card number, loyalty
 * barcode and member QR; consent is recorded per answer with time and device; suggestions and
 * history only follow a yes to personalization; and no identifier is ever in the hub's files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  MemberConsentResponse,
  MemberIdentifyResponse,
  MemberSuggestionsResponse,
  MemberViewResponse,
} from '../../../shared/protocol/index.js';
import { useTempDir } from '../../support/temp.js';
import { catalogText, connectDevice, enrolledDevice, request, useHubs, type TestHub } from './hub-fixture.js';
import { ANNA, BEN, importMembers } from './member-fixture.js';

const temp = useTempDir();
const hubs = useHubs();
const PRODUCTS = 60;

/** A clock tests move by hand. */
function manualClock(): { now: () => Date; advance(ms: number): void } {
  let time = Date.now();
  return { now: () => new Date(time), advance: (ms) => (time += ms) };
}

async function setUp(clock = manualClock()) {
  const dataDir = temp();
  const test = await hubs.start(dataDir, { now: clock.now });
  await test.hub.importFeed(catalogText(PRODUCTS), { fileName: 'catalog.jsonl' });
  const members = await importMembers(test, PRODUCTS);
  const { socket } = await connectDevice(hubs, test, await enrolledDevice(test));
  return { test, dataDir, clock, members, socket };
}

type Socket = Awaited<ReturnType<typeof setUp>>['socket'];

async function identify(socket: Socket, kind: string, value: string) {
  return request<MemberIdentifyResponse>(socket, 'member:identify', { identifier: { kind, value } });
}

async function sessionOf(socket: Socket, kind: string, value: string): Promise<string> {
  const answer = await identify(socket, kind, value);
  if (answer.kind !== 'member') throw new Error(`not identified: ${JSON.stringify(answer)}`);
  return answer.session;
}

async function memberRecord(test: TestHub, id: string) {
  const answer = await test.admin('GET', `members/${id}`);
  expect(answer.status).toBe(200);
  return answer.json as {
    consents: {
      personalization: boolean;
      marketing: boolean;
      at: string;
      deviceId: string;
      storeCode: string;
    }[];
    history: { purchases: number; views: number };
  };
}

describe('loyalty members on the hub', () => {
  it('identifies a member by card, loyalty barcode and member QR; an unknown card is unknown', async () => {
    const { socket, members } = await setUp();
    const anna = { kind: 'member', member: { greetingName: 'Anna', tier: 'Gold', memberPricing: true } };
    expect(await identify(socket, 'card', ANNA.card)).toMatchObject(anna);
    expect(await identify(socket, 'barcode', ANNA.barcode)).toMatchObject(anna);
    // A loyalty barcode that prints the card's number identifies the member too.
    expect(await identify(socket, 'barcode', ANNA.card)).toMatchObject(anna);
    expect(await identify(socket, 'qr', members.annaQr.slice('vitrine-member:'.length))).toMatchObject(anna);
    expect(await identify(socket, 'card', BEN.card)).toMatchObject({
      kind: 'member',
      member: { greetingName: 'Ben', memberPricing: true },
    });
    expect(await identify(socket, 'card', '6012340000009999')).toEqual({ kind: 'unknown' });
    // The kinds do not mix: Anna's QR token is no loyalty number.
    expect(await identify(socket, 'qr', 'not-annas-token-0000000000')).toEqual({ kind: 'unknown' });
    const malformed = await identify(socket, 'card', 'track data?');
    if (malformed.kind !== 'error') throw new Error(JSON.stringify(malformed));
    expect(malformed.error.code).toBe('invalid-message');
    expect(malformed.error.message).toMatch(/^member:identify: identifier\.value: /);
  });

  it('records consent per answer with time, device and store; suggestions and history only after a yes', async () => {
    const { test, socket, members, clock } = await setUp();
    const first = await sessionOf(socket, 'card', ANNA.card);
    const notYet = await request<MemberSuggestionsResponse>(socket, 'member:suggestions', { session: first });
    expect(notYet.kind).toBe('not-allowed');

    // No to suggestions, yes to news: a record of each answer, and still no suggestions or history.
    const recorded = await request<MemberConsentResponse>(socket, 'member:consent', {
      session: first,
      personalization: false,
      marketing: true,
    });
    expect(recorded).toEqual({ kind: 'recorded', at: clock.now().toISOString() });
    expect(
      (await request<MemberSuggestionsResponse>(socket, 'member:suggestions', { session: first })).kind,
    ).toBe('not-allowed');
    const view = await request<MemberViewResponse>(socket, 'member:view', {
      session: first,
      productId: 'P000003',
    });
    expect(view.kind).toBe('not-allowed');
    let record = await memberRecord(test, ANNA.memberId);
    expect(record.consents).toHaveLength(1);
    const { deviceId, ...answer } = record.consents[0]!;
    expect(answer).toEqual({
      personalization: false,
      marketing: true,
      at: clock.now().toISOString(),
      storeCode: 'BER-MITTE',
    });
    expect(deviceId).toMatch(/^ber-mitte-/);
    expect(record.history).toEqual({ purchases: 2, views: 0 });

    // Next visit: yes to suggestions. They match her purchases, leave out what she owns, and are
    // in stock in the device's store.
    clock.advance(3_600_000);
    const second = await sessionOf(socket, 'qr', members.annaQr.slice('vitrine-member:'.length));
    await request(socket, 'member:consent', { session: second, personalization: true, marketing: false });
    const forYou = await request<MemberSuggestionsResponse>(socket, 'member:suggestions', {
      session: second,
    });
    if (forYou.kind !== 'suggestions') throw new Error(JSON.stringify(forYou));
    const ids = forYou.groups.find((g) => g.kind === 'for-you')!.productIds;
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(members.owned).not.toContain(id);
      const product = (await test.hub.store.getProduct(id))!;
      const stock = await test.hub.store.stockOf(
        product.variants.map((v) => v.sku),
        clock.now().toISOString(),
      );
      expect(stock.some((s) => s.storeCode === 'BER-MITTE' && s.available > 0)).toBe(true);
    }
    // Her category comes first (a brand match alone scores less).
    const top = (await test.hub.store.getProduct(ids[0]!))!;
    expect(top.categoryPath).toEqual(members.category);

    // Around a product: the feed's pairings without what she owns.
    const around = await request<MemberSuggestionsResponse>(socket, 'member:suggestions', {
      session: second,
      productId: members.owned[0],
    });
    if (around.kind !== 'suggestions') throw new Error(JSON.stringify(around));
    expect(around.groups.map((g) => g.kind)).toEqual(['cross-sell', 'up-sell']);
    for (const group of around.groups)
      for (const id of group.productIds) expect(members.owned).not.toContain(id);

    expect(await request(socket, 'member:view', { session: second, productId: 'P000003' })).toEqual({
      kind: 'recorded',
    });
    record = await memberRecord(test, ANNA.memberId);
    expect(record.consents.map((c) => [c.personalization, c.marketing])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(record.history).toEqual({ purchases: 2, views: 1 });
  });

  it('a member without history gets no suggestions, not random ones', async () => {
    const { socket } = await setUp();
    const session = await sessionOf(socket, 'card', BEN.card);
    await request(socket, 'member:consent', { session, personalization: true, marketing: false });
    expect(await request(socket, 'member:suggestions', { session })).toEqual({
      kind: 'suggestions',
      groups: [{ kind: 'for-you', productIds: [] }],
    });
  });

  it('a session works only from its device, until it is ended or an hour passes unused', async () => {
    const { test, socket, clock } = await setUp();
    const other = (await connectDevice(hubs, test, await enrolledDevice(test, 'BER-MITTE'))).socket;
    const session = await sessionOf(socket, 'card', ANNA.card);
    expect(
      await request(other, 'member:consent', { session, personalization: true, marketing: true }),
    ).toEqual({
      kind: 'ended',
    });
    expect(await request(socket, 'member:end', { session })).toEqual({ kind: 'ended' });
    expect(
      await request(socket, 'member:consent', { session, personalization: true, marketing: true }),
    ).toEqual({
      kind: 'ended',
    });
    const idle = await sessionOf(socket, 'card', ANNA.card);
    clock.advance(3_600_000 + 1);
    expect(await request(socket, 'member:suggestions', { session: idle })).toEqual({ kind: 'ended' });
    expect((await memberRecord(test, ANNA.memberId)).consents).toEqual([]);
    expect((await test.hub.members.store.counts(clock.now().toISOString())).liveSessions).toBe(0);
  });

  it('slows down a device that tries one unknown card after another', async () => {
    const { socket, clock } = await setUp();
    for (let i = 0; i < 10; i++) {
      expect(await identify(socket, 'card', `60123400000090${String(i).padStart(2, '0')}`)).toEqual({
        kind: 'unknown',
      });
    }
    const refused = await identify(socket, 'card', ANNA.card);
    expect(refused).toMatchObject({ kind: 'error', error: { code: 'unauthorized' } });
    clock.advance(61_000);
    expect((await identify(socket, 'card', ANNA.card)).kind).toBe('member');
  });

  it('imports are checked field by field, all or nothing; identifiers are never in the hub’s files', async () => {
    const { test, dataDir, members } = await setUp();
    const bad = await test.admin('POST', 'members', {
      members: [{ memberId: 'M-2', firstName: 'Cleo', loyaltyNumber: '6012-34' }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('members[0].loyaltyNumber: expected the loyalty number');
    const sameAsCard = await test.admin('POST', 'members', {
      members: [{ memberId: '6012340000003003', firstName: 'Dan', loyaltyNumber: '6012340000003003' }],
    });
    expect(JSON.stringify(sameAsCard.json)).toContain('members[0].memberId: must not be the card number');
    // Eve's import carries Anna's card: refused whole, so Fay (first in the list) is not created either.
    const taken = await test.admin('POST', 'members', {
      members: [
        { memberId: 'M-6', firstName: 'Fay', loyaltyNumber: '6012340000006006' },
        { memberId: 'M-5', firstName: 'Eve', loyaltyNumber: ANNA.card },
      ],
    });
    expect(taken.status).toBe(409);
    expect(JSON.stringify(taken.json)).toContain('members[1]: this loyalty identifier already belongs');
    expect((await test.admin('GET', 'members/M-6')).status).toBe(404);

    // Every file the hub wrote (database, WAL, keys): no card number, barcode or QR token in it.
    // Checked while the hub runs (the WAL holds the newest pages) and after it closed.
    const secrets = [ANNA.card, BEN.card, ANNA.barcode, members.annaQr.slice('vitrine-member:'.length)];
    const scan = (): string[] => {
      // Folders included (catalog images, media).
      const files = (readdirSync(dataDir, { recursive: true }) as string[]).filter((file) =>
        statSync(join(dataDir, file)).isFile(),
      );
      for (const file of files) {
        const bytes = readFileSync(join(dataDir, file));
        for (const secret of secrets) {
          expect(bytes.includes(Buffer.from(secret)), `${secret} in ${file}`).toBe(false);
          expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${secret} (UTF-16) in ${file}`).toBe(false);
        }
      }
      return files;
    };
    expect(scan()).toEqual(expect.arrayContaining(['hub.db', 'hub.db-wal', 'member-key']));
    await test.hub.close();
    expect(scan()).toContain('hub.db');
  });
});
