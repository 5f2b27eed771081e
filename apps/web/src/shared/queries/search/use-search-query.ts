import { keepPreviousData, useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
import type { paths } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

type SearchParams = NonNullable<paths['/v1/search']['get']['parameters']['query']>;
/** One page of story search results, as the server sends it. */
export type SearchPage = paths['/v1/search']['get']['responses'][200]['content']['application/json'];
export type SearchData = InfiniteData<SearchPage, string | null>;
export type SearchSort = NonNullable<SearchParams['sort']>;
export type SearchMode = NonNullable<SearchParams['mode']>;
export type MakerSearchPage = paths['/v1/search/makers']['get']['responses'][200]['content']['application/json'];

/** What the search screen asks for (the address bar holds it). */
export interface SearchInput {
  q: string;
  category: SearchParams['category'] | null;
  mode: SearchMode | null;
  minPriceMinor: number | null;
  maxPriceMinor: number | null;
  country: string | null;
  sort: SearchSort;
}

export const SEARCH_PAGE_SIZE = 12;

/**
 * Story search, one cursor page at a time. While a new query loads, the previous results stay on
 * screen (placeholder data), so results change in place as the person types. Nothing is asked
 * while `enabled` is false (no words and no filters).
 */
export function useSearchQuery(input: SearchInput, enabled = true) {
  return useInfiniteQuery<SearchPage, Error, SearchData, ReturnType<typeof queryKeys.search>, string | null>({
    queryKey: queryKeys.search(input),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/v1/search', {
          params: {
            query: {
              q: input.q || undefined,
              category: input.category ?? undefined,
              mode: input.mode ?? undefined,
              minPriceMinor: input.minPriceMinor ?? undefined,
              maxPriceMinor: input.maxPriceMinor ?? undefined,
              country: input.country ?? undefined,
              sort: input.sort,
              cursor: pageParam ?? undefined,
              limit: SEARCH_PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Makers whose name or city match the words typed (none asked for an empty query). */
export function useMakerSearchQuery(q: string) {
  return useQuery<MakerSearchPage>({
    queryKey: queryKeys.makerSearch(q),
    queryFn: ({ signal }) => unwrap(api.GET('/v1/search/makers', { params: { query: { q, limit: 5 } }, signal })),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
