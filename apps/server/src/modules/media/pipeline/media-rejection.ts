import { DomainError } from '../../../platform/errors.js';

/**
 * A media failure no retry can fix: the upload or the edit itself is at fault (not a video, cut
 * off, too long, bad trim points or captions, the original gone). Processing fails at once.
 */
export class MediaRejection extends DomainError {
  override readonly name = 'MediaRejection';
}
