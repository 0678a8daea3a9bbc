/**
 * Open or closed, in one warm sentence: "We're closed — open tomorrow at 10:00", in the store's
 * time zone. Shown on the spotlight (read from the street) and on every product.
 */
import { useTranslation } from 'react-i18next';
import type { StoreHoursView } from '../../../shared/bridge/contract.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { Icon } from '../components/Icon.js';
import { clockTime, intlLocale, nextOpening } from './hours-text.js';
import { useNow } from './use-store-hours.js';

const DAY_MS = 86_400_000;

/** The sentence for the state at `now`; exported for the reserve screen's "ready from". */
export function useHoursSentence(hours: StoreHoursView | undefined): string | null {
  const { t, i18n } = useTranslation('window');
  const { info } = useKiosk();
  const now = useNow();
  if (hours === undefined) return null;
  const locale = intlLocale(i18n.language, info.locale);
  if (hours.open) {
    const closes = hours.closesAt === null ? null : new Date(hours.closesAt);
    // A store open round the clock "closes" a year from now: that is not worth a time.
    return closes !== null && closes.getTime() - now.getTime() < DAY_MS
      ? t('hours.openUntil', { time: clockTime(closes, hours.timeZone, locale) })
      : t('hours.openNow');
  }
  const next = nextOpening(hours, now, locale);
  if (next === null) return t('hours.closed');
  return 'day' in next
    ? t(`hours.closedOpens.${next.kind}`, { time: next.time, day: next.day })
    : t(`hours.closedOpens.${next.kind}`, { time: next.time });
}

export function HoursNotice({ hours, className }: { hours: StoreHoursView | undefined; className?: string }) {
  const sentence = useHoursSentence(hours);
  if (hours === undefined || sentence === null) return null;
  return (
    <p
      className={`whours ${hours.open ? 'whours-open' : 'whours-closed'} ${className ?? ''}`}
      data-testid="window-hours"
      data-open={String(hours.open)}
    >
      <Icon name={hours.open ? 'store' : 'clock'} />
      <span>{sentence}</span>
    </p>
  );
}
