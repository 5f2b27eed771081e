import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

export type BecomeMakerInput = paths['/v1/makers']['post']['requestBody']['content']['application/json'];

/** Creates the caller's maker profile (they gain the maker role). */
export function useBecomeMakerMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BecomeMakerInput) => unwrap(api.POST('/v1/makers', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
