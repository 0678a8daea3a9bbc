/**
 * Wording for the staff PIN pad and panel: what an unlock answered, clock times in the kiosk's
 * locale, uptimes and sync phases. Plain functions, so the words are decided in one place.
 */
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
export function unlockMessage(view: StaffUnlockView, locale: string): string | null {
  switch (view.status) {
    case 'unlocked':
      return null;
    case 'wrong':
      return `Wrong PIN — ${view.triesLeft} ${view.triesLeft === 1 ? 'try' : 'tries'} left`;
    case 'locked':
      return `Too many wrong PINs. Try again at ${clockTime(view.until, locale)}`;
  }
}

/** `3 d 4 h`, `2 h 15 min`, `4 min 10 s`, `42 s`: the two largest units are enough. */
export function uptimeText(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${rest} s`;
  return `${rest} s`;
}

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

const phaseWords: Record<SyncView['phase'], [string, Tone]> = {
  idle: ['Stopped', 'neutral'],
  enrolling: ['Enrolling', 'warn'],
  connecting: ['Connecting', 'warn'],
  pulling: ['Pulling changes', 'good'],
  snapshot: ['Loading snapshot', 'warn'],
  online: ['Up to date', 'good'],
  offline: ['Offline', 'bad'],
  error: ['Error', 'bad'],
  standalone: ['Standalone (no hub)', 'neutral'],
};

export function syncPhase(phase: SyncView['phase']): { text: string; tone: Tone } {
  const [text, tone] = phaseWords[phase];
  return { text, tone };
}

/** A whole number with the locale's grouping (`12,480` / `12.480`). */
export function count(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale).format(value);
  } catch {
    return String(value);
  }
}
