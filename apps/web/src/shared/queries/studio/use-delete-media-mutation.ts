import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Deletes one of the maker's uploads and all its files. */
export function useDeleteMediaMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mediaId: string) => unwrap(api.DELETE('/v1/media/{mediaId}', { params: { path: { mediaId } } })),
    onSuccess: (_void, mediaId) => queryClient.removeQueries({ queryKey: queryKeys.media(mediaId) }),
  });
}
