import { DomainError } from '../../platform/errors';
import type { AvatarMediaView, IdentityDeps } from './deps';
import type { MakerProfileRow } from './maker-repo';
import { presentMaker, type MakerProfile } from './present';

/**
 * Maker profiles with their avatars' URLs, signed now (media URLs expire, so none is stored). An
 * avatar whose image is gone or was taken down is shown as none.
 */
export async function presentMakers(
  deps: Pick<IdentityDeps, 'media'>,
  rows: MakerProfileRow[],
): Promise<MakerProfile[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.avatarMediaId ? [r.avatarMediaId] : [])))];
  const views = ids.length ? await deps.media().views(ids) : new Map<string, AvatarMediaView>();
  return rows.map((row) => {
    const view = row.avatarMediaId ? views.get(row.avatarMediaId) : undefined;
    const url = view?.posterUrl ?? view?.imageUrl ?? null;
    return presentMaker(row, row.avatarMediaId ? url : row.avatarUrl);
  });
}

export async function presentMakerOne(deps: Pick<IdentityDeps, 'media'>, row: MakerProfileRow): Promise<MakerProfile> {
  const [profile] = await presentMakers(deps, [row]);
  return profile!;
}

/**
 * An avatar must be an image the maker uploaded and the pipeline has made ready: 422
 * `avatar_media_not_found` otherwise (missing, someone else's, still processing or failed), 422
 * `avatar_must_be_image` for a video.
 */
export async function assertAvatarUsable(
  deps: Pick<IdentityDeps, 'media'>,
  userId: string,
  mediaId: string,
): Promise<void> {
  const view = (await deps.media().views([mediaId])).get(mediaId);
  if (!view || view.ownerId !== userId || view.version === undefined) {
    throw new DomainError('avatar_media_not_found', 'The avatar image is missing, not ready or not yours', {
      mediaId,
    });
  }
  if (view.kind !== 'image') {
    throw new DomainError('avatar_must_be_image', 'The avatar must be an image', { mediaId });
  }
}
