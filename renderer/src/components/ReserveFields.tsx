/**
 * The shopper's details for a reservation. Inputs are real, controlled <input>s (inputMode
 * "none" keeps an OS keyboard away); the on-screen keyboard types into whichever was tapped last.
 */
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { useTextTarget } from '../input/text-target.js';
import {
  contactMaxLength,
  NAME_MAX_LENGTH,
  type ContactKind,
  type ReserveErrors,
} from '../session/reserve-form.js';
import { Icon } from './Icon.js';

export type Field = 'name' | 'contact';

/** Names start each word with a capital, so the shopper needn't find a shift key. */
function capitalizeWords(before: string, inserted: string): string {
  return Array.from(inserted)
    .map((ch, i) => {
      const prev = i === 0 ? before.slice(-1) : inserted[i - 1];
      return prev === undefined || prev === '' || prev === ' ' || prev === '-' ? ch.toUpperCase() : ch;
    })
    .join('');
}

export interface ReserveFieldsProps {
  name: string;
  setName: Dispatch<SetStateAction<string>>;
  kind: ContactKind;
  setKind: (kind: ContactKind) => void;
  contact: string;
  setContact: Dispatch<SetStateAction<string>>;
  consent: boolean;
  setConsent: (consent: boolean) => void;
  focused: Field;
  setFocused: (field: Field) => void;
  errors: ReserveErrors;
  brand: string;
}

export function ReserveFields(props: ReserveFieldsProps) {
  const {
    name,
    setName,
    kind,
    setKind,
    contact,
    setContact,
    consent,
    setConsent,
    focused,
    setFocused,
    errors,
    brand,
  } = props;
  const { t } = useTranslation('reserve');
  useTextTarget(focused === 'name', setName, { maxLength: NAME_MAX_LENGTH, shape: capitalizeWords });
  useTextTarget(focused === 'contact', setContact, { maxLength: contactMaxLength(kind) });
  return (
    <>
      <section className="form-section" aria-labelledby="details-title">
        <h2 id="details-title" className="form-heading">
          <span className="step">2</span> {t('details.title')}
        </h2>
        <label className="field" data-active={focused === 'name'} data-invalid={errors.name !== undefined}>
          <span className="field-label">{t('details.name')}</span>
          <input
            className="field-input"
            data-testid="reserve-name"
            type="text"
            inputMode="none"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            maxLength={NAME_MAX_LENGTH}
            value={name}
            aria-invalid={errors.name !== undefined}
            aria-describedby={errors.name !== undefined ? 'name-error' : undefined}
            onFocus={() => {
              setFocused('name');
            }}
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
          {errors.name !== undefined ? (
            <span className="form-error" id="name-error">
              {errors.name}
            </span>
          ) : null}
        </label>

        <div className="contact-kind" role="group" aria-label={t('details.how')}>
          {(['phone', 'email'] as const).map((k) => (
            <button
              type="button"
              key={k}
              className="chip press"
              data-testid={`contact-${k}`}
              aria-pressed={kind === k}
              onClick={() => {
                setKind(k);
                setFocused('contact');
              }}
            >
              <Icon name={k === 'phone' ? 'phone' : 'mail'} />
              {k === 'phone' ? t('details.phone') : t('details.email')}
            </button>
          ))}
        </div>
        <label
          className="field"
          data-active={focused === 'contact'}
          data-invalid={errors.contact !== undefined}
        >
          <span className="field-label">
            {kind === 'phone' ? t('details.phoneNumber') : t('details.emailAddress')}
          </span>
          <input
            className="field-input"
            data-testid="reserve-contact"
            // Speech says the field, never the phone number or address in it (ADA §707.5).
            data-speech-mask="value"
            type="text"
            inputMode="none"
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={contactMaxLength(kind)}
            placeholder={kind === 'phone' ? '+49 30 1234567' : 'name@example.com'}
            dir="ltr"
            value={contact}
            aria-invalid={errors.contact !== undefined}
            aria-describedby={errors.contact !== undefined ? 'contact-error' : undefined}
            onFocus={() => {
              setFocused('contact');
            }}
            onChange={(e) => {
              setContact(e.target.value);
            }}
          />
          {errors.contact !== undefined ? (
            <span className="form-error" id="contact-error">
              {errors.contact}
            </span>
          ) : null}
        </label>
      </section>

      <label className="consent" data-invalid={errors.consent !== undefined}>
        <input
          type="checkbox"
          className="consent-box"
          data-testid="reserve-consent"
          checked={consent}
          aria-describedby={errors.consent !== undefined ? 'consent-error' : undefined}
          onChange={(e) => {
            setConsent(e.target.checked);
          }}
        />
        <span className="consent-text">
          {t(kind === 'phone' ? 'details.consentPhone' : 'details.consentEmail', { brand })}
          {errors.consent !== undefined ? (
            <span className="form-error" id="consent-error">
              {errors.consent}
            </span>
          ) : null}
        </span>
      </label>
    </>
  );
}
