import { queryInt } from '../../platform/http/query-int.js';
import { z } from 'zod';
import { idSchema } from '../../platform/ids';

export const makerIdParam = z.object({ id: idSchema });

export const followState = z
  .object({ following: z.boolean(), followerCount: z.number().int() })
  .meta({ id: 'FollowState' });
export type FollowState = z.infer<typeof followState>;

export const followingQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: queryInt({ min: 1, max: 50 }).default(20),
});

export const followedMaker = z
  .object({
    userId: z.string(),
    displayName: z.string(),
    bio: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    createdAt: z.string(),
    followerCount: z.number().int(),
    followedAt: z.string(),
  })
  .meta({ id: 'FollowedMaker' });
export type FollowedMaker = z.infer<typeof followedMaker>;

export const followingPage = z.object({ items: z.array(followedMaker), nextCursor: z.string().nullable() });
