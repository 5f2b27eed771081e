import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** What kind of deployment this is; `demo` (NODE_ENV=development) runs stand-ins such as the local checkout. */
export function useEnvironmentQuery() {
  return useQuery({
    queryKey: queryKeys.environment,
    queryFn: () => unwrap(api.GET('/v1/environment')),
    staleTime: Infinity,
  });
}
