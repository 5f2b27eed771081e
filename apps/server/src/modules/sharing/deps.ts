import type { Config } from '../../config';
import type { IdentityService } from '../identity';
import type { MediaService } from '../media';
import type { StoriesService } from '../stories';

/** What sharing asks identity: whether a maker may be shown, with their profile and avatar image. */
export type IdentityPort = Pick<IdentityService, 'shareableMaker'>;
/** What sharing asks media: a long-lived, still authorised URL of a poster or avatar image. */
export type MediaPort = Pick<MediaService, 'previewImageUrl'>;
/** What sharing asks stories: a story's title, description, status, maker and hero video. */
export type StoriesPort = Pick<StoriesService, 'storiesByIds'>;

/** The other modules this one calls, every port required. */
export interface SharingPorts {
  identity: IdentityPort;
  media: MediaPort;
  stories: StoriesPort;
}

/** What the sharing use cases are built from. */
export interface SharingDeps extends SharingPorts {
  config: Config;
  /** The web app's index.html, into which a preview's tags go. */
  appShell: () => Promise<string>;
}
