import { Trans, useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { useNav } from '../session/nav-context.js';

/** A well-formed barcode the catalog doesn't have: say so kindly and offer the other ways in. */
export function NotFoundScreen({ code }: { code: string }) {
  const nav = useNav();
  const { t } = useTranslation('home');
  return (
    <main className="screen message-screen" data-screen="not-found">
      <div className="message-card">
        <span className="message-icon">
          <Icon name="barcode" />
        </span>
        <h1 className="message-title">
          <Trans
            t={t}
            i18nKey="notFound.title"
            values={{ code }}
            components={{ code: <span className="message-code" data-testid="not-found-code" dir="ltr" /> }}
          />
        </h1>
        <p className="message-text">{t('notFound.text')}</p>
        <div className="message-actions">
          <button
            type="button"
            className="btn btn-primary btn-lg press"
            data-testid="not-found-search"
            onClick={() => {
              nav.openSearch({ query: '', filters: {} });
            }}
          >
            <Icon name="search" />
            {t('notFound.search')}
          </button>
          <button type="button" className="btn btn-secondary btn-lg press" onClick={nav.home}>
            <Icon name="home" />
            {t('common:topbar.home')}
          </button>
        </div>
      </div>
    </main>
  );
}
