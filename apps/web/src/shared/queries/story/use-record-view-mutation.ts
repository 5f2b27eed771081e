import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Counts a story view (the server deduplicates per viewer per day). */
export function useRecordViewMutation() {
  return useMutation({
    mutationFn: (storyId: string) =>
      unwrap(api.POST('/v1/stories/{id}/views', { params: { path: { id: storyId } }, body: {} })),
    retry: false,
  });
}
