import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Caption, MediaItem } from '../../api/types';
import { queryKeys } from '../keys';

export interface MediaEdits {
  trimStartMs?: number;
  trimEndMs?: number;
  captions?: Caption[];
  webvtt?: string;
}

/** Sends trim and captions to the pipeline; the current version keeps playing meanwhile. */
export function useMediaEditsMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mediaId, edits }: { mediaId: string; edits: MediaEdits }) =>
      callApi<MediaItem>('POST', `/v1/media/${mediaId}/edits`, { body: edits }),
    onSuccess: (media, { mediaId }) => {
      if (media && typeof media === 'object' && 'status' in media)
        queryClient.setQueryData(queryKeys.media(mediaId), media);
      void queryClient.invalidateQueries({ queryKey: queryKeys.media(mediaId) });
    },
  });
}
