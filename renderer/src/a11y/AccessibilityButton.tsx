/**
 * The way into the accessibility menu, on every screen: in the top bar, and floating on the
 * attract loop (whose whole screen is one "start" button, so nothing can sit inside it). While
 * speech is on, pause/resume and repeat sit beside it on the attract loop, and in the top bar's
 * middle instead of the brand (TopBarSpeech): the bar has no room for them at its end.
 */
import { useTranslation } from 'react-i18next';
import { useA11y } from './a11y-context.js';
import { A11yIcon } from './a11y-icons.js';
import { SPEECH_CONTROL_ATTRIBUTE } from './speech-dom.js';

export function AccessibilityButton({ floating = false }: { floating?: boolean }) {
  const { openMenu, speechState } = useA11y();
  const { t } = useTranslation('a11y');
  return (
    <div className={floating ? 'a11y-launcher a11y-launcher-floating' : 'a11y-launcher'}>
      {floating && speechState.enabled ? <SpeechControls /> : null}
      <button
        type="button"
        className="icon-btn a11y-open press"
        aria-label={t('menu.open')}
        aria-haspopup="dialog"
        data-testid="a11y-open"
        onClick={openMenu}
      >
        <A11yIcon name="access" />
      </button>
    </div>
  );
}

/** Pause and repeat in the top bar while speech is on (theme/a11y-menu.css hides the brand beside them). */
export function TopBarSpeech() {
  const { speechState } = useA11y();
  return speechState.enabled ? <SpeechControls /> : null;
}

/** Pause/resume and repeat; `labelled` shows their words too (in the menu). */
export function SpeechControls({ labelled = false }: { labelled?: boolean }) {
  const testId = labelled ? 'menu-speech' : 'speech';
  const { speech, speechState } = useA11y();
  const { t } = useTranslation('a11y');
  if (speech === null) return null;
  const { speaking, paused, canRepeat } = speechState;
  const pauseLabel = paused ? t('speech.resume') : t('speech.pause');
  const className = labelled ? 'btn btn-secondary press' : 'icon-btn press';
  return (
    <div
      className="speech-controls"
      role="group"
      aria-label={t('speech.controls')}
      {...{ [SPEECH_CONTROL_ATTRIBUTE]: '' }}
    >
      <button
        type="button"
        className={className}
        aria-label={labelled ? undefined : pauseLabel}
        disabled={!speaking && !paused}
        data-testid={`${testId}-pause`}
        onClick={() => {
          if (paused) speech.resume();
          else speech.pause();
        }}
      >
        <A11yIcon name={paused ? 'play' : 'pause'} />
        {labelled ? <span>{pauseLabel}</span> : null}
      </button>
      <button
        type="button"
        className={className}
        aria-label={labelled ? undefined : t('speech.repeat')}
        disabled={!canRepeat}
        data-testid={`${testId}-repeat`}
        onClick={() => {
          speech.repeat();
        }}
      >
        <A11yIcon name="repeat" />
        {labelled ? <span>{t('speech.repeat')}</span> : null}
      </button>
    </div>
  );
}
