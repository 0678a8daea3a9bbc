/**
 * Names of languages for the picker. Each language is offered under its own name ("Deutsch",
 * "العربية", "日本語"), the one a shopper who reads it looks for, with the name in the language
 * on screen beside it for everyone else. Intl.DisplayNames has both for any BCP 47 tag, so no
 * list of names is kept here.
 */

const cache = new Map<string, string>();

/** `tag`'s name in `inLanguage` ("de-DE" in "fr" → "allemand (Allemagne)"); the tag itself when unknown. */
export function languageName(tag: string, inLanguage: string): string {
  const key = `${tag}\u0000${inLanguage}`;
  let name = cache.get(key);
  if (name === undefined) {
    try {
      const found =
        new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
      // "español" reads as a label once it starts with a capital, as the other names do.
      name = found.charAt(0).toLocaleUpperCase(inLanguage) + found.slice(1);
    } catch {
      // A tag this browser cannot parse (the config schema canonicalizes them, so a bad config only).
      name = tag;
    }
    cache.set(key, name);
  }
  return name;
}

/** The name of a language as its own speakers write it. */
export function ownName(tag: string): string {
  return languageName(tag, tag);
}
