/**
 * The language picker: in the top bar a button with the current language that opens the list,
 * and on the attract loop a row of every language, where one tap starts the session in it. Each
 * language is offered under its own name, with the name in the language on screen beside it.
 * Only the config's `languages` are offered; with one there is nothing to pick and no picker.
 */
import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName, ownName } from '../i18n/language-names.js';
import { useLanguageChoice } from '../i18n/session-language.js';
import { Icon } from './Icon.js';

function LanguageOptions({
  languages,
  current,
  onPick,
}: {
  languages: readonly string[];
  current: string;
  onPick: (tag: string) => void;
}) {
  const { i18n } = useTranslation();
  return (
    <ul className="lang-options">
      {languages.map((tag) => {
        const own = ownName(tag);
        const local = languageName(tag, current);
        const chosen = tag === current;
        return (
          <li key={tag}>
            <button
              type="button"
              className="lang-option press"
              data-testid="language-option"
              data-language={tag}
              aria-current={chosen ? 'true' : undefined}
              onClick={() => {
                onPick(tag);
              }}
            >
              <span className="lang-option-text">
                <span className="lang-option-name" lang={tag} dir={i18n.dir(tag)}>
                  {own}
                </span>
                {local !== own ? <span className="lang-option-local">{local}</span> : null}
              </span>
              {chosen ? <Icon name="check" className="lang-option-check" /> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The top bar's picker: the language in use; a tap lists the others. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const { languages, current, choose } = useLanguageChoice();
  const [open, setOpen] = useState(false);
  if (languages.length < 2) return null;
  return (
    <div className="lang">
      <button
        type="button"
        className="btn btn-ghost topbar-btn lang-toggle press"
        data-testid="language-picker"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={t('language.button', { language: ownName(current) })}
        onClick={() => {
          setOpen(!open);
        }}
      >
        <Icon name="globe" />
        <span className="lang-toggle-name" lang={current} dir={i18n.dir(current)}>
          {ownName(current)}
        </span>
      </button>
      {open ? (
        <>
          <div
            className="lang-scrim"
            aria-hidden="true"
            onClick={() => {
              setOpen(false);
            }}
          />
          <div
            className="lang-menu"
            role="dialog"
            aria-label={t('language.choose')}
            data-testid="language-menu"
            onKeyDown={(event) => {
              if (event.key === 'Escape') setOpen(false);
            }}
          >
            <p className="lang-menu-title">
              <Icon name="globe" />
              {t('language.choose')}
            </p>
            <LanguageOptions
              languages={languages}
              current={current}
              onPick={(tag) => {
                setOpen(false);
                if (tag !== current) choose(tag);
              }}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}

/** The attract loop's row: a passer-by starts in their own language with one tap. */
export function LanguageRow({ onChosen }: { onChosen: () => void }) {
  const { t, i18n } = useTranslation();
  const { languages, current, choose } = useLanguageChoice();
  if (languages.length < 2) return null;
  // The attract screen is one big "start" button; a tap here must not also count as that tap.
  const keep = (event: MouseEvent | KeyboardEvent): void => {
    event.stopPropagation();
  };
  return (
    <div
      className="attract-languages"
      role="group"
      aria-label={t('language.choose')}
      data-testid="attract-languages"
      onClick={keep}
      onKeyDown={keep}
    >
      {languages.map((tag) => (
        <button
          type="button"
          key={tag}
          className="lang-chip press"
          lang={tag}
          dir={i18n.dir(tag)}
          data-testid="language-option"
          data-language={tag}
          aria-pressed={tag === current}
          onClick={() => {
            if (tag !== current) choose(tag);
            onChosen();
          }}
        >
          {ownName(tag)}
        </button>
      ))}
    </div>
  );
}
