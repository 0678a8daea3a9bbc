/**
 * An instant as the store's clock shows it ("Tuesday, 3 March 2026 at 10:00"), in the reader's
 * language; the ISO text itself if Intl refuses the locale or zone (a page must still render).
 */
export function formatInstant(iso: string, locale: string, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'full',
      timeStyle: 'short',
      ...(timeZone === undefined ? {} : { timeZone }),
    }).format(new Date(iso));
  } catch {
    return iso;
  }
}
