import { MediaRejection } from './media-rejection.js';
import { formatVttTimestamp, parseVttTimestamp } from './webvtt-time.js';

/** One caption, in milliseconds of the (trimmed) video; `text` is plain text, lines split by `\n`. */
export interface CaptionCue {
  startMs: number;
  endMs: number;
  text: string;
}

export interface CaptionLimits {
  maxFileBytes: number;
  maxCues: number;
  maxCueChars: number;
  maxCueLines: number;
}

export const defaultCaptionLimits: CaptionLimits = {
  maxFileBytes: 256 * 1024,
  maxCues: 2000,
  maxCueChars: 300,
  maxCueLines: 3,
};

/** Stable codes of caption rejections. */
export type CaptionErrorCode =
  | 'captions_too_large'
  | 'captions_missing_header'
  | 'captions_bad_timing'
  | 'captions_end_before_start'
  | 'captions_out_of_order'
  | 'captions_beyond_end'
  | 'captions_too_many_cues'
  | 'captions_cue_too_long'
  | 'captions_empty_cue'
  | 'captions_bad_character';

function captionsError(code: CaptionErrorCode, message: string, details: Record<string, unknown> = {}): MediaRejection {
  return new MediaRejection(code, message, details);
}

export interface CaptionOptions {
  /** Cues must end by then (the length of the video they belong to). */
  durationMs?: number;
  limits?: Partial<CaptionLimits>;
}

/**
 * Parses an uploaded WebVTT file into plain-text cues. Header metadata, NOTE, STYLE and REGION
 * blocks, cue identifiers and cue settings are dropped; markup tags are removed and entities
 * decoded, so the result is what `buildWebVtt` would write for the same captions.
 */
export function parseWebVtt(input: string, options: CaptionOptions = {}): CaptionCue[] {
  const limits = { ...defaultCaptionLimits, ...options.limits };
  if (Buffer.byteLength(input, 'utf8') > limits.maxFileBytes) {
    throw captionsError('captions_too_large', 'The captions file is too large.', { maxBytes: limits.maxFileBytes });
  }
  if (input.includes('\u0000')) throw captionsError('captions_bad_character', 'The captions file contains NUL bytes.');
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    throw captionsError('captions_missing_header', 'A WebVTT file must start with "WEBVTT".');
  }

  const cues: CaptionCue[] = [];
  let i = 1;
  // Header lines run to the first blank line (or to a line that already is a cue timing).
  while (i < lines.length && lines[i] !== '' && !lines[i]?.includes('-->')) i++;
  while (i < lines.length) {
    if (lines[i] === '') {
      i++;
      continue;
    }
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i] !== '') block.push(lines[i++] ?? '');
    const cue = parseBlock(block, blockStart + 1);
    if (cue && cue.text !== '') cues.push(cue);
  }
  validateCues(cues, options.durationMs, limits);
  return cues;
}

function parseBlock(block: string[], lineNumber: number): CaptionCue | null {
  const first = block[0] ?? '';
  if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first) && !first.includes('-->')) return null;
  const timingIndex = first.includes('-->') ? 0 : 1;
  const timing = block[timingIndex];
  const match = timing === undefined ? null : /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/.exec(timing);
  const startMs = match?.[1] === undefined ? null : parseVttTimestamp(match[1]);
  const endMs = match?.[2] === undefined ? null : parseVttTimestamp(match[2]);
  if (startMs === null || endMs === null) {
    throw captionsError(
      'captions_bad_timing',
      `Line ${lineNumber + timingIndex}: expected "00:00:01.000 --> 00:00:02.000".`,
      {
        line: lineNumber + timingIndex,
      },
    );
  }
  const payload = block.slice(timingIndex + 1);
  if (payload.some((line) => line.includes('-->'))) {
    throw captionsError('captions_bad_timing', `Line ${lineNumber}: a cue's text may not contain "-->".`, {
      line: lineNumber,
    });
  }
  const text = cleanText(payload.map((line) => decodeEntities(line.replace(/<[^>]*>/g, ''))).join('\n'));
  return { startMs, endMs, text };
}

/**
 * Writes cues as a WebVTT file, escaping the text (`&`, `<`, `>` — which also defuses `-->`).
 * With `hlsTimestampMap`, adds the header HLS players use to line cues up with the video.
 */
export function buildWebVtt(cues: CaptionCue[], options: CaptionOptions & { hlsTimestampMap?: boolean } = {}): string {
  const limits = { ...defaultCaptionLimits, ...options.limits };
  const cleaned = cues.map((cue) => ({ ...cue, text: cleanText(cue.text) }));
  validateCues(cleaned, options.durationMs, limits);
  const out = ['WEBVTT'];
  if (options.hlsTimestampMap) out.push('X-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000');
  out.push('');
  for (const cue of cleaned) {
    out.push(`${formatVttTimestamp(cue.startMs)} --> ${formatVttTimestamp(cue.endMs)}`, escapeCueText(cue.text), '');
  }
  return out.join('\n');
}

/**
 * Moves cues written against the source onto a trimmed clip's timeline: cues outside the kept
 * range go, cues straddling an edge are cut to it.
 */
export function retimeCuesForTrim(cues: CaptionCue[], trim: { startMs: number; endMs: number }): CaptionCue[] {
  return cues
    .filter((cue) => cue.endMs > trim.startMs && cue.startMs < trim.endMs)
    .map((cue) => ({
      ...cue,
      startMs: Math.max(cue.startMs, trim.startMs) - trim.startMs,
      endMs: Math.min(cue.endMs, trim.endMs) - trim.startMs,
    }));
}

function validateCues(cues: CaptionCue[], durationMs: number | undefined, limits: CaptionLimits): void {
  if (cues.length > limits.maxCues) {
    throw captionsError('captions_too_many_cues', `At most ${limits.maxCues} captions are allowed.`, {
      maxCues: limits.maxCues,
    });
  }
  let previousStart = 0;
  cues.forEach((cue, index) => {
    const isMs = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
    if (!isMs(cue.startMs) || !isMs(cue.endMs)) {
      throw captionsError('captions_bad_timing', `Caption ${index + 1} has invalid times.`, { index });
    }
    if (cue.endMs <= cue.startMs) {
      throw captionsError('captions_end_before_start', `Caption ${index + 1} ends before it starts.`, { index });
    }
    if (cue.startMs < previousStart) {
      throw captionsError('captions_out_of_order', `Caption ${index + 1} starts before the one before it.`, { index });
    }
    if (durationMs !== undefined && cue.endMs > durationMs) {
      throw captionsError('captions_beyond_end', `Caption ${index + 1} ends after the video.`, { index, durationMs });
    }
    if (cue.text === '') throw captionsError('captions_empty_cue', `Caption ${index + 1} has no text.`, { index });
    if ([...cue.text].length > limits.maxCueChars || cue.text.split('\n').length > limits.maxCueLines) {
      throw captionsError('captions_cue_too_long', `Caption ${index + 1} is too long.`, {
        index,
        maxChars: limits.maxCueChars,
        maxLines: limits.maxCueLines,
      });
    }
    previousStart = cue.startMs;
  });
}

/** One caption's text: no control characters, no blank lines (a blank line would end the cue). */
function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\p{Cc}\u2028\u2029]/gu, (c) => (c === '\n' ? '\n' : ' '))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
  quot: '"',
  apos: "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
