import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

export interface BecomeMakerInput {
  displayName: string;
  bio?: string;
  city?: string;
  country?: string;
}

/** Creates the caller's maker profile (they gain the maker role). */
export function useBecomeMakerMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BecomeMakerInput) => unwrap(api.POST('/v1/makers', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
