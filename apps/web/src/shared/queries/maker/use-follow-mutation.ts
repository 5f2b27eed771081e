import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

type MakerProfile = paths['/v1/makers/{id}']['get']['responses'][200]['content']['application/json'];

export interface FollowInput {
  makerId: string;
  follow: boolean;
}

/**
 * Follow or unfollow a maker: the button and the follower count change at once and roll back if
 * the server refuses; the server's answer then sets the exact count.
 */
export function useFollowMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ makerId, follow }: FollowInput) =>
      unwrap(
        follow
          ? api.PUT('/v1/makers/{id}/follow', { params: { path: { id: makerId } } })
          : api.DELETE('/v1/makers/{id}/follow', { params: { path: { id: makerId } } }),
      ),
    onMutate: async ({ makerId, follow }) => {
      const key = queryKeys.maker(makerId);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<MakerProfile>(key);
      if (before && before.following !== follow) {
        queryClient.setQueryData<MakerProfile>(key, {
          ...before,
          following: follow,
          followerCount: Math.max(0, before.followerCount + (follow ? 1 : -1)),
        });
      }
      return { before };
    },
    onError: (_error, { makerId }, context) => {
      if (context?.before) queryClient.setQueryData(queryKeys.maker(makerId), context.before);
    },
    onSuccess: (state, { makerId }) => {
      queryClient.setQueryData<MakerProfile>(queryKeys.maker(makerId), (current) =>
        current ? { ...current, following: state.following, followerCount: state.followerCount } : current,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.following });
      void queryClient.invalidateQueries({ queryKey: ['feed', 'following'] });
    },
  });
}
