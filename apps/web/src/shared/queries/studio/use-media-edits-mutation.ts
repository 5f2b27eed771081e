import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Trim and captions, as the server takes them. */
export type MediaEdits = paths['/v1/media/{mediaId}/edits']['post']['requestBody']['content']['application/json'];
/** One caption, on the trimmed timeline. */
export type Caption = NonNullable<MediaEdits['captions']>[number];

/** Sends trim and captions to the pipeline; the current version keeps playing meanwhile. */
export function useMediaEditsMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mediaId, edits }: { mediaId: string; edits: MediaEdits }) =>
      unwrap(api.POST('/v1/media/{mediaId}/edits', { params: { path: { mediaId } }, body: edits })),
    onSuccess: (media, { mediaId }) => {
      queryClient.setQueryData(queryKeys.media(mediaId), media);
      void queryClient.invalidateQueries({ queryKey: queryKeys.media(mediaId) });
    },
  });
}
