/** The product photos' "View in 3D" control, shown when the product has a model. */
import { useTranslation } from 'react-i18next';
import { Icon3d } from './icons.js';
import '../theme/three.css';

export function ViewIn3dButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation('three');
  return (
    <button type="button" className="btn btn-accent press model-open" data-testid="view-3d" onClick={onOpen}>
      <Icon3d />
      <span className="btn-stack">
        {t('open')}
        <span className="model-open-note">{t('openNote')}</span>
      </span>
    </button>
  );
}
