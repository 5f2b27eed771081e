import { describe, expect, it } from 'vitest';
import { buildFilterGraph, fittingFontSize } from './filter-graph.js';
import { chooseLadder } from './ladder.js';
import { layoutStoryboard, planStoryboard } from './storyboard.js';
import { buildSpriteArgs, buildTranscodeArgs } from './transcode-args.js';
import { resolveTrim } from './trim.js';

const ladder = chooseLadder({ width: 1080, height: 1920 });
const storyboard = planStoryboard(8, ladder.canvas);
const graph = buildFilterGraph({
  ladder,
  fps: 30,
  hdrTransfer: null,
  watermark: { text: 'Ana', textFile: "/tmp/wm dir/it's:here.txt", fontFile: '/fonts/a,b;[c].ttf' },
  posterAtSeconds: 1,
  storyboard,
});

function argsFor(hasAudio: boolean, trim = resolveTrim(undefined, 10)): string[] {
  return buildTranscodeArgs({
    input: '/up/-y.mp4',
    outputDir: '/work/out',
    thumbnailsDir: '/scratch/thumbs',
    maxPixels: 16_777_216,
    trim,
    graph,
    ladder,
    hasAudio,
    fps: 30,
    preset: 'veryfast',
    crf: 23,
  });
}

const valueOf = (args: string[], flag: string): string | undefined => args[args.indexOf(flag) + 1];

describe('buildTranscodeArgs', () => {
  it('opens one input, through the untrusted-input guards', () => {
    const args = argsFor(true);
    expect(args.filter((a) => a === '-i')).toHaveLength(1);
    expect(valueOf(args, '-i')).toBe('file:/up/-y.mp4');
    expect(valueOf(args, '-protocol_whitelist')).toBe('file');
    expect(valueOf(args, '-format_whitelist')).toContain('mov');
    expect(args.indexOf('-max_pixels')).toBeLessThan(args.indexOf('-i'));
  });

  it('trims by input seeking, before the input', () => {
    const args = argsFor(true, resolveTrim({ startMs: 1500, endMs: 4000 }, 10));
    expect(valueOf(args, '-ss')).toBe('1.500');
    expect(valueOf(args, '-to')).toBe('4.000');
    expect(args.indexOf('-to')).toBeLessThan(args.indexOf('-i'));
    expect(argsFor(true)).not.toContain('-ss');
  });

  it('asks for closed 2 s GOPs and 2 s fMP4 segments', () => {
    const args = argsFor(true);
    expect(valueOf(args, '-g')).toBe('60');
    expect(valueOf(args, '-keyint_min')).toBe('60');
    expect(valueOf(args, '-sc_threshold')).toBe('0');
    expect(valueOf(args, '-force_key_frames')).toBe('expr:gte(t,n_forced*2)');
    expect(valueOf(args, '-flags')).toBe('+cgop');
    expect(valueOf(args, '-hls_time')).toBe('2');
    expect(valueOf(args, '-hls_segment_type')).toBe('fmp4');
    expect(valueOf(args, '-hls_playlist_type')).toBe('vod');
    expect(valueOf(args, '-master_pl_name')).toBe('master.m3u8');
    expect(args).toContain('/work/out/%v/index.m3u8');
  });

  it('maps each rung with its own audio when there is audio', () => {
    const withAudio = argsFor(true);
    expect(valueOf(withAudio, '-var_stream_map')).toBe('v:0,a:0,name:1080p v:1,a:1,name:720p v:2,a:2,name:480p');
    expect(withAudio.filter((a) => a === '0:a:0')).toHaveLength(3);
    expect(valueOf(withAudio, '-maxrate:v:1')).toBe('2800k');
    expect(valueOf(withAudio, '-b:a:2')).toBe('96k');

    const silent = argsFor(false);
    expect(valueOf(silent, '-var_stream_map')).toBe('v:0,name:1080p v:1,name:720p v:2,name:480p');
    expect(silent).not.toContain('0:a:0');
    expect(silent).not.toContain('-c:a');
  });

  it('adds the poster and thumbnail outputs to the same process', () => {
    const args = argsFor(true);
    expect(args).toContain('/work/out/poster.jpg');
    expect(args).toContain('/scratch/thumbs/thumb_%03d.jpg');
    expect(args.filter((a) => a === '-filter_complex')).toHaveLength(1);
  });

  it('tiles the thumbnails into one sprite', () => {
    const args = buildSpriteArgs('/scratch/thumbs', layoutStoryboard(storyboard, 4), '/work/out/storyboard.jpg');
    expect(valueOf(args, '-vf')).toBe('tile=4x1');
    expect(args.at(-1)).toBe('/work/out/storyboard.jpg');
  });
});

describe('buildFilterGraph', () => {
  it('splits the watermarked canvas into every rung, the poster and the thumbnails', () => {
    expect(graph.rungLabels).toEqual(['v0', 'v1', 'v2']);
    expect(graph.graph).toContain('split=5[r0][r1][r2][p][s]');
    expect(graph.graph).toContain('[r1]scale=720:1280');
    expect(graph.graph).toContain('[r2]scale=480:854');
    expect(graph.graph).toContain('trim=start=1,trim=end_frame=1[poster]');
    expect(graph.graph).toContain('fps=1/2,scale=144:256,setsar=1[storyboard]');
    expect(graph.graph.match(/drawtext=/g)).toHaveLength(1);
  });

  it('escapes the watermark paths for both parsing levels', () => {
    expect(graph.graph).toContain("textfile=/tmp/wm dir/it\\\\\\'s\\\\:here.txt");
    expect(graph.graph).toContain('fontfile=/fonts/a\\,b\\;\\[c\\].ttf');
    expect(graph.graph).toContain('expansion=none');
  });

  it('blur-pads a landscape source and tone-maps HDR', () => {
    const landscape = buildFilterGraph({
      ladder: chooseLadder({ width: 1920, height: 1080 }),
      fps: 25,
      hdrTransfer: 'smpte2084',
      watermark: null,
      posterAtSeconds: 0.5,
      storyboard,
    });
    expect(landscape.graph).toContain('boxblur');
    expect(landscape.graph).toContain('overlay=x=(W-w)/2:y=(H-h)/2');
    expect(landscape.graph).toContain('zscale=tin=smpte2084');
    expect(landscape.graph).toContain('tonemap=tonemap=hable');
    expect(landscape.graph).not.toContain('drawtext');
  });

  it('shrinks long names to fit the frame', () => {
    expect(fittingFontSize('Ana', 900)).toBeGreaterThan(100);
    expect(fittingFontSize('A'.repeat(40), 900)).toBe(33);
    expect(fittingFontSize('陶器工房', 900)).toBe(225);
  });
});
