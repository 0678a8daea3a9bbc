/** The product photo in place of a 3D model, saying why, so the screen never just stays empty. */
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { ProductImage } from '../components/ProductImage.js';

export interface ModelPhoto {
  src?: string | undefined;
  alt: string;
  seed: string;
  colorName?: string | undefined;
  brand?: string | undefined;
  hints: (string | undefined)[];
}

export function ModelFallback({ reason, photo }: { reason: 'unsupported' | 'failed'; photo: ModelPhoto }) {
  const { t } = useTranslation('three');
  return (
    <div className="model-fallback" data-testid="model-fallback" data-reason={reason}>
      <ProductImage className="model-fallback-image" eager {...photo} />
      <div className="model-fallback-note" role="status">
        <Icon name="info" />
        <div>
          <strong>{t(`${reason}.title`)}</strong>
          <span>{t(`${reason}.text`)}</span>
        </div>
      </div>
    </div>
  );
}
