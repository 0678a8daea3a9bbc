/**
 * Members for `vitrine hub serve --demo`, with purchases from the demo catalog so suggestions
 * have something to go on: Anna buys shoes, Ben buys knitwear and jackets, and Chiara has just
 * joined (no history, so no suggestions: the hub does not invent any). Their cards carry the
 * prefix 601234, which a kiosk config lists in `hardware.cardReaders[].loyaltyPrefixes`.
 */
import type { MemberImport } from './member-import.js';

interface DemoMember {
  memberId: string;
  firstName: string;
  tier: string;
  loyaltyNumber: string;
  qrToken: string;
  /** Category paths (as the demo feed writes them) the member bought from. */
  buys: string[][];
}

export const DEMO_MEMBERS: readonly DemoMember[] = [
  {
    memberId: 'M-1001',
    firstName: 'Anna',
    tier: 'Gold',
    loyaltyNumber: '6012340000001001',
    qrToken: 'demo-member-anna-0000000001',
    buys: [
      ['Shoes', 'Sneakers'],
      ['Shoes', 'Boots'],
    ],
  },
  {
    memberId: 'M-1002',
    firstName: 'Ben',
    tier: 'Silver',
    loyaltyNumber: '6012340000001002',
    qrToken: 'demo-member-ben-00000000002',
    buys: [
      ['Clothing', 'Knitwear'],
      ['Clothing', 'Jackets'],
    ],
  },
  {
    memberId: 'M-1003',
    firstName: 'Chiara',
    tier: 'Member',
    loyaltyNumber: '6012340000001003',
    qrToken: 'demo-member-chiara-00000003',
    buys: [],
  },
];

const PER_CATEGORY = 2;

/**
 * The demo members, buying the first products of their categories in `records` (the demo feed's
 * records), a week apart going back from `now`.
 */
export function demoMembers(records: Iterable<Record<string, unknown>>, now: Date): MemberImport {
  const byCategory = new Map<string, string[]>();
  for (const record of records) {
    if (record.type !== 'product' || typeof record.id !== 'string' || !Array.isArray(record.category))
      continue;
    const key = JSON.stringify(record.category);
    const ids = byCategory.get(key) ?? [];
    if (ids.length < PER_CATEGORY) byCategory.set(key, [...ids, record.id]);
  }
  return {
    members: DEMO_MEMBERS.map((m) => {
      const bought = m.buys.flatMap((path) => byCategory.get(JSON.stringify(path)) ?? []);
      return {
        memberId: m.memberId,
        firstName: m.firstName,
        tier: m.tier,
        loyaltyNumber: m.loyaltyNumber,
        qrToken: m.qrToken,
        purchases: bought.map((productId, week) => ({
          productId,
          at: new Date(now.getTime() - (week + 1) * 7 * 86_400_000).toISOString(),
        })),
      };
    }),
  };
}
