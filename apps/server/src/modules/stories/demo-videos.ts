import { execFile } from 'node:child_process';
import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DemoPattern } from './demo-content';

const run = promisify(execFile);

export const DEMO_WIDTH = 720;
export const DEMO_HEIGHT = 1280;

/** True when `ffmpeg` can be started (demo videos need it; without it the demo data is skipped). */
export async function ffmpegAvailable(ffmpeg = 'ffmpeg'): Promise<boolean> {
  try {
    await run(ffmpeg, ['-hide_banner', '-version'], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

const FONTS = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
];

async function fontOption(): Promise<string> {
  for (const file of FONTS) {
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    )
      return `fontfile=${file}`;
  }
  return 'font=Sans'; // fontconfig's pick
}

function source(pattern: DemoPattern, rate: number): string {
  const size = `${DEMO_WIDTH}x${DEMO_HEIGHT}`;
  switch (pattern) {
    case 'testsrc2':
      return `testsrc2=s=${size}:r=${rate}`;
    case 'mandelbrot':
      return `mandelbrot=s=${DEMO_WIDTH / 4}x${DEMO_HEIGHT / 4}:r=${rate}:start_scale=2:end_scale=0.05,scale=${size}`;
    case 'life':
      return `life=s=${DEMO_WIDTH / 4}x${DEMO_HEIGHT / 4}:r=${rate}:mold=10:ratio=0.12:life_color=#f4d35e:death_color=#0d3b66,scale=${size}:flags=neighbor`;
    case 'cellauto':
      return `cellauto=s=${DEMO_WIDTH / 4}x${DEMO_HEIGHT / 4}:r=${rate}:rule=110:random_fill_ratio=0.4,scale=${size}:flags=neighbor`;
    default: {
      const unknown: never = pattern;
      throw new Error(`unknown pattern ${String(unknown)}`);
    }
  }
}

/**
 * Renders a portrait demo clip: a moving lavfi pattern with a title card for the first seconds and
 * the title as a caption after. The text goes through a file, so no filter escaping is needed.
 */
export async function renderDemoVideo(
  dir: string,
  name: string,
  input: { pattern: DemoPattern; title: string; maker: string; seconds: number; ffmpeg?: string },
): Promise<string> {
  const titleFile = path.join(dir, `${name}.title.txt`);
  const makerFile = path.join(dir, `${name}.maker.txt`);
  await writeFile(titleFile, input.title);
  await writeFile(makerFile, input.maker);
  const font = await fontOption();
  const card = `enable='lt(t,2.5)'`;
  const filters = [
    source(input.pattern, 24),
    `drawbox=x=0:y=ih*0.38:w=iw:h=ih*0.24:color=black@0.65:t=fill:${card}`,
    `drawtext=${font}:textfile=${titleFile}:fontsize=52:fontcolor=white:x=(w-tw)/2:y=h*0.45:${card}`,
    `drawtext=${font}:textfile=${makerFile}:fontsize=34:fontcolor=#f4d35e:x=(w-tw)/2:y=h*0.53:${card}`,
    `drawtext=${font}:textfile=${titleFile}:fontsize=36:fontcolor=white:box=1:boxcolor=black@0.5:boxborderw=16:x=(w-tw)/2:y=h*0.86:enable='gte(t,2.5)'`,
    'format=yuv420p',
  ].join(',');
  const file = path.join(dir, `${name}.mp4`);
  await run(
    input.ffmpeg ?? 'ffmpeg',
    [
      ...['-hide_banner', '-v', 'error', '-y'],
      ...['-f', 'lavfi', '-i', filters],
      ...['-f', 'lavfi', '-i', `sine=f=220:sample_rate=48000`],
      ...['-t', String(input.seconds)],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '28', '-g', '48'],
      ...['-c:a', 'aac', '-b:a', '48k', '-af', 'volume=0.05'],
      ...['-movflags', '+faststart', '-shortest'],
      file,
    ],
    { timeout: 120_000 },
  );
  return file;
}
