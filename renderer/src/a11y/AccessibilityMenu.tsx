/**
 * The accessibility menu: controls within reach, high contrast, text size, speech with its
 * volume, pause and repeat. Every change shows at once behind the menu and lasts until the
 * shopper is done.
 */
import { useEffect, useRef, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { REACH_HIGH_MM, REACH_LOW_MM } from '../../../shared/accessibility/reach.js';
import { Icon } from '../components/Icon.js';
import { useA11y } from './a11y-context.js';
import { A11yIcon, type A11yIconName } from './a11y-icons.js';
import { SpeechControls } from './AccessibilityButton.js';
import { stepVolume, textScaleSteps, MIN_VOLUME } from './settings.js';

export function AccessibilityMenu() {
  const { settings, update, configuredTextScale, speech, closeMenu } = useA11y();
  const { t, i18n } = useTranslation('a11y');
  const first = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Focus goes into the dialog, and back to what opened it when it closes.
    const opener = document.activeElement;
    first.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') closeMenu();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [closeMenu]);

  const percent = (value: number): string =>
    new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  const cm = (mm: number): string =>
    new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'centimeter' }).format(mm / 10);

  return (
    <div className="modal-scrim a11y-scrim">
      <div
        className="modal a11y-menu"
        role="dialog"
        aria-modal="true"
        aria-labelledby="a11y-title"
        aria-describedby="a11y-note"
        data-testid="a11y-menu"
      >
        <header className="a11y-head">
          <span className="a11y-head-icon" aria-hidden="true">
            <A11yIcon name="access" />
          </span>
          <div>
            <h2 id="a11y-title" className="a11y-title">
              {t('menu.title')}
            </h2>
            <p id="a11y-note" className="a11y-note">
              {t('menu.note')}
            </p>
          </div>
        </header>

        <div className="a11y-options scroll">
          <Toggle
            ref={first}
            icon="reach"
            label={t('reach.label')}
            hint={t('reach.hint', { low: cm(REACH_LOW_MM), high: cm(REACH_HIGH_MM) })}
            on={settings.lowReach}
            testId="a11y-low-reach"
            onChange={(lowReach) => {
              update({ lowReach });
            }}
          />
          <Toggle
            icon="contrast"
            label={t('contrast.label')}
            hint={t('contrast.hint')}
            on={settings.highContrast}
            testId="a11y-contrast"
            onChange={(highContrast) => {
              update({ highContrast });
            }}
          />

          <div className="a11y-option">
            <span className="a11y-option-icon" aria-hidden="true">
              <A11yIcon name="text" />
            </span>
            <span className="a11y-option-text">
              <span className="a11y-option-label" id="a11y-text-label">
                {t('text.label')}
              </span>
              <span className="a11y-text-steps" role="radiogroup" aria-labelledby="a11y-text-label">
                {textScaleSteps(configuredTextScale).map((scale) => (
                  <button
                    type="button"
                    key={scale}
                    role="radio"
                    aria-checked={settings.textScale === scale}
                    aria-label={percent(scale)}
                    className="chip a11y-text-step press"
                    data-testid="a11y-text-size"
                    data-scale={scale}
                    onClick={() => {
                      update({ textScale: scale });
                    }}
                  >
                    <span aria-hidden="true" style={{ fontSize: `${String(22 * scale)}px` }}>
                      A
                    </span>
                    <span className="a11y-text-step-value" aria-hidden="true">
                      {percent(scale)}
                    </span>
                  </button>
                ))}
              </span>
            </span>
          </div>

          <Toggle
            icon="speaker"
            label={t('speech.label')}
            hint={speech === null ? t('speech.unavailable') : t('speech.hint')}
            on={settings.speech}
            disabled={speech === null}
            testId="a11y-speech"
            onChange={(on) => {
              update({ speech: on });
            }}
          >
            {settings.speech && speech !== null ? (
              <div className="a11y-speech-more">
                <div className="a11y-volume" role="group" aria-label={t('volume.label')}>
                  <button
                    type="button"
                    className="icon-btn press"
                    aria-label={t('volume.down')}
                    disabled={settings.volume <= Math.min(MIN_VOLUME, settings.volume)}
                    data-testid="a11y-volume-down"
                    onClick={() => {
                      update({ volume: stepVolume(settings.volume, -1) });
                    }}
                  >
                    <A11yIcon name="minus" />
                  </button>
                  <output className="a11y-volume-value" data-testid="a11y-volume" aria-live="polite">
                    {t('volume.value', { value: percent(settings.volume) })}
                  </output>
                  <button
                    type="button"
                    className="icon-btn press"
                    aria-label={t('volume.up')}
                    disabled={settings.volume >= 1}
                    data-testid="a11y-volume-up"
                    onClick={() => {
                      update({ volume: stepVolume(settings.volume, 1) });
                    }}
                  >
                    <A11yIcon name="plus" />
                  </button>
                </div>
                <SpeechControls labelled />
              </div>
            ) : null}
          </Toggle>
        </div>

        <button
          type="button"
          className="btn btn-primary btn-lg btn-block press"
          data-testid="a11y-close"
          onClick={closeMenu}
        >
          <Icon name="check" />
          {t('menu.close')}
        </button>
      </div>
    </div>
  );
}

interface ToggleProps {
  ref?: Ref<HTMLButtonElement>;
  icon: A11yIconName;
  label: string;
  hint: string;
  on: boolean;
  disabled?: boolean;
  testId: string;
  onChange: (on: boolean) => void;
  children?: ReactNode;
}

/** One setting as a switch: the whole row is the target, its state said by the switch role. */
function Toggle({ ref, icon, label, hint, on, disabled = false, testId, onChange, children }: ToggleProps) {
  return (
    <div className="a11y-option-group">
      <button
        ref={ref}
        type="button"
        role="switch"
        aria-checked={on}
        aria-labelledby={`${testId}-label`}
        aria-describedby={`${testId}-hint`}
        disabled={disabled}
        className="a11y-option a11y-toggle press"
        data-testid={testId}
        onClick={() => {
          onChange(!on);
        }}
      >
        <span className="a11y-option-icon" aria-hidden="true">
          <A11yIcon name={icon} />
        </span>
        <span className="a11y-option-text">
          <span className="a11y-option-label" id={`${testId}-label`}>
            {label}
          </span>
          <span className="a11y-option-hint" id={`${testId}-hint`}>
            {hint}
          </span>
        </span>
        <span className="a11y-switch" aria-hidden="true">
          <span className="a11y-switch-knob" />
        </span>
      </button>
      {children}
    </div>
  );
}
