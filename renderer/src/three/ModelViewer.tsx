/**
 * A product's 3D view, over the whole screen: the model to turn and zoom, how to do it, and one
 * big way back. three.js is fetched only now (lazy-stage.ts). A screen without WebGL gets the
 * photo at once, without the download; a model that fails to load, or a GPU that gives up, gets
 * the photo too, with a line saying why.
 */
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { ModelErrorBoundary } from './ModelErrorBoundary.js';
import { ModelFallback, type ModelPhoto } from './ModelFallback.js';
import { ModelStage } from './lazy-stage.js';
import { webglAvailable } from './webgl.js';
import '../theme/three.css';

export interface ModelViewerProps {
  /** The model's URL as the page loads it (`/media/…`). */
  src: string;
  title: string;
  brand?: string | undefined;
  /** Shown instead when the model cannot be. */
  photo: ModelPhoto;
  onClose: () => void;
}

type Phase = 'loading' | 'ready' | 'failed' | 'unsupported';

export function ModelViewer({ src, title, brand, photo, onClose }: ModelViewerProps) {
  const { t } = useTranslation('three');
  const [phase, setPhase] = useState<Phase>(() => (webglAvailable() ? 'loading' : 'unsupported'));
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
  }, []);
  const fail = (): void => {
    setPhase('failed');
  };
  return (
    <div
      className="model-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={t('dialog', { title })}
      data-testid="model-viewer"
      data-state={phase}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="model-viewer-head">
        <span className="eyebrow">{brand ?? t('eyebrow')}</span>
        <h2 className="model-viewer-title">{title}</h2>
      </header>
      <div className="model-viewer-stage">
        {phase === 'unsupported' || phase === 'failed' ? (
          <ModelFallback reason={phase} photo={photo} />
        ) : (
          <ModelErrorBoundary fallback={null} onError={fail}>
            <Suspense fallback={null}>
              <ModelStage
                src={src}
                interactive
                label={t('canvas', { title })}
                onReady={() => {
                  setPhase('ready');
                }}
                onLost={fail}
              />
            </Suspense>
          </ModelErrorBoundary>
        )}
        {phase === 'loading' ? (
          <div className="model-loading" role="status">
            <span className="spinner spinner-lg" aria-hidden="true" />
            <span>{t('loading')}</span>
          </div>
        ) : null}
      </div>
      <footer className="model-viewer-foot">
        {phase === 'ready' || phase === 'loading' ? (
          <p className="model-hint" data-testid="model-hint">
            <Icon name="hand" />
            {t('hint')}
          </p>
        ) : null}
        <button
          ref={close}
          type="button"
          className="btn btn-primary btn-lg press model-close"
          data-testid="model-viewer-close"
          onClick={onClose}
        >
          <Icon name="back" />
          {t('close')}
        </button>
      </footer>
    </div>
  );
}
