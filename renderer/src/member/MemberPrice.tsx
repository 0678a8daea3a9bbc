/**
 * A price for a member: the member price is the price to pay, in the member colour, with what
 * everyone else pays struck through. Price.tsx shows this whenever a member is signed in and the
 * member price is lower, whatever they answered to personalization.
 */
import { useTranslation } from 'react-i18next';
import type { PriceView } from '../../../shared/catalog/views.js';
import '../theme/member.css';

export function MemberPrice({
  price,
  member,
  size,
  from,
  format,
}: {
  price: PriceView;
  member: number;
  size: 'sm' | 'md' | 'lg';
  from: boolean;
  format: (minor: number) => string;
}) {
  const { t } = useTranslation('member');
  return (
    <span className={`price price-${size} price-as-member`} data-testid="member-price">
      <span className="price-now price-member-now">
        {from ? t('price.fromAmount', { price: format(member) }) : format(member)}
      </span>
      <s className="price-was">
        <span className="sr-only">{t('price.instead')} </span>
        {format(price.current)}
      </s>
      <span className="price-member-badge">{t('price.yours')}</span>
    </span>
  );
}
