import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** A maker's public profile. */
export function useMakerProfileQuery(makerId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.maker(makerId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/v1/makers/{id}', { params: { path: { id: makerId ?? '' } }, signal })),
    enabled: Boolean(makerId),
  });
}

/** A maker's published stories, newest first, as anyone sees them. */
export function useMakerPublishedStoriesQuery(makerId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.makerPublished(makerId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/v1/makers/{id}/stories', {
          params: { path: { id: makerId ?? '' }, query: { status: 'published', limit: 50 } },
          signal,
        }),
      ),
    enabled: Boolean(makerId),
  });
}

/** A maker's sold pieces (paid for by auction or buy-now), newest first: the shop page's "Sold" tab. */
export function useMakerSoldStoriesQuery(makerId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: queryKeys.makerSold(makerId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/v1/makers/{id}/stories', {
          params: { path: { id: makerId ?? '' }, query: { sold: 'true', limit: 50 } },
          signal,
        }),
      ),
    enabled: Boolean(makerId) && enabled,
  });
}
