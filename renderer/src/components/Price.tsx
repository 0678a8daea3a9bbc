import type { PriceView } from '../../../shared/catalog/views.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { formatPrice, saleDiscount } from '../format/money.js';

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
  const currency = price.currency || info.currency;
  const fmt = (minor: number): string => formatPrice(minor, currency, info.locale);
  const discount = saleDiscount(price);
  return (
    <span className={`price price-${size}`}>
      <span className={discount === null ? 'price-now' : 'price-now price-sale'}>
        {from ? <span className="price-from">from </span> : null}
        {fmt(price.current)}
      </span>
      {discount !== null ? (
        <>
          <s className="price-was">
            <span className="sr-only">was </span>
            {fmt(price.regular)}
          </s>
          <span className="price-badge">−{discount}%</span>
        </>
      ) : null}
      {price.member !== undefined && price.member < price.current ? (
        <span className="price-member">
          <span className="price-member-label">Members</span> {fmt(price.member)}
        </span>
      ) : null}
    </span>
  );
}
