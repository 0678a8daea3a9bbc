import { Trans, useTranslation } from 'react-i18next';
import type { PriceView } from '../../../shared/catalog/views.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { formatPercent, formatPrice, saleDiscount } from '../format/money.js';
import { MemberPrice } from '../member/MemberPrice.js';
import { useMemberPricing } from '../member/member-context.js';

/**
 * A price as shoppers read one: the price to pay, the regular price struck through while a sale
 * runs, and the member price as its own label.
 */
export function Price({
  price,
  size = 'md',
  from = false,
}: {
  price: PriceView;
  size?: 'sm' | 'md' | 'lg';
  from?: boolean;
}) {
  const { info } = useKiosk();
  const { t } = useTranslation();
  const currency = price.currency || info.currency;
  const fmt = (minor: number): string => formatPrice(minor, currency, info.locale);
  const discount = saleDiscount(price);
  // A signed-in member sees their price as the price to pay (member/MemberPrice.tsx).
  const memberPricing = useMemberPricing();
  if (memberPricing && price.member !== undefined && price.member < price.current) {
    return <MemberPrice price={price} member={price.member} size={size} from={from} format={fmt} />;
  }
  return (
    <span className={`price price-${size}`}>
      <span className={discount === null ? 'price-now' : 'price-now price-sale'}>
        {from ? (
          // "from €59" but "¥5,000〜": where the word goes is the language's.
          <Trans
            t={t}
            i18nKey="price.from"
            values={{ price: fmt(price.current) }}
            components={{ from: <span className="price-from" /> }}
          />
        ) : (
          fmt(price.current)
        )}
      </span>
      {discount !== null ? (
        <>
          <s className="price-was">
            <span className="sr-only">{t('price.was')} </span>
            {fmt(price.regular)}
          </s>
          <span className="price-badge">{formatPercent(-discount, info.locale)}</span>
        </>
      ) : null}
      {price.member !== undefined && price.member < price.current ? (
        <span className="price-member">
          <span className="price-member-label">{t('price.members')}</span> {fmt(price.member)}
        </span>
      ) : null}
    </span>
  );
}
