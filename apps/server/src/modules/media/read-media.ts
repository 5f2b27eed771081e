import type { MediaDeps } from './deps';
import { presentMedia, type MediaView } from './present';
import { findMedia, findMediaMany, findVersion, findVersionsOf, type MediaRow, type VersionRow } from './repo';
import { isUuid } from '../../platform/ids';

/** Who is looking: withheld media is shown to its owner and to admins only. */
export interface MediaViewer {
  userId: string;
  admin: boolean;
}

/** True when this viewer may see the media (withheld media: the owner and admins only). */
function mayView(row: MediaRow, viewer: MediaViewer | null | undefined): boolean {
  return row.withheldAt === null || (!!viewer && (viewer.admin || viewer.userId === row.ownerId));
}

/**
 * The view of one media item, or null when it does not exist (or was deleted), or is withheld
 * from this viewer.
 */
export async function readMedia(
  deps: MediaDeps,
  mediaId: string,
  sessionId?: string | null,
  viewer?: MediaViewer | null,
): Promise<MediaView | null> {
  if (!isUuid(mediaId)) return null;
  for (let attempt = 1; ; attempt++) {
    const row = await findMedia(deps.db, mediaId);
    if (!row || !mayView(row, viewer)) return null;
    const pending = hasPendingVersion(row) ? await findVersion(deps.db, row.id, row.latestVersion) : undefined;
    if (pending !== undefined && publishedSince(pending) && attempt < READS) continue;
    return presentMedia(row, pending, deps.urls, sessionId);
  }
}

/** Reads of an item before its view is given as it was (see `publishedSince`). */
const READS = 3;

/**
 * True when the item's newer version was published (or replaced) between the read of the item and
 * the read of that version: the item as read is then out of date — it would show the old version
 * as current with no edit on its way — and is read again.
 */
const publishedSince = (pending: VersionRow): boolean => pending.status !== 'processing' && pending.status !== 'failed';

/** Views of many media items at once, keyed by id; unknown ids (and media withheld from the viewer) are left out. */
export async function readMediaMany(
  deps: MediaDeps,
  mediaIds: string[],
  sessionId?: string | null,
  viewer?: MediaViewer | null,
): Promise<Map<string, MediaView>> {
  const ids = [...new Set(mediaIds.filter(isUuid))];
  const rows = (await findMediaMany(deps.db, ids)).filter((row) => mayView(row, viewer));
  const pending = await findVersionsOf(
    deps.db,
    rows.filter(hasPendingVersion).map((r) => ({ mediaId: r.id, version: r.latestVersion })),
  );
  const pendingOf = new Map(pending.map((v) => [v.mediaId, v]));
  const views = new Map<string, MediaView>();
  for (const row of rows) {
    const newer = pendingOf.get(row.id);
    const view =
      newer !== undefined && publishedSince(newer)
        ? await readMedia(deps, row.id, sessionId, viewer)
        : presentMedia(row, newer, deps.urls, sessionId);
    if (view !== null) views.set(row.id, view);
  }
  return views;
}

function hasPendingVersion(row: MediaRow): boolean {
  return row.readyVersion !== null && row.latestVersion > row.readyVersion;
}
