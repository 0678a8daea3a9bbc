import { useTranslation } from 'react-i18next';
import type { RecommendationKind } from '../../../shared/catalog/types.js';
import type { RecommendationView } from '../../../shared/catalog/views.js';
import { useNav } from '../session/nav-context.js';
import { ProductCard, type CardProduct } from './ProductCard.js';

const headings: Record<RecommendationKind, string> = {
  'cross-sell': 'recommendations.crossSell',
  'up-sell': 'recommendations.upSell',
};

/** The feed's suggestions: what goes with this product, and what a shopper might prefer to it. */
export function Recommendations({ items }: { items: RecommendationView[] }) {
  const { t } = useTranslation('product');
  const kinds: RecommendationKind[] = ['cross-sell', 'up-sell'];
  return (
    <>
      {kinds.map((kind) => {
        const group = items.filter((r) => r.kind === kind);
        if (group.length === 0) return null;
        return (
          <section className="product-section recs" key={kind} aria-label={t(headings[kind])}>
            <h2 className="section-title">{t(headings[kind])}</h2>
            <RecommendationRow items={group} />
          </section>
        );
      })}
    </>
  );
}

/** One group of suggestions as a row of small cards, the feed's or a member's alike. */
export function RecommendationRow({ items }: { items: CardProduct[] }) {
  const nav = useNav();
  return (
    <div className="recs-row scroll-x">
      {items.map((r) => (
        <ProductCard key={r.id} product={r} onOpen={nav.openProduct} size="sm" testId="recommendation" />
      ))}
    </div>
  );
}
