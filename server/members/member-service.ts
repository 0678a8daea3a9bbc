/**
 * The hub's side of loyalty members: identify a member from what a kiosk read, hold a session for
 * that kiosk, record consent, and answer suggestions only as far as the session's consent goes.
 *
 * Every request after `member:identify` names the session by its token; a token is good only from
 * the device it was made for, until the kiosk ends it or an hour passes without use. The log
 * never carries a member's id or identifier, only what happened and on which device: logs travel
 * to places member data should not.
 */
import type { Logger } from 'pino';
import type {
  MemberConsentRequest,
  MemberConsentResponse,
  MemberEndRequest,
  MemberEndResponse,
  MemberIdentifyRequest,
  MemberIdentifyResponse,
  MemberSuggestionsRequest,
  MemberSuggestionsResponse,
  MemberViewRequest,
  MemberViewResponse,
} from '../../shared/protocol/index.js';
import { sha256Hex, type RandomBytes } from '../fleet/secrets.js';
import type { HubStore } from '../storage/hub-store.js';
import type { IdentifierHasher } from './member-key.js';
import type { IdentifierHash, MemberSessionRow, MemberStore, ProductFacts } from './member-store.js';
import { rankByTaste, rankRelations, strongest, tasteOf, type Taste } from './suggestions.js';

export interface MemberDevice {
  id: string;
  storeCode: string;
}

export interface MemberServiceOptions {
  store: MemberStore;
  catalog: Pick<HubStore, 'stockOf'>;
  hash: IdentifierHasher;
  now: () => Date;
  random: RandomBytes;
  logger: Logger;
  /** How long a session lives after its last use; default one hour (a kiosk's idle reset is far shorter). */
  sessionTtlMs?: number;
  /** Unknown identifiers one device may try per minute before it is refused for a while; default 10. */
  unknownPerMinute?: number;
}

const HISTORY_LIMIT = 200;
const CANDIDATE_LIMIT = 400;
const DEFAULT_SUGGESTIONS = 8;

export type MemberService = ReturnType<typeof createMemberService>;

export function createMemberService(options: MemberServiceOptions) {
  const { store, hash, logger } = options;
  const ttlMs = options.sessionTtlMs ?? 3_600_000;
  const unknownPerMinute = options.unknownPerMinute ?? 10;
  /**
   * Unknown identifiers per device, newest last. A kiosk's token could be stolen and used to try
   * loyalty numbers one after another (a known prefix leaves 10^8-10^12 of them); this slows that
   * to a trickle. In memory: a hub restart forgets it, which costs an attacker a restart each time.
   */
  const unknownAt = new Map<string, number[]>();

  const nowIso = (): string => options.now().toISOString();
  const later = (): string => new Date(options.now().getTime() + ttlMs).toISOString();

  function candidates(identifier: MemberIdentifyRequest['identifier']): IdentifierHash[] {
    if (identifier.kind === 'card') return [{ kind: 'loyalty', hash: hash('loyalty', identifier.value) }];
    if (identifier.kind === 'qr') return [{ kind: 'qr', hash: hash('qr', identifier.value) }];
    // A loyalty barcode usually prints the card's number; a separate barcode is checked first.
    return [
      { kind: 'barcode', hash: hash('barcode', identifier.value) },
      { kind: 'loyalty', hash: hash('loyalty', identifier.value) },
    ];
  }

  function tooManyUnknown(deviceId: string): boolean {
    const since = options.now().getTime() - 60_000;
    const recent = (unknownAt.get(deviceId) ?? []).filter((at) => at > since);
    unknownAt.set(deviceId, recent);
    return recent.length >= unknownPerMinute;
  }

  /** The live session of this token, if it is this device's; each use keeps it alive. */
  async function sessionOf(device: MemberDevice, token: string): Promise<MemberSessionRow | null> {
    const tokenHash = sha256Hex(token);
    const session = await store.liveSession(tokenHash, nowIso());
    if (session?.deviceId !== device.id) return null;
    await store.extendSession(tokenHash, later());
    return session;
  }

  /** Products of the device's store with at least one unit not held by a reservation. */
  async function availableHere(storeCode: string, products: readonly ProductFacts[]): Promise<Set<string>> {
    const skus = [...new Set(products.flatMap((p) => p.skus))];
    const stock = await options.catalog.stockOf(skus, nowIso());
    const inStock = new Set(
      stock.filter((s) => s.storeCode === storeCode && s.available > 0).map((s) => s.sku),
    );
    return new Set(products.filter((p) => p.skus.some((sku) => inStock.has(sku))).map((p) => p.id));
  }

  async function tasteFor(memberId: string): Promise<Taste> {
    const history = await store.history(memberId, HISTORY_LIMIT);
    const facts = await store.productFacts([...new Set(history.map((h) => h.productId))]);
    return tasteOf(history, facts, options.now());
  }

  async function forYou(session: MemberSessionRow, taste: Taste, limit: number): Promise<string[]> {
    const categories = strongest(taste.categories, 4).map((key) => JSON.parse(key) as string[]);
    const candidates = await store.productsLike(strongest(taste.brands, 4), categories, CANDIDATE_LIMIT);
    const here = await availableHere(session.storeCode, candidates);
    return rankByTaste(candidates, taste, { available: (p) => here.has(p.id), limit });
  }

  async function aroundProduct(
    session: MemberSessionRow,
    taste: Taste,
    productId: string,
    limit: number,
  ): Promise<MemberSuggestionsResponse> {
    const [product] = await store.productFacts([productId]);
    if (product === undefined) {
      return {
        kind: 'error',
        error: { code: 'invalid-message', message: `member:suggestions: productId: no product ${productId}` },
      };
    }
    const idsOf = (kind: 'cross-sell' | 'up-sell'): string[] =>
      product.recommendations
        .filter((r) => r.kind === kind && r.productId !== productId)
        .map((r) => r.productId);
    const related = await store.productFacts([...new Set([...idsOf('cross-sell'), ...idsOf('up-sell')])]);
    // Alternatives the member may prefer: the same kind of product, in brands they like.
    const alike = (await store.productsLike([], [product.categoryPath], CANDIDATE_LIMIT)).filter(
      (p) => p.id !== productId,
    );
    const here = await availableHere(session.storeCode, [...related, ...alike]);
    const available = (p: ProductFacts): boolean => here.has(p.id);
    const inOrder = (ids: string[]): ProductFacts[] =>
      ids.flatMap((id) => related.filter((p) => p.id === id));
    const crossSell = rankRelations(inOrder(idsOf('cross-sell')), taste, { available, limit });
    const upSell = rankRelations(inOrder(idsOf('up-sell')), taste, { available, limit });
    const taken = new Set([productId, ...crossSell, ...upSell]);
    const more = rankByTaste(alike, taste, { exclude: taken, available, limit: limit - upSell.length });
    return {
      kind: 'suggestions',
      groups: [
        { kind: 'cross-sell', productIds: crossSell },
        { kind: 'up-sell', productIds: [...upSell, ...more] },
      ],
    };
  }

  return {
    async identify(device: MemberDevice, request: MemberIdentifyRequest): Promise<MemberIdentifyResponse> {
      if (tooManyUnknown(device.id)) {
        logger.warn({ deviceId: device.id }, 'member look-ups refused: too many unknown identifiers');
        return {
          kind: 'error',
          error: {
            code: 'unauthorized',
            message: 'member:identify: too many unknown member identifiers from this device; wait a minute',
          },
        };
      }
      const member = await store.findByIdentifier(candidates(request.identifier));
      if (member === null) {
        unknownAt.get(device.id)?.push(options.now().getTime());
        logger.info({ deviceId: device.id, via: request.identifier.kind }, 'member not found');
        return { kind: 'unknown' };
      }
      const token = options.random(32).toString('base64url');
      const at = nowIso();
      await store.purgeSessions(new Date(options.now().getTime() - 86_400_000).toISOString());
      await store.openSession({
        tokenHash: sha256Hex(token),
        memberId: member.id,
        deviceId: device.id,
        storeCode: device.storeCode,
        createdAt: at,
        expiresAt: later(),
      });
      logger.info({ deviceId: device.id, via: request.identifier.kind }, 'member identified');
      return {
        kind: 'member',
        session: token,
        member: {
          greetingName: member.firstName,
          ...(member.tier === null ? {} : { tier: member.tier }),
          memberPricing: true,
        },
      };
    },

    async consent(device: MemberDevice, request: MemberConsentRequest): Promise<MemberConsentResponse> {
      const session = await sessionOf(device, request.session);
      if (session === null) return { kind: 'ended' };
      const at = nowIso();
      await store.recordConsent(session.tokenHash, {
        memberId: session.memberId,
        personalization: request.personalization,
        marketing: request.marketing,
        at,
        deviceId: device.id,
        storeCode: device.storeCode,
      });
      logger.info(
        { deviceId: device.id, personalization: request.personalization, marketing: request.marketing },
        'member consent recorded',
      );
      return { kind: 'recorded', at };
    },

    async suggestions(
      device: MemberDevice,
      request: MemberSuggestionsRequest,
    ): Promise<MemberSuggestionsResponse> {
      const session = await sessionOf(device, request.session);
      if (session === null) return { kind: 'ended' };
      if (session.personalization !== true) {
        return { kind: 'not-allowed', message: 'the member has not agreed to personal suggestions' };
      }
      const taste = await tasteFor(session.memberId);
      const limit = request.limit ?? DEFAULT_SUGGESTIONS;
      if (request.productId !== undefined) return aroundProduct(session, taste, request.productId, limit);
      return {
        kind: 'suggestions',
        groups: [{ kind: 'for-you', productIds: await forYou(session, taste, limit) }],
      };
    },

    async view(device: MemberDevice, request: MemberViewRequest): Promise<MemberViewResponse> {
      const session = await sessionOf(device, request.session);
      if (session === null) return { kind: 'ended' };
      if (session.personalization !== true) {
        return { kind: 'not-allowed', message: 'the member has not agreed to personal suggestions' };
      }
      if ((await store.productFacts([request.productId])).length === 0) {
        return {
          kind: 'error',
          error: {
            code: 'invalid-message',
            message: `member:view: productId: no product ${request.productId}`,
          },
        };
      }
      await store.addView(session.memberId, request.productId, nowIso(), device.id, device.storeCode);
      return { kind: 'recorded' };
    },

    async end(device: MemberDevice, request: MemberEndRequest): Promise<MemberEndResponse> {
      const session = await sessionOf(device, request.session);
      if (session !== null) await store.endSession(session.tokenHash, nowIso());
      return { kind: 'ended' };
    },
  };
}
