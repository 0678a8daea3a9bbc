/**
 * "For you" on the home screen: products picked by the hub from the member's purchases, in stock
 * in this store. Only after a yes to personalization; with no history the hub has none, and the
 * row is left out rather than filled with guesses.
 */
import { useTranslation } from 'react-i18next';
import { ProductCard } from '../components/ProductCard.js';
import { useNav } from '../session/nav-context.js';
import { useMember } from './member-context.js';
import { useMemberSuggestions } from './member-suggestions.js';
import '../theme/member.css';

export function ForYouRow() {
  const { member } = useMember();
  const nav = useNav();
  const { t } = useTranslation('member');
  const suggestions = useMemberSuggestions();
  if (member === null || suggestions.status === 'off' || suggestions.status === 'failed') return null;
  const items =
    suggestions.status === 'ready' ? (suggestions.groups.find((g) => g.kind === 'for-you')?.items ?? []) : [];
  if (suggestions.status === 'ready' && items.length === 0) return null;
  return (
    <section className="home-section member-for-you" aria-labelledby="member-for-you" data-testid="for-you">
      <div className="member-section-head">
        <h2 id="member-for-you" className="section-title">
          {t('forYou.title', { name: member.greetingName })}
        </h2>
        <span className="member-section-note">{t('forYou.note')}</span>
      </div>
      <div className="recs-row scroll-x member-row">
        {suggestions.status === 'loading'
          ? Array.from({ length: 4 }, (_, i) => <div className="card card-sm card-skeleton" key={i} />)
          : items.map((hit) => (
              <ProductCard
                key={hit.id}
                product={hit}
                onOpen={nav.openProduct}
                size="sm"
                testId="for-you-item"
              />
            ))}
      </div>
    </section>
  );
}
