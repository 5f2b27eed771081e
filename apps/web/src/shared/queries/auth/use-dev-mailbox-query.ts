import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/**
 * The development mailbox (embedded default only; production answers 404): lets a demo read
 * the one-time code without a mail server. Polls briefly while the code screen is open.
 */
export function useDevMailboxQuery(to: string | null) {
  return useQuery({
    queryKey: queryKeys.devMailbox(to ?? ''),
    queryFn: () => unwrap(api.GET('/v1/dev/mailbox', { params: { query: { to: to ?? '' } } })),
    enabled: to !== null && to !== '',
    retry: false,
    refetchInterval: (query) => (query.state.error ? false : 3000),
  });
}
