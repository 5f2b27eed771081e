import type { PlayerMode } from '../../shared/player/video-player';

/**
 * Which feed items hold a live player: the one on screen plays, the next one buffers once the one
 * on screen shows frames (until then it only reads its playlists, so the two do not share the
 * first seconds' bandwidth), the previous one stays attached (a swipe back resumes at once).
 * Three players at most; every other item shows its poster and its player is destroyed.
 */
export function playerModeFor(index: number, activeIndex: number, activePlaying = true): PlayerMode | null {
  if (index === activeIndex) return 'active';
  if (index === activeIndex + 1) return activePlaying ? 'preload' : 'idle';
  if (index === activeIndex - 1) return 'idle';
  return null;
}
