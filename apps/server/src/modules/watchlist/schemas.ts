/** Request and answer shapes of the watchlist routes (they feed OpenAPI and the generated client). */
import { queryInt } from '../../platform/http/query-int.js';
import { z } from 'zod';
import { idSchema } from '../../platform/ids';
import { storyCard } from '../stories';

export const storyIdParam = z.object({ id: idSchema });
export const watchState = z.object({ watching: z.boolean() }).meta({ id: 'WatchState' });
export const watchlistQuery = z.object({
  cursor: z.string().max(400).optional(),
  limit: queryInt({ min: 1, max: 50 }).default(20),
});
export const watchlistPage = z.object({ items: z.array(storyCard), nextCursor: z.string().nullable() });
const uuidText = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const watchingQuery = z.object({
  storyIds: z
    .string()
    .regex(new RegExp(`^${uuidText}(,${uuidText}){0,49}$`))
    .describe('comma-separated story ids (1 to 50)'),
});
export const watchingAnswer = z.object({
  storyIds: z.array(z.string()).describe('those of the asked stories I watch'),
});
