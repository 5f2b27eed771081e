import type { WatchlistDeps } from './deps';
import { watchedAmong } from './repo';

/** Which of the given stories the user watches (the watch toggles of a feed page or a story page). */
export async function watchedStories(deps: WatchlistDeps, userId: string, storyIds: string[]): Promise<string[]> {
  const watched = await watchedAmong(deps.db, userId, [...new Set(storyIds)]);
  return storyIds.filter((id) => watched.has(id));
}
