import { Icon } from '../components/Icon.js';
import { useNav } from '../session/nav-context.js';

/** A well-formed barcode the catalog doesn't have: say so kindly and offer the other ways in. */
export function NotFoundScreen({ code }: { code: string }) {
  const nav = useNav();
  return (
    <main className="screen message-screen" data-screen="not-found">
      <div className="message-card">
        <span className="message-icon">
          <Icon name="barcode" />
        </span>
        <h1 className="message-title">
          We couldn’t find{' '}
          <span className="message-code" data-testid="not-found-code">
            {code}
          </span>
        </h1>
        <p className="message-text">
          This item may be new, or not part of our range. Try searching for it by name — or ask a member of
          staff, they’ll be happy to help.
        </p>
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
            Search instead
          </button>
          <button type="button" className="btn btn-secondary btn-lg press" onClick={nav.home}>
            <Icon name="home" />
            Start page
          </button>
        </div>
      </div>
    </main>
  );
}
