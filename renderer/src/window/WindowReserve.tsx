/**
 * Reserve for opening time: a passer-by outside a closed store holds one item in this store,
 * ready when it opens. The runtime gives the reservation its pickup time from the opening hours
 * (session.reserve); the page only says when that is. Fields and keys are window-sized, and the
 * on-screen keyboard types into the field last tapped (input/text-target.ts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReservationView, StoreHoursView } from '../../../shared/bridge/contract.js';
import type { ProductView } from '../../../shared/catalog/views.js';
import { useBridgeEvent, useKiosk } from '../bridge/kiosk-context.js';
import { Icon } from '../components/Icon.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import { ProductImage } from '../components/ProductImage.js';
import { useTextTarget } from '../input/text-target.js';
import {
  contactMaxLength,
  invalidFields,
  NAME_MAX_LENGTH,
  refusedFields,
  type ContactKind,
  type ReserveErrors,
} from '../session/reserve-form.js';
import { useHoursSentence } from './HoursNotice.js';
import { WindowAids } from './WindowAids.js';
import { WindowReserved } from './WindowReserved.js';

type Field = 'name' | 'contact';

export interface WindowReserveProps {
  product: ProductView;
  sku: string;
  hours: StoreHoursView | undefined;
  onBack: () => void;
  onDone: () => void;
}

export function WindowReserve({ product, sku, hours, onBack, onDone }: WindowReserveProps) {
  const { t } = useTranslation('window');
  const { bridge, info } = useKiosk();
  const variant = product.variants.find((v) => v.sku === sku);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ContactKind>('phone');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [focused, setFocused] = useState<Field>('name');
  const [errors, setErrors] = useState<ReserveErrors>({});
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<ReservationView | null>(null);
  const sentence = useHoursSentence(hours);
  useTextTarget(focused === 'name', setName, { maxLength: NAME_MAX_LENGTH });
  useTextTarget(focused === 'contact', setContact, { maxLength: contactMaxLength(kind) });
  useBridgeEvent('reservation', (update) => {
    if (update.id === result?.id) setResult(update);
  });

  if (result !== null) return <WindowReserved reservation={result} hours={hours} onDone={onDone} />;

  const submit = (): void => {
    const found: ReserveErrors = {};
    // The window reserves in its own store, so there is no store to choose.
    for (const [field, problem] of invalidFields({ store: info.store.code, name, kind, contact, consent }))
      found[field] = t(`reserve.errors.${problem}`);
    setErrors(found);
    if (Object.keys(found).length > 0 || sending) return;
    setSending(true);
    const value = contact.trim();
    bridge
      .call('session.reserve', {
        productId: product.id,
        sku,
        storeCode: info.store.code,
        name: name.trim(),
        contact: kind === 'phone' ? { phone: value } : { email: value },
        consent: true,
      })
      .then(setResult, (error: unknown) => {
        setErrors(errorsFrom(error, t('reserve.errors.failed')));
      })
      .finally(() => {
        setSending(false);
      });
  };

  const field = (which: Field, label: string, value: string, placeholder?: string) => (
    <label className="wfield" data-active={focused === which} data-invalid={errors[which] !== undefined}>
      <span className="wfield-label">{label}</span>
      <input
        className="wfield-input"
        data-testid={`window-reserve-${which}`}
        type="text"
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        aria-invalid={errors[which] !== undefined}
        onFocus={() => {
          setFocused(which);
        }}
        onChange={(event) => {
          (which === 'name' ? setName : setContact)(event.target.value);
        }}
      />
      {errors[which] !== undefined ? <span className="wfield-error">{errors[which]}</span> : null}
    </label>
  );

  return (
    <main className="screen wreserve" data-screen="window-reserve">
      <div className="wreserve-form">
        <header className="wreserve-head">
          <div className="wreserve-tools">
            <button type="button" className="wback press" data-testid="window-reserve-back" onClick={onBack}>
              <Icon name="back" />
              {t('reserve.back')}
            </button>
            <WindowAids />
          </div>
          <ProductImage
            className="wreserve-thumb"
            src={variant?.media[0]?.url ?? product.media[0]?.url}
            alt=""
            seed={product.id}
            colorName={variant?.color}
            brand={product.brand}
            hints={[product.title]}
          />
          <div>
            <h1 className="wreserve-title">{t('reserve.title')}</h1>
            <p className="wreserve-item">
              {[product.title, variant?.color, variant?.size]
                .filter((part) => part !== undefined)
                .join(' · ')}
            </p>
            {sentence !== null ? <p className="wreserve-when">{sentence}</p> : null}
          </div>
        </header>
        {field('name', t('reserve.name'), name)}
        <div className="wkinds" role="group" aria-label={t('reserve.how')}>
          {(['phone', 'email'] as const).map((k) => (
            <button
              type="button"
              key={k}
              className="chip wkind press"
              data-testid={`window-contact-${k}`}
              aria-pressed={kind === k}
              onClick={() => {
                setKind(k);
                setContact('');
                setFocused('contact');
              }}
            >
              <Icon name={k === 'phone' ? 'phone' : 'mail'} />
              {t(`reserve.${k}`)}
            </button>
          ))}
        </div>
        {field(
          'contact',
          kind === 'phone' ? t('reserve.phoneLabel') : t('reserve.emailLabel'),
          contact,
          kind === 'phone' ? '+49 30 1234567' : 'name@example.com',
        )}
        <label className="wconsent" data-invalid={errors.consent !== undefined}>
          <input
            type="checkbox"
            className="wconsent-box"
            data-testid="window-reserve-consent"
            checked={consent}
            onChange={(event) => {
              setConsent(event.target.checked);
            }}
          />
          <span>
            {t('reserve.consent', { brand: info.branding.name })}
            {errors.consent !== undefined ? <span className="wfield-error">{errors.consent}</span> : null}
          </span>
        </label>
        {errors.form !== undefined ? (
          <p className="wfield-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button
          type="button"
          className="btn btn-primary btn-lg wbtn press"
          data-testid="window-reserve-submit"
          data-blocked={sending}
          onClick={submit}
        >
          {sending ? <span className="spinner" aria-hidden="true" /> : <Icon name="check" />}
          {sending ? t('reserve.sending') : t('reserve.submit')}
        </button>
      </div>
      <div className="wreserve-keyboard">
        <OnScreenKeyboard layout={focused === 'name' ? 'name' : kind} />
      </div>
    </main>
  );
}

/**
 * A refused field shows the runtime's own message for it; the window has no store to choose, so
 * a refused store is said above the button.
 */
function errorsFrom(error: unknown, fallback: string): ReserveErrors {
  const errors: ReserveErrors = {};
  for (const [field, text] of refusedFields(error)) errors[field === 'store' ? 'form' : field] ??= text;
  return Object.keys(errors).length > 0 ? errors : { form: fallback };
}
