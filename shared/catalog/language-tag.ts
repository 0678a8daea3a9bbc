/**
 * Language tags as the catalog keys texts by them: canonical BCP 47 (RFC 5646) with a language,
 * an optional script and an optional region ("de", "fr-CA", "zh-Hant", "es-419"). Variants and
 * extensions say nothing a product title needs, and one spelling per language keeps "DE" and
 * "de" from becoming two sets of texts.
 */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;

/** The canonical form of `text` ("DE-de" → "de-DE"), or null when it is not such a tag. */
export function canonicalLanguageTag(text: string): string | null {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(text.trim());
  } catch {
    return null;
  }
  return canonical !== undefined && LANGUAGE_TAG.test(canonical) ? canonical : null;
}

/**
 * Which of `available` tags serves a shopper reading `locale`: the same tag, else the same
 * language without a region or script, else the same language in another region (a French
 * shopper in Belgium still reads "fr-FR" texts). Undefined: none of them, show the default.
 */
export function bestLanguageMatch(locale: string, available: readonly string[]): string | undefined {
  if (available.includes(locale)) return locale;
  const language = locale.split('-')[0] ?? locale;
  if (available.includes(language)) return language;
  return available.filter((tag) => tag.startsWith(`${language}-`)).sort()[0];
}
