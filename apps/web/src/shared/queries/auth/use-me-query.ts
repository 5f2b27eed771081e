import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../session/use-session';
import { queryKeys } from '../keys';

/** The signed-in user (roles, maker profile, TOTP); disabled while signed out. */
export function useMeQuery() {
  const session = useSession();
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: () => unwrap(api.GET('/v1/me')),
    enabled: session !== null,
    staleTime: 60_000,
  });
}
