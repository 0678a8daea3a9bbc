/**
 * Granular consent, before anything personal is shown (GDPR Art. 25(2), Art. 7): one question per
 * purpose the kiosk offers, each with a Yes and a No of equal size and look, neither chosen at
 * first; Continue waits for an answer to each. The sheet says plainly that no price depends on
 * the answers (refusing profiling must cost nothing: the Elkjøp ruling), and "Not me" signs out.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentQuestions } from '../../../shared/bridge/member.js';
import { Icon, type IconName } from '../components/Icon.js';
import '../theme/member.css';

type Purpose = 'personalization' | 'marketing';
type Answers = Partial<Record<Purpose, boolean>>;

const ICONS: Record<Purpose, IconName> = { personalization: 'sparkle', marketing: 'mail' };

export function ConsentSheet({
  asks,
  busy,
  onAnswer,
  onCancel,
}: {
  asks: ConsentQuestions;
  busy: boolean;
  onAnswer: (answers: { personalization: boolean; marketing: boolean }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('member');
  const id = useId();
  const [answers, setAnswers] = useState<Answers>({});
  const purposes = (['personalization', 'marketing'] as const).filter((p) => asks[p]);
  const complete = purposes.every((p) => answers[p] !== undefined);

  return (
    <div className="modal-scrim" data-testid="consent-sheet">
      <div
        className="modal consent"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-intro`}
      >
        <span className="consent-eyebrow eyebrow">
          <Icon name="user" />
          {t('consent.eyebrow')}
        </span>
        <h2 id={`${id}-title`} className="modal-title consent-title">
          {t('consent.title', { count: purposes.length })}
        </h2>
        <p id={`${id}-intro`} className="consent-intro">
          {t('consent.intro')}
        </p>
        <p className="consent-price-note" data-testid="consent-price-note">
          <Icon name="check" />
          <span>{t('consent.priceNote')}</span>
        </p>

        <div className="consent-questions">
          {purposes.map((purpose) => (
            <div
              key={purpose}
              className="consent-question"
              role="radiogroup"
              aria-labelledby={`${id}-${purpose}`}
              aria-describedby={`${id}-${purpose}-text`}
              data-testid={`consent-${purpose}`}
            >
              <span className="consent-question-icon" aria-hidden="true">
                <Icon name={ICONS[purpose]} />
              </span>
              <span className="consent-question-body">
                <strong id={`${id}-${purpose}`}>{t(`consent.${purpose}.title`)}</strong>
                <span id={`${id}-${purpose}-text`}>{t(`consent.${purpose}.text`)}</span>
              </span>
              <span className="consent-choices">
                {([true, false] as const).map((yes) => (
                  <button
                    key={String(yes)}
                    type="button"
                    role="radio"
                    aria-checked={answers[purpose] === yes}
                    className="consent-choice press"
                    data-testid={`consent-${purpose}-${yes ? 'yes' : 'no'}`}
                    disabled={busy}
                    onClick={() => {
                      setAnswers((before) => ({ ...before, [purpose]: yes }));
                    }}
                  >
                    {answers[purpose] === yes ? <Icon name="check" /> : null}
                    {t(yes ? 'consent.yes' : 'consent.no')}
                  </button>
                ))}
              </span>
            </div>
          ))}
        </div>

        <div className="consent-actions">
          <button
            type="button"
            className="btn btn-ghost press"
            data-testid="consent-cancel"
            disabled={busy}
            onClick={onCancel}
          >
            {t('consent.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary btn-lg press consent-continue"
            data-testid="consent-continue"
            data-blocked={!complete || busy}
            aria-disabled={!complete || busy}
            onClick={() => {
              if (!complete || busy) return;
              onAnswer({
                personalization: answers.personalization === true,
                marketing: answers.marketing === true,
              });
            }}
          >
            {busy ? t('consent.saving') : t('consent.continue')}
          </button>
        </div>
        <p className="consent-hint" aria-live="polite">
          {complete ? t('consent.later') : t('consent.answerEach', { count: purposes.length })}
        </p>
      </div>
    </div>
  );
}
