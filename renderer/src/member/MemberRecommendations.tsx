/**
 * A product's cross-sell ("Goes well with") and up-sell ("You might also like") for a member who
 * said yes to personalization: the feed's own pairings without what the member already owns or
 * what this store lacks, in the order of their taste, and alternatives from brands they buy.
 * Everyone else, and a member while the hub answers or if it cannot, sees the feed's pairings.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { RecommendationRow } from '../components/Recommendations.js';
import { useMemberSuggestions } from './member-suggestions.js';
import '../theme/member.css';

const GROUPS = [
  { kind: 'cross-sell', title: 'recs.crossSell', testId: 'member-cross-sell' },
  { kind: 'up-sell', title: 'recs.upSell', testId: 'member-up-sell' },
] as const;

export function MemberRecommendations({ productId, fallback }: { productId: string; fallback: ReactNode }) {
  const { t } = useTranslation('member');
  const suggestions = useMemberSuggestions(productId);
  if (suggestions.status !== 'ready') return fallback;
  const groups = GROUPS.map((g) => ({
    ...g,
    items: suggestions.groups.find((s) => s.kind === g.kind)?.items ?? [],
  })).filter((g) => g.items.length > 0);
  if (groups.length === 0) return fallback;
  return (
    <>
      {groups.map((group) => (
        <section
          className="product-section recs member-recs"
          key={group.kind}
          aria-label={t(group.title)}
          data-testid={group.testId}
        >
          <div className="member-section-head">
            <h2 className="section-title">{t(group.title)}</h2>
            <span className="member-section-tag">
              <Icon name="sparkle" />
              {t('recs.personal')}
            </span>
          </div>
          <RecommendationRow items={group.items} />
        </section>
      ))}
    </>
  );
}
