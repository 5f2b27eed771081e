import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CATEGORY_LABELS, STORY_CATEGORIES, isStoryCategory, type StoryCategory } from '@vw/domain';
import { formatMoney } from '../../shared/money';
import {
  useMakerSearchQuery,
  useSearchQuery,
  type SearchInput,
  type SearchMode,
  type SearchPage,
  type SearchSort,
} from '../../shared/queries/search/use-search-query';
import { EmptyState, ErrorState } from '../../shared/ui/states';
import { clearRecentSearches, loadRecentSearches, rememberSearch } from './recent-searches';
import './search.css';

const SORTS: { value: SearchSort; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'ending_soon', label: 'Ending soon' },
  { value: 'newest', label: 'Newest' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
];
const MODES: { value: SearchMode; label: string }[] = [
  { value: 'auction', label: 'Live auction' },
  { value: 'buy_now', label: 'Buy now' },
  { value: 'offers', label: 'Taking offers' },
];
const DEBOUNCE_MS = 250;

type Item = SearchPage['items'][number];

/** Whole units typed in a price box, as minor units (null when blank or not a number). */
const minorOf = (text: string | null): number | null => {
  if (!text) return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : null;
};

/** What a piece costs now: the live auction's high bid, else buy now, else the minimum offer. */
function priceOf(item: Item): string | null {
  if (item.auction?.state === 'active' && item.auction.highBidMinor !== null) {
    return `${formatMoney(item.auction.highBidMinor, item.auction.currency)} · live auction`;
  }
  const currency = item.offerPolicy?.currency;
  if (item.buyNowMinor !== null && currency) return `${formatMoney(item.buyNowMinor, currency)} · buy now`;
  if (item.offerPolicy) return `Offers from ${formatMoney(item.offerPolicy.minOfferMinor, item.offerPolicy.currency)}`;
  return null;
}

/**
 * Search: results follow typing (debounced), with filters, sorts and category counts; recent
 * searches on this device; makers matching the words; more results as the list scrolls.
 */
export default function SearchScreen() {
  const [params, setParams] = useSearchParams();
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
      <h1 className="visually-hidden">Search</h1>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor="search-q" className="visually-hidden">
          Search pieces and makers
        </label>
        <input
          id="search-q"
          type="search"
          className="input search-input"
          placeholder="Search walnut bowls, linen, makers…"
          value={text}
          autoComplete="off"
          enterKeyHint="search"
          onChange={(e) => setText(e.target.value)}
        />
      </form>

      <details className="search-filters" open={filtered || undefined}>
        <summary>Filters and sort</summary>
        <div className="search-filter-grid">
          <label className="field">
            <span>Sort by</span>
            <select className="input" value={input.sort} onChange={(e) => update({ sort: e.target.value })}>
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>How it sells</span>
            <select
              className="input"
              value={input.mode ?? ''}
              onChange={(e) => update({ mode: e.target.value || null })}
            >
              <option value="">Any way</option>
              {MODES.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Lowest price</span>
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
            <span>Highest price</span>
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
            <span>Maker’s country (2 letters)</span>
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
        <div className="search-chips" role="group" aria-label="Categories">
          <button
            type="button"
            className="search-chip"
            aria-pressed={input.category === null}
            onClick={() => chooseCategory(null)}
          >
            All <span className="search-chip-count">{total}</span>
          </button>
          {STORY_CATEGORIES.filter((c) => (facets[c] ?? 0) > 0 || c === input.category).map((c) => (
            <button
              key={c}
              type="button"
              className="search-chip"
              aria-pressed={input.category === c}
              onClick={() => chooseCategory(input.category === c ? null : c)}
            >
              {CATEGORY_LABELS[c]} <span className="search-chip-count">{facets[c] ?? 0}</span>
            </button>
          ))}
        </div>
      )}

      {!asking && (
        <section className="stack" aria-labelledby="search-start">
          <h2 id="search-start">Find a piece</h2>
          {recent.length > 0 && (
            <div className="stack">
              <div className="search-recent-head">
                <h3>Recent searches</h3>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={() => {
                    clearRecentSearches();
                    setRecent([]);
                  }}
                >
                  Clear
                </button>
              </div>
              <ul className="search-chips" aria-label="Recent searches">
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
          <h2 id="search-makers">Makers</h2>
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
                      {m.followerCount > 0 ? ` · ${m.followerCount} followers` : ''}
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
            Pieces
            {results.isSuccess ? (
              <span className="muted"> · {items.length === 0 ? 'none' : `${total} found`}</span>
            ) : null}
          </h2>
          {results.isError && (
            <ErrorState error={results.error} title="The search failed" onRetry={() => void results.refetch()} />
          )}
          {results.isPending && (
            <p role="status" className="muted">
              Searching…
            </p>
          )}
          {results.isSuccess && items.length === 0 && (
            <>
              <EmptyState title="No pieces match">Try other words, fewer filters, or a category:</EmptyState>
              <CategorySuggestions
                onChoose={(c) => {
                  setText('');
                  update({ category: c, q: null });
                }}
              />
            </>
          )}
          <ul className="search-results" aria-label="Search results">
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
                      {item.maker.displayName} · {CATEGORY_LABELS[item.category]}
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
              {isFetchingNextPage ? 'Loading more…' : 'More results'}
            </button>
          )}
        </section>
      )}
    </main>
  );
}

function CategorySuggestions({ onChoose }: { onChoose: (category: StoryCategory) => void }) {
  return (
    <div className="stack">
      <h3>Browse a craft</h3>
      <ul className="search-chips" aria-label="Suggested categories">
        {STORY_CATEGORIES.map((c) => (
          <li key={c}>
            <button type="button" className="search-chip" onClick={() => onChoose(c)}>
              {CATEGORY_LABELS[c]}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
