import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';
import type { NotificationPreference } from './use-notification-preferences-query';

type Preferences = Schemas['NotificationPreferences'];
export type PreferenceChange = Pick<NotificationPreference, 'kind' | 'channel' | 'enabled'>;

/** Turns one kind on or off on one channel: the box changes at once and goes back if the server refuses. */
export function useUpdateNotificationPreferenceMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PreferenceChange) =>
      unwrap(api.PUT('/v1/notifications/preferences', { body: { items: [change] } })),
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.notificationPreferences });
      const before = queryClient.getQueryData<Preferences>(queryKeys.notificationPreferences);
      if (before) {
        queryClient.setQueryData<Preferences>(queryKeys.notificationPreferences, {
          items: before.items.map((item) =>
            item.kind === change.kind && item.channel === change.channel ? { ...item, enabled: change.enabled } : item,
          ),
        });
      }
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) queryClient.setQueryData(queryKeys.notificationPreferences, context.before);
    },
    onSuccess: (preferences) => queryClient.setQueryData(queryKeys.notificationPreferences, preferences),
  });
}
