import { open } from 'node:fs/promises';

export type ContainerFamily = 'mp4' | 'matroska' | 'avi' | 'mpegts' | 'mpeg_ps' | 'flv' | 'asf';

const MP4_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot']);

/**
 * Recognises a video container by its first bytes. Used only to word a rejection: a file that
 * ffmpeg cannot open but that starts like a video is "undecodable"; anything else is "not a video".
 */
export function sniffContainer(head: Buffer): ContainerFamily | null {
  if (head.length >= 8 && MP4_BOXES.has(head.toString('latin1', 4, 8))) return 'mp4';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'matroska';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 11) === 'AVI') {
    return 'avi';
  }
  if (head.length > 188 && head[0] === 0x47 && head[188] === 0x47) return 'mpegts';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x000001ba) return 'mpeg_ps';
  if (head.length >= 3 && head.toString('latin1', 0, 3) === 'FLV') return 'flv';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x3026b275) return 'asf';
  return null;
}

/** Reads the first bytes of a file for `sniffContainer`. */
export async function readFileHead(filePath: string, bytes = 512): Promise<Buffer> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
