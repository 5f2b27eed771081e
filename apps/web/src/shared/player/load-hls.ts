import type HlsType from 'hls.js';

let loading: Promise<typeof HlsType> | null = null;

/** hls.js is large: it is fetched the first time a video plays, never in the initial bundle. */
export function loadHls(): Promise<typeof HlsType> {
  loading ??= import('hls.js').then((module) => module.default);
  return loading;
}
