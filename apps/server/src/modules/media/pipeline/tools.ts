/** Where the ffmpeg binaries are; defaults find them on PATH. */
export interface MediaTools {
  ffmpegPath: string;
  ffprobePath: string;
}

export const defaultMediaTools: MediaTools = { ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe' };

/**
 * Demuxers allowed to open an upload. Everything else (playlists, concat lists, image sequences,
 * text "art") is refused: such inputs can make ffmpeg read other local files or reach the network.
 * Phones and cameras produce MP4/MOV, Matroska/WebM, AVI, MPEG-TS (AVCHD) and MPEG-PS.
 */
const INPUT_DEMUXERS = 'mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,mpeg';

/**
 * The arguments that open an untrusted upload: only whitelisted demuxers, only the `file`
 * protocol (the `file:` prefix stops a name like `http:x` or `-y` being read as anything else),
 * and a decoder pixel cap so a forged header cannot make the decoder allocate a huge frame.
 */
export function untrustedInputArgs(filePath: string, maxPixels: number): string[] {
  return [
    '-format_whitelist',
    INPUT_DEMUXERS,
    '-protocol_whitelist',
    'file',
    '-max_pixels',
    String(maxPixels),
    '-i',
    `file:${filePath}`,
  ];
}
