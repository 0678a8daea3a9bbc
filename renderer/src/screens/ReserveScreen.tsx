/**
 * Reserve to try on: which store, who (name and a phone number or an email address), and an
 * explicit yes to being contacted. The rules are session/reserve-form.ts's; this screen words them.
 */
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReservationView } from '../../../shared/bridge/contract.js';
import type { NearbyStock, ProductView } from '../../../shared/catalog/views.js';
import { useBridgeEvent, useKiosk } from '../bridge/kiosk-context.js';
import { Icon } from '../components/Icon.js';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.js';
import { Price } from '../components/Price.js';
import { ProductThumb } from '../components/ProductThumb.js';
import { variantLabel } from '../format/variants.js';
import { ReservationResult } from '../components/ReservationResult.js';
import { ReserveFields, type Field } from '../components/ReserveFields.js';
import { StoreChoice, type StoreOption } from '../components/StoreChoice.js';
import { useNav } from '../session/nav-context.js';
import {
  invalidFields,
  refusedFields,
  type ContactKind,
  type ReserveDraft,
  type ReserveErrors,
  type ReserveField,
} from '../session/reserve-form.js';
// Loaded with this screen's chunk, not up front.
import '../theme/reserve.css';
import '../theme/reservation-result.css';

const QUEUED_POLL_MS = 5000;

function validate(t: TFunction, draft: ReserveDraft): ReserveErrors {
  const errors: ReserveErrors = {};
  for (const [field, problem] of invalidFields(draft)) errors[field] = t(`errors.${problem}`);
  return errors;
}

export function ReserveScreen({ product, sku }: { product: ProductView; sku: string }) {
  const { bridge, info } = useKiosk();
  const nav = useNav();
  const { t } = useTranslation('reserve');
  const variant = product.variants.find((v) => v.sku === sku);
  const [nearby, setNearby] = useState<NearbyStock[] | null>(null);
  const [store, setStore] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ContactKind>('phone');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [focused, setFocused] = useState<Field>('name');
  const [errors, setErrors] = useState<ReserveErrors>({});
  // A field's message stays only while the field still holds what was refused.
  const [refused, setRefused] = useState({ name: '', contact: '' });
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<ReservationView | null>(null);
  const resultRef = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    bridge.call('catalog.nearby', { sku }).then(
      (stores) => {
        if (live) setNearby(stores);
      },
      () => {
        if (live) setNearby([]);
      },
    );
    return () => {
      live = false;
    };
  }, [bridge, sku]);

  useEffect(() => {
    resultRef.current = result?.id ?? null;
  }, [result]);
  useBridgeEvent('reservation', (update) => {
    if (update.id === resultRef.current) setResult(update);
  });
  // The event is how a queued reservation moves on; asking now and then covers one sent while
  // the page was reconnecting to the kiosk service.
  const queuedId = result?.status === 'queued' ? result.id : null;
  useEffect(() => {
    if (queuedId === null) return undefined;
    const timer = setInterval(() => {
      bridge.call('session.reservation', { id: queuedId }).then(
        (view) => {
          if (view !== null && view.status !== 'queued' && view.id === resultRef.current) setResult(view);
        },
        () => undefined,
      );
    }, QUEUED_POLL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [bridge, queuedId]);

  // This store first when it has the size; then the stores nearby that do.
  const options: StoreOption[] = [];
  if ((variant?.stockHere ?? 0) > 0) {
    options.push({
      code: info.store.code,
      name: info.store.name,
      detail: t('thisStore'),
      quantity: variant?.stockHere ?? 0,
      distanceKm: null,
    });
  }
  for (const s of nearby ?? []) {
    if (s.quantity > 0 && s.store.code !== info.store.code) {
      options.push({
        code: s.store.code,
        name: s.store.name,
        detail: s.store.city ?? '',
        quantity: s.quantity,
        distanceKm: s.distanceKm,
      });
    }
  }
  const chosen = store ?? options[0]?.code ?? null;

  const submit = (): void => {
    const found = validate(t, { store: chosen, name, kind, contact, consent });
    setErrors(found);
    setRefused({ name, contact });
    if (Object.keys(found).length > 0 || chosen === null || sending) return;
    setSending(true);
    const value = contact.trim();
    bridge
      .call('session.reserve', {
        productId: product.id,
        sku,
        storeCode: chosen,
        name: name.trim(),
        contact: kind === 'phone' ? { phone: value } : { email: value },
        consent: true,
      })
      .then(
        (reservation) => {
          setResult(reservation);
        },
        (error: unknown) => {
          setErrors(errorsFrom(t, kind, error));
        },
      )
      .finally(() => {
        setSending(false);
      });
  };

  if (result !== null) {
    return (
      <main className="screen reserve reserve-done" data-screen="reserve">
        <ReservationResult
          reservation={result}
          contact={contact.trim()}
          onRetry={() => {
            setResult(null);
            setStore(null);
          }}
          onContinue={nav.home}
        />
      </main>
    );
  }

  const price = variant?.price;
  return (
    <main className="screen reserve" data-screen="reserve">
      <div className="reserve-form scroll">
        <header className="reserve-summary">
          <ProductThumb className="reserve-thumb" product={product} variant={variant} />
          <div>
            <span className="eyebrow">{t('product:reserve')}</span>
            <h1 className="reserve-title">{product.title}</h1>
            <p className="reserve-variant">{variantLabel(t, variant)}</p>
            {price !== undefined ? <Price price={price} size="sm" /> : null}
          </div>
        </header>

        <StoreChoice
          options={options}
          loading={nearby === null}
          chosen={chosen}
          error={errors.store}
          onChoose={(code) => {
            setStore(code);
            setErrors((e) => ({ ...e, store: undefined }));
          }}
        />

        <ReserveFields
          name={name}
          setName={setName}
          kind={kind}
          setKind={(next) => {
            setKind(next);
            setContact('');
            setErrors((e) => ({ ...e, contact: undefined }));
          }}
          contact={contact}
          setContact={setContact}
          consent={consent}
          setConsent={(next) => {
            setConsent(next);
            if (next) setErrors((e) => ({ ...e, consent: undefined }));
          }}
          focused={focused}
          setFocused={setFocused}
          errors={{
            ...errors,
            name: name === refused.name ? errors.name : undefined,
            contact: contact === refused.contact ? errors.contact : undefined,
          }}
          brand={info.branding.name}
        />

        {errors.form !== undefined ? (
          <p className="form-error form-error-block" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button
          type="button"
          className="btn btn-primary btn-lg btn-block press"
          data-testid="reserve-submit"
          data-blocked={sending || options.length === 0}
          onClick={submit}
        >
          {sending ? <span className="spinner" aria-hidden="true" /> : <Icon name="check" />}
          {sending ? t('sending') : t('submit')}
        </button>
      </div>
      <div className="reserve-keyboard">
        <span className="reserve-keyboard-label">
          {focused === 'name' ? t('typing.name') : kind === 'phone' ? t('typing.phone') : t('typing.email')}
        </span>
        <OnScreenKeyboard layout={focused === 'name' ? 'name' : kind} />
      </div>
    </main>
  );
}

/**
 * The runtime's refusal names the fields it refused (in English, for logs); the shopper is told
 * in their language what each field needs.
 */
function errorsFrom(t: TFunction, kind: ContactKind, error: unknown): ReserveErrors {
  const errors: ReserveErrors = {};
  for (const field of refusedFields(error).keys()) errors[field] = t(`errors.${refusalKey(field, kind)}`);
  return Object.keys(errors).length > 0 ? errors : { form: t('errors.failed') };
}

function refusalKey(field: ReserveField, kind: ContactKind): string {
  switch (field) {
    case 'store':
      return 'storeGone';
    case 'contact':
      return kind;
    case 'form':
      return 'failed';
    default:
      return field;
  }
}
