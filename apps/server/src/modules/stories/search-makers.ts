import type { StoriesDeps } from './deps';

export interface MakerSearchItem {
  id: string;
  displayName: string;
  city: string | null;
  country: string | null;
  avatarUrl: string | null;
  followerCount: number;
}

/** Makers by display name and city (accent-insensitive, one typo tolerated), best match first. */
export async function searchMakers(
  deps: StoriesDeps,
  input: { q: string; cursor: string | null; limit: number },
): Promise<{ items: MakerSearchItem[]; nextCursor: string | null }> {
  const page = await deps.searchIndex.searchMakers(input);
  const ids = page.items.map((m) => m.makerId);
  const [profiles, followers] = await Promise.all([
    ids.length ? deps.identity.makerProfiles(ids) : Promise.resolve(new Map<string, { avatarUrl: string | null }>()),
    ids.length ? deps.followers().followerCounts(ids) : Promise.resolve(new Map<string, number>()),
  ]);
  return {
    items: page.items.map((m) => ({
      id: m.makerId,
      displayName: m.displayName,
      city: m.city,
      country: m.country,
      avatarUrl: profiles.get(m.makerId)?.avatarUrl ?? null,
      followerCount: followers.get(m.makerId) ?? 0,
    })),
    nextCursor: page.nextCursor,
  };
}
