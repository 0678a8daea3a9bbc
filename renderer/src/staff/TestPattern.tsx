/**
 * A full-screen test pattern for the technician: colour bars and a grey ramp (a panel's colour
 * and gamma), a 100 px grid and a centred circle (scaling and aspect ratio), markers in the four
 * corners (overscan or a bezel that hides the edge), and the size the page is laid out at.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../theme/test-pattern.css';

const BARS = ['white', 'yellow', 'cyan', 'green', 'magenta', 'red', 'blue', 'black'] as const;
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;

function viewport() {
  return { width: window.innerWidth, height: window.innerHeight, ratio: window.devicePixelRatio };
}

export function TestPattern({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('staff');
  const [size, setSize] = useState(viewport);
  useEffect(() => {
    const onResize = (): void => {
      setSize(viewport());
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
    };
  }, []);
  return (
    <div
      className="test-pattern"
      role="button"
      tabIndex={0}
      aria-label={t('pattern.label')}
      data-testid="staff-test-pattern-screen"
      onClick={onClose}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ' || event.key === 'Escape') onClose();
      }}
    >
      <div className="test-pattern-bars" aria-hidden="true">
        {BARS.map((bar) => (
          <span key={bar} className={`test-pattern-bar test-pattern-${bar}`} />
        ))}
      </div>
      <div className="test-pattern-ramp" aria-hidden="true" />
      <div className="test-pattern-grid" aria-hidden="true" />
      <div className="test-pattern-circle" aria-hidden="true" />
      {CORNERS.map((corner) => (
        <span key={corner} className={`test-pattern-corner test-pattern-${corner}`} aria-hidden="true" />
      ))}
      <div className="test-pattern-label">
        <strong data-testid="staff-test-pattern-size">
          {size.width} × {size.height}
        </strong>
        <span>
          {t('pattern.details', {
            ratio: size.ratio,
            orientation: size.width > size.height ? t('pattern.landscape') : t('pattern.portrait'),
          })}
        </span>
        <span className="test-pattern-hint">{t('pattern.close')}</span>
      </div>
    </div>
  );
}
