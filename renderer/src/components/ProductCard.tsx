import { useTranslation } from 'react-i18next';
import type { PriceView } from '../../../shared/catalog/views.js';
import { cardStockLabel, stockTone } from '../format/stock.js';
import { HitImage } from './HitImage.js';
import { Price } from './Price.js';

/** What a card needs: a search hit, a featured product or a recommendation all fit. */
export interface CardProduct {
  id: string;
  title: string;
  brand?: string | undefined;
  category?: string | undefined;
  image?: string | undefined;
  price?: PriceView | undefined;
  colors?: string[] | undefined;
  stockHere?: number | undefined;
}

export interface ProductCardProps {
  product: CardProduct;
  onOpen: (product: CardProduct) => void;
  testId?: string;
  size?: 'md' | 'sm';
}

export function ProductCard({ product, onOpen, testId, size = 'md' }: ProductCardProps) {
  const { t } = useTranslation();
  const stock = cardStockLabel(t, product.stockHere);
  const colors = product.colors ?? [];
  return (
    <button
      type="button"
      className={`card card-${size} press`}
      data-testid={testId}
      data-product-id={product.id}
      onClick={() => {
        onOpen(product);
      }}
    >
      <HitImage className="card-image" hit={product} />
      <span className="card-body">
        {product.brand !== undefined ? <span className="card-brand">{product.brand}</span> : null}
        <span className="card-title">{product.title}</span>
        {product.price !== undefined ? <Price price={product.price} size="sm" /> : null}
        <span className="card-meta">
          {stock !== null ? (
            <span className={`stock-dot stock-${stockTone(product.stockHere)}`}>{stock}</span>
          ) : null}
          {colors.length > 1 ? (
            <span className="card-colors">{t('card.colors', { count: colors.length })}</span>
          ) : null}
        </span>
      </span>
    </button>
  );
}
