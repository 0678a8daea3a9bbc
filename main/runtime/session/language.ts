/**
 * The language of the session in progress, as the runtime needs it: catalog answers and scan
 * events carry the feed's texts in it (FORMAT.md, product `translations`). The page picks it
 * (`session.language`); the end of the session puts the config's `defaultLocale` back, so the
 * next shopper starts where every shopper starts.
 */
import type { KioskConfig } from '../../../kiosk-config/index.js';
import { BridgeCallError } from '../../../shared/bridge/index.js';

export class SessionLanguage {
  private chosen: string | null = null;

  /** `config` is read each time: a pushed config may change the languages on offer. */
  constructor(private readonly config: () => Pick<KioskConfig, 'languages' | 'defaultLocale'>) {}

  /** The shopper's pick while the config still offers it, else the default. */
  get current(): string {
    const { languages, defaultLocale } = this.config();
    return this.chosen !== null && languages.includes(this.chosen) ? this.chosen : defaultLocale;
  }

  /** Takes a BCP 47 tag as the page sends it; one the config does not offer is refused. */
  choose(tag: string): string {
    let canonical: string | undefined;
    try {
      [canonical] = Intl.getCanonicalLocales(tag);
    } catch {
      canonical = undefined;
    }
    const { languages } = this.config();
    if (canonical === undefined || !languages.includes(canonical)) {
      throw new BridgeCallError(
        'invalid-call',
        `session.language: locale: "${tag}" is not one of this kiosk's languages (${languages.join(', ')})`,
      );
    }
    this.chosen = canonical;
    return canonical;
  }

  reset(): void {
    this.chosen = null;
  }
}
