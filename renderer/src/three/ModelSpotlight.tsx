/**
 * A 3D slide of the attract loop: a model turning on its own, and when the slide names a product,
 * its name and price beside it, with an invitation to start. Passers-by cannot touch the model
 * itself (the whole screen starts a session), so it only turns. Without WebGL, or if the model
 * fails, a product's slide becomes its photo spotlight and a bare model slide is skipped.
 */
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/catalog/views.js';
import { Price } from '../components/Price.js';
import { Icon3d } from './icons.js';
import { ModelErrorBoundary } from './ModelErrorBoundary.js';
import { ModelStage } from './lazy-stage.js';
import { webglAvailable } from './webgl.js';
import '../theme/three.css';

export interface ModelSpotlightProps {
  src: string;
  product?: SearchHit | undefined;
  /** What to show when the model cannot be (the product's photo spotlight); null skips the slide. */
  fallback: ReactNode;
  /** The slide cannot be shown at all: the playlist moves on and skips it from then on. */
  onFail: () => void;
}

export function ModelSpotlight({ src, product, fallback, onFail }: ModelSpotlightProps) {
  const { t } = useTranslation('three');
  const [phase, setPhase] = useState<'loading' | 'ready' | 'failed'>(() =>
    webglAvailable() ? 'loading' : 'failed',
  );
  const skip = phase === 'failed' && fallback === null;
  useEffect(() => {
    if (skip) onFail();
  }, [skip, onFail]);
  if (phase === 'failed') return fallback;
  const fail = (): void => {
    setPhase('failed');
  };
  return (
    <div className="spotlight spotlight-3d" data-testid="model-spotlight" data-state={phase}>
      <div className="spotlight-stage">
        <ModelErrorBoundary fallback={null} onError={fail}>
          <Suspense fallback={null}>
            <ModelStage
              src={src}
              interactive={false}
              label={t('canvas', { title: product?.title ?? '' })}
              onReady={() => {
                setPhase('ready');
              }}
              onLost={fail}
            />
          </Suspense>
        </ModelErrorBoundary>
        <span className="spotlight-3d-badge">
          <Icon3d />
          {t('spotlight.badge')}
        </span>
      </div>
      {product !== undefined ? (
        <div className="spotlight-text">
          {product.brand !== undefined ? <span className="eyebrow">{product.brand}</span> : null}
          <h2 className="spotlight-title">{product.title}</h2>
          {product.price !== undefined ? <Price price={product.price} size="lg" /> : null}
          <p className="spotlight-3d-cta">{t('spotlight.cta')}</p>
        </div>
      ) : null}
    </div>
  );
}
