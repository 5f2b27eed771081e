import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { MediaItem } from '../../api/types';
import { queryKeys } from '../keys';

const busy = (media: MediaItem | undefined) =>
  media !== undefined &&
  (media.status === 'uploading' || media.status === 'processing' || media.edit?.status === 'processing');

/**
 * A media item's processing state. Polls every 2 s while it is being processed (realtime
 * `media.progress` events update it sooner), and renews its signed URLs every 4 minutes.
 */
export function useMediaQuery(mediaId: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.media(mediaId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/v1/media/{mediaId}', { params: { path: { mediaId: mediaId ?? '' } }, signal })),
    enabled: Boolean(mediaId),
    refetchInterval: (query) => (busy(query.state.data) ? 2000 : 4 * 60_000),
  });
}
