import { useState } from 'react';
import { useMediaQuery } from '../../shared/queries/studio/use-media-query';
import { Icon } from '../../shared/ui/icons';
import { moveItem, removeItem } from './studio-draft';
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
  const media = useMediaQuery(mediaId);
  const view = media.data;
  if (view?.status === 'failed') {
    return (
      <span className="media-thumb media-thumb-state field-error" role="status">
        Could not be used: {view.error?.message ?? 'processing failed'}
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
  return (
    <span className="media-thumb media-thumb-state subtle" role="status">
      {media.isError ? 'Status not available' : `Preparing… ${view?.progress ?? 0}%`}
    </span>
  );
}

/** Upload one image or video; the panel starts afresh after each upload so another can follow. */
export function MediaUpload({ onUploaded, fileLabel }: { onUploaded: (mediaId: string) => void; fileLabel: string }) {
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
      chooseText="Add a photo or video"
      hint="JPEG, PNG or WebP photos; videos up to 3 minutes."
      fileLabel={fileLabel}
    />
  );
}

/** Move up, move down and remove buttons for item `index` of a list of `count` (named by `name`). */
export function OrderButtons({
  name,
  index,
  count,
  onMove,
  onRemove,
}: {
  name: string;
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
        aria-label={`Move ${name} up`}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        <Icon name="up" size={18} />
      </button>
      <button
        type="button"
        className="icon-btn"
        aria-label={`Move ${name} down`}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        <Icon name="down" size={18} />
      </button>
      <button type="button" className="icon-btn" aria-label={`Remove ${name}`} onClick={onRemove}>
        <Icon name="trash" size={18} />
      </button>
    </span>
  );
}

export const GALLERY_LIMIT = 20;

/** The story's gallery: photos and videos in the order the maker sets, each movable and removable. */
export function GalleryEditor({ gallery, onChange }: { gallery: string[]; onChange: (gallery: string[]) => void }) {
  return (
    <section className="stack" aria-labelledby="studio-gallery">
      <h2 id="studio-gallery">Gallery</h2>
      {gallery.length === 0 ? (
        <p className="subtle">Photos and clips of the piece, shown under the video.</p>
      ) : (
        <ol className="list gallery-editor" aria-label="Gallery items">
          {gallery.map((mediaId, index) => (
            <li key={mediaId} className="card row-between" data-media-id={mediaId}>
              <MediaThumb mediaId={mediaId} label={`Gallery item ${index + 1}`} />
              <OrderButtons
                name={`gallery item ${index + 1}`}
                index={index}
                count={gallery.length}
                onMove={(by) => onChange(moveItem(gallery, index, by))}
                onRemove={() => onChange(removeItem(gallery, index))}
              />
            </li>
          ))}
        </ol>
      )}
      {gallery.length < GALLERY_LIMIT ? (
        <MediaUpload
          fileLabel="Gallery photo or video file"
          onUploaded={(mediaId) => onChange(gallery.includes(mediaId) ? gallery : [...gallery, mediaId])}
        />
      ) : (
        <p className="subtle">The gallery holds {GALLERY_LIMIT} items; remove one to add another.</p>
      )}
    </section>
  );
}
