/**
 * Wording for the staff PIN pad and panel: what an unlock answered, clock times in the kiosk's
 * locale, uptimes and sync phases. Plain functions, so the words are decided in one place.
 */
import type { TFunction } from 'i18next';
import type { StaffUnlockView, SyncView } from '../../../shared/bridge/contract.js';

/** `14:05` in the kiosk's locale (a 12-hour locale gets `2:05 PM`). */
export function clockTime(iso: string, locale: string, seconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  if (seconds) options.second = '2-digit';
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    // A locale tag this Chromium does not know: the default locale still tells the time.
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}

/** What the pad says after a PIN that did not unlock; null when it did. */
export function unlockMessage(t: TFunction, view: StaffUnlockView, locale: string): string | null {
  switch (view.status) {
    case 'unlocked':
      return null;
    case 'wrong':
      return t('staff:pin.wrong', { count: view.triesLeft });
    case 'locked':
      return t('staff:pin.locked', { time: clockTime(view.until, locale) });
  }
}

type DurationUnit = 'day' | 'hour' | 'minute' | 'second';

/** `5 min`, `2 Std.`, `3 日` (Intl's short unit names, so no language needs a list of its own). */
function amount(value: number, unit: DurationUnit, locale: string): string {
  const options: Intl.NumberFormatOptions = { style: 'unit', unit, unitDisplay: 'short' };
  try {
    return new Intl.NumberFormat(locale, options).format(value);
  } catch {
    return new Intl.NumberFormat(undefined, options).format(value);
  }
}

/** `3 days 4 hr`, `2 hr 15 min`, `4 min 10 sec`, `42 sec`: the two largest units are enough. */
export function uptimeText(totalSeconds: number, locale: string): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (days > 0) return `${amount(days, 'day', locale)} ${amount(hours, 'hour', locale)}`;
  if (hours > 0) return `${amount(hours, 'hour', locale)} ${amount(minutes, 'minute', locale)}`;
  if (minutes > 0) return `${amount(minutes, 'minute', locale)} ${amount(rest, 'second', locale)}`;
  return amount(rest, 'second', locale);
}

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

const phaseTones: Record<SyncView['phase'], Tone> = {
  idle: 'neutral',
  enrolling: 'warn',
  connecting: 'warn',
  pulling: 'good',
  snapshot: 'warn',
  online: 'good',
  offline: 'bad',
  error: 'bad',
  standalone: 'neutral',
};

export function syncPhase(t: TFunction, phase: SyncView['phase']): { text: string; tone: Tone } {
  return { text: t(`staff:phase.${phase}`), tone: phaseTones[phase] };
}

/** A whole number with the locale's grouping (`12,480` / `12.480`). */
export function count(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale).format(value);
  } catch {
    return String(value);
  }
}
