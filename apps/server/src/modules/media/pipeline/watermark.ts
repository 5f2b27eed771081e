import { access } from 'node:fs/promises';
import { runProcess } from './run-process.js';

const MAX_WATERMARK_GRAPHEMES = 40;

/**
 * Turns a maker's display name into one safe line of watermark text: Unicode-normalised; no
 * control characters, no bidi overrides (which could make it read as something else), no emoji
 * (drawtext cannot draw colour glyphs); one line, bounded length. Empty when nothing is left.
 */
export function watermarkText(displayName: string): string {
  const cleaned = displayName
    .normalize('NFC')
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\ufe0e\ufe0f\u20e3]/gu, '')
    // Format characters go, except the joiners that Indic and Persian shaping needs.
    .replace(/[\p{Cc}\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(cleaned)];
  if (graphemes.length <= MAX_WATERMARK_GRAPHEMES) return cleaned;
  return `${graphemes
    .slice(0, MAX_WATERMARK_GRAPHEMES - 1)
    .map((g) => g.segment)
    .join('')
    .trimEnd()}…`;
}

// Debian/Ubuntu (fonts-dejavu-core comes with ffmpeg), Fedora, Arch, Alpine, macOS.
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
  '/Library/Fonts/Arial.ttf',
];

/**
 * Finds a font file for the watermark: the configured one; else, for text beyond Latin, Greek and
 * Cyrillic, an installed font that covers every character (fontconfig, e.g. Noto CJK when
 * installed); else a well-known sans; else fontconfig's sans-serif. Null when the machine has no
 * font at all — the caller then skips the watermark rather than failing the video.
 */
export async function findWatermarkFont(preferred?: string, text = ''): Promise<string | null> {
  if (preferred && (await isReadable(preferred))) return preferred;
  if (/[^\u0020-\u052f\u1e00-\u1fff\u2000-\u206f]/u.test(text)) {
    const covering = await fontsCovering(text);
    if (covering) return covering;
  }
  for (const candidate of FONT_CANDIDATES) {
    if (await isReadable(candidate)) return candidate;
  }
  const matched = await fontconfig('fc-match', ['--format=%{file}', 'sans-serif:bold']);
  return matched && (await isReadable(matched)) ? matched : null;
}

/** The best installed font containing every character of `text`, preferring bold sans faces. */
async function fontsCovering(text: string): Promise<string | null> {
  const codePoints = [...new Set([...text].map((c) => c.codePointAt(0) ?? 0x20))].filter((c) => c > 0x20).slice(0, 64);
  const listed = await fontconfig('fc-list', [
    '--format=%{file}\\n',
    `:charset=${codePoints.map((c) => c.toString(16)).join(' ')}`,
  ]);
  const files = (listed ?? '').split('\n').filter((file) => /\.(ttf|otf|ttc)$/i.test(file));
  const score = (file: string): number => (/sans/i.test(file) ? 2 : 0) + (/bold/i.test(file) ? 1 : 0);
  const best = files.sort((a, b) => score(b) - score(a) || a.localeCompare(b))[0];
  return best && (await isReadable(best)) ? best : null;
}

async function fontconfig(tool: 'fc-match' | 'fc-list', args: string[]): Promise<string | null> {
  try {
    const run = await runProcess(tool, args, { timeoutMs: 5_000, maxStdoutBytes: 256 * 1024 });
    return run.exitCode === 0 ? run.stdout.trim() : null;
  } catch {
    return null; // fontconfig is not installed
  }
}

async function isReadable(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
