/**
 * Home: search, scan, browse. Top-level categories are big tiles; a tile opens its subcategories
 * as chips, and a chip opens Search filtered to it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/catalog/views.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { Icon } from '../components/Icon.js';
import { ProductCard } from '../components/ProductCard.js';
import { glyphFor } from '../components/CategoryGlyph.js';
import { CategoryGlyph } from '../components/CategoryGlyph.js';
import { categoryTree, type TopCategory } from '../format/categories.js';
import { formatCount } from '../format/money.js';
import { ForYouRow } from '../member/index.js';
import { useNav } from '../session/nav-context.js';

export function HomeScreen() {
  const { bridge, info } = useKiosk();
  const nav = useNav();
  const { t } = useTranslation('home');
  const [categories, setCategories] = useState<TopCategory[]>([]);
  const [featured, setFeatured] = useState<SearchHit[] | null>(null);
  const [openTop, setOpenTop] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    bridge.call('catalog.categories', {}).then(
      (rows) => {
        if (live) setCategories(categoryTree(rows));
      },
      () => undefined,
    );
    bridge.call('catalog.featured', { limit: 8 }).then(
      (hits) => {
        if (live) setFeatured(hits);
      },
      () => {
        if (live) setFeatured([]);
      },
    );
    return () => {
      live = false;
    };
    // Featured titles come in the session's language: asked again when it changes.
  }, [bridge, info.locale]);

  const open = categories.find((c) => c.name === openTop);
  return (
    <main className="screen home" data-screen="home">
      <div className="home-col home-main">
        <section className="home-hero">
          <span className="eyebrow">{info.store.name}</span>
          <h1 className="home-title">{t('home.title')}</h1>
          <button
            type="button"
            className="search-entry press"
            data-testid="open-search"
            onClick={() => {
              nav.openSearch();
            }}
          >
            <Icon name="search" />
            <span>{t('home.searchPlaceholder')}</span>
          </button>
          <div className="scan-hint">
            <span className="scan-hint-icon">
              <Icon name="barcode" />
            </span>
            <span>
              <strong>{t('home.scanTitle')}</strong>
              <span>{t('home.scanText')}</span>
            </span>
          </div>
        </section>

        {categories.length > 0 ? (
          <section className="home-section home-categories" aria-labelledby="home-categories">
            <h2 id="home-categories" className="section-title">
              {t('home.categories')}
            </h2>
            <div className="category-tiles">
              {categories.map((c) => (
                <button
                  type="button"
                  key={c.name}
                  className="category-tile press"
                  aria-expanded={c.children.length > 0 ? openTop === c.name : undefined}
                  data-open={openTop === c.name}
                  onClick={() => {
                    if (c.children.length === 0) nav.openSearch({ filters: { category: c.path } });
                    else setOpenTop(openTop === c.name ? null : c.name);
                  }}
                >
                  <CategoryGlyph glyph={glyphFor(c.name, c.children[0]?.name)} />
                  <span className="category-tile-name">{c.name}</span>
                  <span className="category-tile-count">{t('home.products', { count: c.products })}</span>
                </button>
              ))}
            </div>
            {open !== undefined ? (
              <div className="category-chips" key={open.name}>
                <button
                  type="button"
                  className="chip chip-strong press"
                  onClick={() => {
                    nav.openSearch({ filters: { category: open.path } });
                  }}
                >
                  {t('home.allOf', { category: open.name })}
                </button>
                {open.children.map((child) => (
                  <button
                    type="button"
                    key={child.path}
                    className="chip press"
                    onClick={() => {
                      nav.openSearch({ filters: { category: child.path } });
                    }}
                  >
                    {child.name}
                    <span className="chip-count">{formatCount(child.products, info.locale)}</span>
                  </button>
                ))}
              </div>
            ) : null}
          </section>
        ) : null}
      </div>
      <section className="home-col home-section home-featured-section" aria-labelledby="home-featured">
        <ForYouRow />
        <h2 id="home-featured" className="section-title">
          {t('home.featured')}
        </h2>
        <div className="card-grid home-featured">
          {(featured ?? []).map((hit) => (
            <ProductCard key={hit.id} product={hit} onOpen={nav.openProduct} />
          ))}
          {featured === null
            ? Array.from({ length: 4 }, (_, i) => <div className="card card-skeleton" key={i} />)
            : null}
        </div>
      </section>
    </main>
  );
}
