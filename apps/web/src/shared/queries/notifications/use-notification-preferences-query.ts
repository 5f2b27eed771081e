import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

export type NotificationPreference = Schemas['NotificationPreferences']['items'][number];

/** Which kinds of notification reach the caller on which channel (in-app is always on). */
export function useNotificationPreferencesQuery() {
  return useQuery({
    queryKey: queryKeys.notificationPreferences,
    queryFn: () => unwrap(api.GET('/v1/notifications/preferences')),
  });
}
