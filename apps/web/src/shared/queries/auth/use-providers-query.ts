import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Which sign-in methods this server offers (the screen shows only those). */
export function useProvidersQuery() {
  return useQuery({
    queryKey: queryKeys.providers,
    queryFn: () => unwrap(api.GET('/v1/auth/providers')),
    staleTime: 10 * 60_000,
  });
}
