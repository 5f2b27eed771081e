import { DomainError } from '../../../platform/errors.js';
import { MediaRejection } from './media-rejection.js';

export interface SubtitlesRendition {
  /** URI of the subtitles media playlist, relative to the master playlist. */
  uri: string;
  /** BCP 47 tag, e.g. `en` or `pt-BR`. */
  language: string;
  /** What the player's menu shows, e.g. `English`. */
  name: string;
  groupId?: string;
  isDefault?: boolean;
}

const DEFAULT_GROUP = 'subs';

/** A VOD media playlist whose single segment is the whole WebVTT file. */
export function buildSubtitlesPlaylist(options: { vttUri: string; durationSeconds: number }): string {
  assertUri(options.vttUri);
  const duration = Math.max(0.001, options.durationSeconds);
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${Math.ceil(duration)}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${duration.toFixed(3)},`,
    options.vttUri,
    '#EXT-X-ENDLIST',
    '',
  ].join('\n');
}

/**
 * Adds a subtitles rendition to a master playlist: one `#EXT-X-MEDIA:TYPE=SUBTITLES` line before
 * the variants and a `SUBTITLES=` attribute on every variant. Running it again with the same group
 * replaces the previous rendition instead of adding a second one.
 */
export function addSubtitlesToMaster(master: string, rendition: SubtitlesRendition): string {
  const groupId = rendition.groupId ?? DEFAULT_GROUP;
  assertAttribute('language', rendition.language, /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/);
  assertAttribute('name', rendition.name, /^[^"\r\n\p{Cc}]{1,64}$/u);
  assertAttribute('groupId', groupId, /^[A-Za-z0-9_-]{1,32}$/);
  assertUri(rendition.uri);

  const lines = master.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0] !== '#EXTM3U' || !lines.some((l) => l.startsWith('#EXT-X-STREAM-INF:'))) {
    throw new DomainError('hls_master_invalid', 'Not an HLS master playlist.');
  }
  const isDefault = rendition.isDefault ? 'YES' : 'NO';
  const media =
    `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="${groupId}",NAME="${rendition.name}",` +
    `LANGUAGE="${rendition.language}",DEFAULT=${isDefault},AUTOSELECT=YES,FORCED=NO,URI="${rendition.uri}"`;
  const sameGroup = `GROUP-ID="${groupId}"`;

  const out: string[] = [];
  let inserted = false;
  for (const line of lines) {
    if (line.startsWith('#EXT-X-MEDIA:') && line.includes('TYPE=SUBTITLES') && line.includes(sameGroup)) continue;
    if (line.startsWith('#EXT-X-STREAM-INF:')) {
      if (!inserted) {
        out.push(media);
        inserted = true;
      }
      // Quoted values cannot contain quotes, so this never cuts into another attribute.
      out.push(`${line.replace(/,SUBTITLES="[^"]*"/g, '')},SUBTITLES="${groupId}"`);
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

function assertAttribute(name: string, value: string, pattern: RegExp): void {
  if (!pattern.test(value)) {
    throw new MediaRejection('captions_invalid_rendition', `Subtitles ${name} is not valid.`, { [name]: value });
  }
}

function assertUri(uri: string): void {
  // Relative, one path, nothing a playlist line could be confused by.
  if (!/^[A-Za-z0-9._\-/]+$/.test(uri) || uri.startsWith('/') || uri.includes('..')) {
    throw new MediaRejection('captions_invalid_rendition', 'Subtitles URI is not valid.', { uri });
  }
}
