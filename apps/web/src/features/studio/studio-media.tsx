import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useMediaQuery } from '../../shared/queries/studio/use-media-query';
import { Icon } from '../../shared/ui/icons';
import { moveItem, removeItem } from './studio-draft';
import { formatPercent, mediaProblem } from './studio-text';
import { UploadPanel } from './upload-panel';

const noProgress = () => undefined;

/** The preview's square size in CSS pixels (`.media-thumb` in studio.css). */
const THUMB_CSS_PX = 96;

/**
 * A small preview of an uploaded image or video, or where the pipeline is with it. It shows the
 * 320 px thumbnail, which covers the 96 px square on screens of up to three device pixels per CSS
 * pixel; the 640 px poster is offered beside it for denser screens, and stands alone for media
 * processed before thumbnails existed.
 */
export function MediaThumb({ mediaId, label }: { mediaId: string; label: string }) {
  const { t } = useLingui();
  const media = useMediaQuery(mediaId);
  const view = media.data;
  if (view?.status === 'failed') {
    const problem = mediaProblem(view.error);
    return (
      <span className="media-thumb media-thumb-state field-error" role="status">
        {t`Could not be used: ${problem}`}
      </span>
    );
  }
  if (view?.posterUrl) {
    return (
      <span className="media-thumb">
        <img
          src={view.thumbUrl ?? view.posterUrl}
          srcSet={view.thumbUrl ? `${view.thumbUrl} 320w, ${view.posterUrl} 640w` : undefined}
          sizes={view.thumbUrl ? `${THUMB_CSS_PX}px` : undefined}
          alt={label}
          width={THUMB_CSS_PX}
          height={THUMB_CSS_PX}
          loading="lazy"
        />
        {view.kind === 'video' && (
          <span className="media-thumb-badge" aria-hidden="true">
            <Icon name="play" size={14} />
          </span>
        )}
      </span>
    );
  }
  const progress = formatPercent(view?.progress ?? 0);
  return (
    <span className="media-thumb media-thumb-state subtle" role="status">
      {media.isError ? t`Status not available` : t`Preparing… ${progress}`}
    </span>
  );
}

/** Upload one image or video; the panel starts afresh after each upload so another can follow. */
export function MediaUpload({ onUploaded, fileLabel }: { onUploaded: (mediaId: string) => void; fileLabel: string }) {
  const { t } = useLingui();
  const [round, setRound] = useState(0);
  return (
    <UploadPanel
      key={round}
      interrupted={null}
      onProgress={noProgress}
      onUploaded={(mediaId) => {
        onUploaded(mediaId);
        setRound((n) => n + 1);
      }}
      accept="image/*,video/*"
      chooseText={t`Add a photo or video`}
      hint={t`JPEG, PNG or WebP photos; videos up to 3 minutes.`}
      fileLabel={fileLabel}
    />
  );
}

/** Move up, move down and remove buttons for item `index` of a list of `count`, named by `labels`. */
export function OrderButtons({
  labels,
  index,
  count,
  onMove,
  onRemove,
}: {
  /** Each button's accessible name ("Move step 2 up"). */
  labels: { up: string; down: string; remove: string };
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <span className="row">
      <button
        type="button"
        className="icon-btn"
        aria-label={labels.up}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        <Icon name="up" size={18} />
      </button>
      <button
        type="button"
        className="icon-btn"
        aria-label={labels.down}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        <Icon name="down" size={18} />
      </button>
      <button type="button" className="icon-btn" aria-label={labels.remove} onClick={onRemove}>
        <Icon name="trash" size={18} />
      </button>
    </span>
  );
}

export const GALLERY_LIMIT = 20;

/** The story's gallery: photos and videos in the order the maker sets, each movable and removable. */
export function GalleryEditor({ gallery, onChange }: { gallery: string[]; onChange: (gallery: string[]) => void }) {
  const { t } = useLingui();
  const limit = GALLERY_LIMIT;
  return (
    <section className="stack" aria-labelledby="studio-gallery">
      <h2 id="studio-gallery">
        <Trans>Gallery</Trans>
      </h2>
      {gallery.length === 0 ? (
        <p className="subtle">
          <Trans>Photos and clips of the piece, shown under the video.</Trans>
        </p>
      ) : (
        <ol className="list gallery-editor" aria-label={t`Gallery items`}>
          {gallery.map((mediaId, index) => {
            const number = index + 1;
            return (
              <li key={mediaId} className="card row-between" data-media-id={mediaId}>
                <MediaThumb mediaId={mediaId} label={t`Gallery item ${number}`} />
                <OrderButtons
                  labels={{
                    up: t`Move gallery item ${number} up`,
                    down: t`Move gallery item ${number} down`,
                    remove: t`Remove gallery item ${number}`,
                  }}
                  index={index}
                  count={gallery.length}
                  onMove={(by) => onChange(moveItem(gallery, index, by))}
                  onRemove={() => onChange(removeItem(gallery, index))}
                />
              </li>
            );
          })}
        </ol>
      )}
      {gallery.length < GALLERY_LIMIT ? (
        <MediaUpload
          fileLabel={t`Gallery photo or video file`}
          onUploaded={(mediaId) => onChange(gallery.includes(mediaId) ? gallery : [...gallery, mediaId])}
        />
      ) : (
        <p className="subtle">
          <Plural
            value={limit}
            one="The gallery holds # item; remove it to add another."
            other="The gallery holds # items; remove one to add another."
          />
        </p>
      )}
    </section>
  );
}
