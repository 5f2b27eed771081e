import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { STORY_CATEGORIES, isStoryCategory, type StoryCategory } from '@vw/domain';
import {
  useMakerSearchQuery,
  useSearchQuery,
  type SearchInput,
  type SearchMode,
  type SearchSort,
} from '../../shared/queries/search/use-search-query';
import { EmptyState, ErrorState } from '../../shared/ui/states';
import { CATEGORY_NAMES } from '../../shared/ui/category-names';
import { clearRecentSearches, loadRecentSearches, rememberSearch } from './recent-searches';
import { formatCount, priceOf } from './search-text';
import './search.css';

const SORTS: { value: SearchSort; label: MessageDescriptor }[] = [
  { value: 'relevance', label: msg`Best match` },
  { value: 'ending_soon', label: msg`Ending soon` },
  { value: 'newest', label: msg`Newest` },
  { value: 'price_asc', label: msg`Price: low to high` },
  { value: 'price_desc', label: msg`Price: high to low` },
];
const MODES: { value: SearchMode; label: MessageDescriptor }[] = [
  { value: 'auction', label: msg`Live auction` },
  { value: 'buy_now', label: msg`Buy now` },
  { value: 'offers', label: msg`Taking offers` },
];
const DEBOUNCE_MS = 250;

/** Whole units typed in a price box, as minor units (null when blank or not a number). */
const minorOf = (text: string | null): number | null => {
  if (!text) return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : null;
};

/**
 * Search: results follow typing (debounced), with filters, sorts and category counts; recent
 * searches on this device; makers matching the words; more results as the list scrolls.
 */
export default function SearchScreen() {
  const [params, setParams] = useSearchParams();
  const { t } = useLingui();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [recent, setRecent] = useState(loadRecentSearches);
  const categoryParam = params.get('category');
  const modeParam = params.get('mode');
  const sortParam = params.get('sort');
  const input: SearchInput = {
    q,
    category: categoryParam && isStoryCategory(categoryParam) ? categoryParam : null,
    mode: MODES.some((m) => m.value === modeParam) ? (modeParam as SearchMode) : null,
    minPriceMinor: minorOf(params.get('min')),
    maxPriceMinor: minorOf(params.get('max')),
    country: params.get('country') || null,
    sort: SORTS.some((s) => s.value === sortParam) ? (sortParam as SearchSort) : 'relevance',
  };
  const filtered =
    input.category !== null ||
    input.mode !== null ||
    input.minPriceMinor !== null ||
    input.maxPriceMinor !== null ||
    input.country !== null;
  const asking = q.trim() !== '' || filtered;

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  // The typed words reach the address bar (and the query) 250 ms after the last key; only the
  // typed text starts the timer.
  useEffect(() => {
    if (text === q) return;
    const timer = window.setTimeout(() => update({ q: text.trim() ? text : null }), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const results = useSearchQuery(input, asking);
  const makers = useMakerSearchQuery(q.trim());
  const items = useMemo(() => results.data?.pages.flatMap((p) => p.items) ?? [], [results.data]);
  const facets = results.data?.pages[0]?.facets.category ?? {};
  const total = Object.values(facets).reduce((sum, n) => sum + n, 0);

  // More results as the end of the list comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = results;
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, items.length]);

  const remember = () => {
    if (q.trim()) setRecent(rememberSearch(q));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim() ? text : null });
    if (text.trim()) setRecent(rememberSearch(text));
  };
  const chooseCategory = (category: StoryCategory | null) => update({ category });

  return (
    <main id="main" className="page search-screen">
      <h1 className="visually-hidden">
        <Trans>Search</Trans>
      </h1>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor="search-q" className="visually-hidden">
          <Trans>Search pieces and makers</Trans>
        </label>
        <input
          id="search-q"
          type="search"
          className="input search-input"
          placeholder={t`Search walnut bowls, linen, makers…`}
          value={text}
          autoComplete="off"
          enterKeyHint="search"
          onChange={(e) => setText(e.target.value)}
        />
      </form>

      <details className="search-filters" open={filtered || undefined}>
        <summary>
          <Trans>Filters and sort</Trans>
        </summary>
        <div className="search-filter-grid">
          <label className="field">
            <span>
              <Trans>Sort by</Trans>
            </span>
            <select className="input" value={input.sort} onChange={(e) => update({ sort: e.target.value })}>
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {t(s.label)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>
              <Trans>How it sells</Trans>
            </span>
            <select
              className="input"
              value={input.mode ?? ''}
              onChange={(e) => update({ mode: e.target.value || null })}
            >
              <option value="">{t`Any way`}</option>
              {MODES.map((m) => (
                <option key={m.value} value={m.value}>
                  {t(m.label)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>
              <Trans>Lowest price</Trans>
            </span>
            <input
              className="input"
              type="number"
              inputMode="decimal"
              min={0}
              value={params.get('min') ?? ''}
              onChange={(e) => update({ min: e.target.value || null })}
            />
          </label>
          <label className="field">
            <span>
              <Trans>Highest price</Trans>
            </span>
            <input
              className="input"
              type="number"
              inputMode="decimal"
              min={0}
              value={params.get('max') ?? ''}
              onChange={(e) => update({ max: e.target.value || null })}
            />
          </label>
          <label className="field">
            <span>
              <Trans>Maker’s country (2 letters)</Trans>
            </span>
            <input
              className="input"
              maxLength={2}
              autoComplete="country"
              value={params.get('country') ?? ''}
              onChange={(e) => {
                const code = e.target.value.toUpperCase();
                if (code.length === 0 || code.length === 2) update({ country: code || null });
              }}
            />
          </label>
        </div>
      </details>

      {asking && (
        <div className="search-chips" role="group" aria-label={t`Categories`}>
          <button
            type="button"
            className="search-chip"
            aria-pressed={input.category === null}
            onClick={() => chooseCategory(null)}
          >
            {t({ message: 'All', context: 'categories' })}{' '}
            <span className="search-chip-count">{formatCount(total)}</span>
          </button>
          {STORY_CATEGORIES.filter((c) => (facets[c] ?? 0) > 0 || c === input.category).map((c) => (
            <button
              key={c}
              type="button"
              className="search-chip"
              aria-pressed={input.category === c}
              onClick={() => chooseCategory(input.category === c ? null : c)}
            >
              {t(CATEGORY_NAMES[c])} <span className="search-chip-count">{formatCount(facets[c] ?? 0)}</span>
            </button>
          ))}
        </div>
      )}

      {!asking && (
        <section className="stack" aria-labelledby="search-start">
          <h2 id="search-start">
            <Trans>Find a piece</Trans>
          </h2>
          {recent.length > 0 && (
            <div className="stack">
              <div className="search-recent-head">
                <h3>
                  <Trans>Recent searches</Trans>
                </h3>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={() => {
                    clearRecentSearches();
                    setRecent([]);
                  }}
                >
                  <Trans>Clear</Trans>
                </button>
              </div>
              <ul className="search-chips" aria-label={t`Recent searches`}>
                {recent.map((r) => (
                  <li key={r}>
                    <button
                      type="button"
                      className="search-chip"
                      onClick={() => {
                        setText(r);
                        update({ q: r });
                      }}
                    >
                      {r}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <CategorySuggestions onChoose={chooseCategory} />
        </section>
      )}

      {asking && q.trim() !== '' && (makers.data?.items.length ?? 0) > 0 && (
        <section className="stack" aria-labelledby="search-makers">
          <h2 id="search-makers">
            <Trans>Makers</Trans>
          </h2>
          <ul className="list">
            {makers.data!.items.map((m) => (
              <li key={m.id}>
                <Link to={`/makers/${m.id}`} className="search-maker" onClick={remember}>
                  {m.avatarUrl ? (
                    <img src={m.avatarUrl} alt="" className="search-maker-avatar" />
                  ) : (
                    <span className="search-maker-avatar" aria-hidden="true">
                      {m.displayName.slice(0, 1)}
                    </span>
                  )}
                  <span className="search-lines">
                    <strong>{m.displayName}</strong>
                    <span className="muted">
                      {[m.city, m.country].filter(Boolean).join(', ')}
                      {m.followerCount > 0 ? (
                        <>
                          {' · '}
                          <Followers count={m.followerCount} />
                        </>
                      ) : null}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {asking && (
        <section className="stack" aria-labelledby="search-results" aria-busy={results.isFetching}>
          <h2 id="search-results">
            <Trans>Pieces</Trans>
            {results.isSuccess ? (
              <span className="muted">
                {' · '}
                {items.length === 0 ? (
                  t({ message: 'none', context: 'pieces found' })
                ) : (
                  <Plural value={total} one="# found" other="# found" />
                )}
              </span>
            ) : null}
          </h2>
          {results.isError && (
            <ErrorState error={results.error} title={t`The search failed`} onRetry={() => void results.refetch()} />
          )}
          {results.isPending && (
            <p role="status" className="muted">
              <Trans>Searching…</Trans>
            </p>
          )}
          {results.isSuccess && items.length === 0 && (
            <>
              <EmptyState title={t`No pieces match`}>
                <Trans>Try other words, fewer filters, or a category:</Trans>
              </EmptyState>
              <CategorySuggestions
                onChoose={(c) => {
                  setText('');
                  update({ category: c, q: null });
                }}
              />
            </>
          )}
          <ul className="search-results" aria-label={t`Search results`}>
            {items.map((item) => (
              <li key={item.id}>
                <Link to={`/stories/${item.id}`} className="search-result" onClick={remember}>
                  {item.posterUrl ? (
                    <img src={item.posterUrl} alt="" loading="lazy" />
                  ) : (
                    <span className="search-result-blank" aria-hidden="true" />
                  )}
                  <span className="search-lines">
                    <strong>{item.title}</strong>
                    <span className="muted">
                      {item.maker.displayName} · {t(CATEGORY_NAMES[item.category])}
                    </span>
                    {priceOf(item) && <span>{priceOf(item)}</span>}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <div ref={sentinel} />
          {hasNextPage && (
            <button
              type="button"
              className="btn btn-secondary"
              disabled={isFetchingNextPage}
              onClick={() => void fetchNextPage()}
            >
              {isFetchingNextPage ? t`Loading more…` : t`More results`}
            </button>
          )}
        </section>
      )}
    </main>
  );
}

/** How many people follow a maker. */
function Followers({ count }: { count: number }) {
  return <Plural value={count} one="# follower" other="# followers" />;
}

function CategorySuggestions({ onChoose }: { onChoose: (category: StoryCategory) => void }) {
  const { t } = useLingui();
  return (
    <div className="stack">
      <h3>
        <Trans>Browse a craft</Trans>
      </h3>
      <ul className="search-chips" aria-label={t`Suggested categories`}>
        {STORY_CATEGORIES.map((c) => (
          <li key={c}>
            <button type="button" className="search-chip" onClick={() => onChoose(c)}>
              {t(CATEGORY_NAMES[c])}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
