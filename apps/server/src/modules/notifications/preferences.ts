import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import * as repo from './repo';
import { preferenceMatrix, type PreferenceEntry, type PreferenceOverride } from './rules';

/** The caller's kind × channel matrix (defaults merged with their choices). */
export async function getPreferences(db: Database, userId: string): Promise<PreferenceEntry[]> {
  return preferenceMatrix(await repo.preferenceOverrides(db, userId));
}

/** Records the caller's choices (only the entries given change) and answers the full matrix. */
export async function updatePreferences(
  deps: { db: Database; clock: Clock },
  input: { userId: string; items: PreferenceOverride[] },
): Promise<PreferenceEntry[]> {
  // The last entry for a kind and channel wins, as if applied in order.
  const unique = new Map(input.items.map((i) => [`${i.kind}:${i.channel}`, i]));
  await repo.savePreferences(deps.db, input.userId, [...unique.values()], deps.clock.now());
  return getPreferences(deps.db, input.userId);
}
