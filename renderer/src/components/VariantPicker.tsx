/**
 * Colour, then size. Each size says how many are here; a size sold out here looks spent but can
 * still be chosen, because choosing it is how the shopper finds it in a nearby store.
 */
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../shared/catalog/views.js';
import { colorOf } from '../format/colors.js';
import { sizeStockLabel, stockTone } from '../format/stock.js';
import { colorsOf, sizeVariants, type Selection } from '../format/variants.js';

export interface VariantPickerProps {
  product: ProductView;
  selection: Selection;
  onColor: (color: string) => void;
  onSize: (size: string) => void;
  /** Set when the shopper tried to reserve without a size: the sizes ask for attention. */
  needSize: boolean;
}

export function VariantPicker({ product, selection, onColor, onSize, needSize }: VariantPickerProps) {
  const { t } = useTranslation('product');
  const colors = colorsOf(product);
  const sizes = sizeVariants(product, selection.color);
  return (
    <div className="variants">
      {colors.length > 0 ? (
        <fieldset className="variant-group">
          <legend className="variant-legend">
            {t('variants.color')} <span className="variant-value">{selection.color ?? ''}</span>
          </legend>
          <div className="color-options">
            {colors.map((color) => (
              <button
                type="button"
                key={color}
                className="color-option press"
                data-testid="color-option"
                data-color={color}
                aria-pressed={selection.color === color}
                onClick={() => {
                  onColor(color);
                }}
              >
                <span className="color-swatch" style={{ background: colorOf(color) }} aria-hidden="true" />
                <span className="color-name">{color}</span>
              </button>
            ))}
          </div>
        </fieldset>
      ) : null}
      {sizes.length > 0 ? (
        <fieldset className={`variant-group ${needSize ? 'variant-attention' : ''}`} id="size-options">
          <legend className="variant-legend">
            {t('variants.size')}{' '}
            {needSize && selection.size === undefined ? (
              <span className="variant-prompt" role="alert">
                {t('variants.chooseSize')}
              </span>
            ) : (
              <span className="variant-value">{selection.size ?? ''}</span>
            )}
          </legend>
          <div className="size-options">
            {sizes.map((v) => {
              const size = v.size ?? '';
              const tone = stockTone(v.stockHere);
              return (
                <button
                  type="button"
                  key={size}
                  className={`size-option press size-${tone}`}
                  data-testid="size-option"
                  data-size={size}
                  data-stock={v.stockHere === undefined ? '' : String(v.stockHere)}
                  aria-pressed={selection.size === size}
                  onClick={() => {
                    onSize(size);
                  }}
                >
                  <span className="size-label">{size}</span>
                  <span className="size-stock">{sizeStockLabel(t, v.stockHere)}</span>
                </button>
              );
            })}
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
