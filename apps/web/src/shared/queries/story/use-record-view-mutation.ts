import { useMutation } from '@tanstack/react-query';
import { callApi } from '../../api/client';

/** Counts a story view (the server deduplicates per viewer per day). */
export function useRecordViewMutation() {
  return useMutation({
    mutationFn: (storyId: string) => callApi<unknown>('POST', `/v1/stories/${storyId}/views`, { body: {} }),
    retry: false,
  });
}
