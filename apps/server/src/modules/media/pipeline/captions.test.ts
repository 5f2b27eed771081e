import { describe, expect, it } from 'vitest';
import { buildWebVtt, parseWebVtt, retimeCuesForTrim, type CaptionCue } from './captions.js';
import { addSubtitlesToMaster, buildSubtitlesPlaylist } from './hls-subtitles.js';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('parseWebVtt', () => {
  it('reads cues, skipping header metadata, notes, styles, identifiers and settings', () => {
    const vtt = [
      '\uFEFFWEBVTT - studio export',
      'Kind: captions',
      'X-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'NOTE written by the maker',
      '',
      'intro',
      '00:00.500 --> 00:02.000 align:start line:80%',
      '<v Maker>Throwing the <b>bowl</b></v>',
      '',
      '',
      '00:00:02.000 --> 00:00:04.250',
      'Trimming &amp; glazing &lt;3',
      'second line',
      '',
    ].join('\r\n');
    expect(parseWebVtt(vtt)).toEqual([
      { startMs: 500, endMs: 2000, text: 'Throwing the bowl' },
      { startMs: 2000, endMs: 4250, text: 'Trimming & glazing <3\nsecond line' },
    ]);
  });

  it('accepts a bare header and a file without cues', () => {
    expect(parseWebVtt('WEBVTT')).toEqual([]);
    expect(parseWebVtt('WEBVTT\n\n01:00:00.000 --> 01:00:01.000\nlate')).toEqual([
      { startMs: 3_600_000, endMs: 3_601_000, text: 'late' },
    ]);
  });

  it.each([
    ['no header', '00:00.000 --> 00:01.000\nhi', 'captions_missing_header'],
    ['a lookalike header', 'WEBVTTX\n', 'captions_missing_header'],
    ['a malformed timestamp', 'WEBVTT\n\n00:00.0 --> 00:01.000\nhi', 'captions_bad_timing'],
    ['seconds above 59', 'WEBVTT\n\n00:00:60.000 --> 00:01:01.000\nhi', 'captions_bad_timing'],
    ['a block without timing', 'WEBVTT\n\njust some text\nmore text', 'captions_bad_timing'],
    ['"-->" in the text', 'WEBVTT\n\n00:00.000 --> 00:01.000\na --> b', 'captions_bad_timing'],
    ['an end before the start', 'WEBVTT\n\n00:02.000 --> 00:01.000\nhi', 'captions_end_before_start'],
    [
      'cues out of order',
      'WEBVTT\n\n00:02.000 --> 00:03.000\nb\n\n00:01.000 --> 00:02.000\na',
      'captions_out_of_order',
    ],
    ['a NUL byte', 'WEBVTT\n\n00:00.000 --> 00:01.000\nh\u0000i', 'captions_bad_character'],
  ])('rejects %s', (_label, input, expected) => {
    expect(code(() => parseWebVtt(input))).toBe(expected);
  });

  it('enforces the duration, size and count limits', () => {
    const cue = 'WEBVTT\n\n00:00.000 --> 00:05.000\nhi';
    expect(code(() => parseWebVtt(cue, { durationMs: 4000 }))).toBe('captions_beyond_end');
    expect(code(() => parseWebVtt('WEBVTT\n\n' + 'x'.repeat(300_000)))).toBe('captions_too_large');
    const many = ['WEBVTT', ''];
    for (let i = 0; i < 5; i++) many.push(`00:0${i}.000 --> 00:0${i}.500`, `cue ${i}`, '');
    expect(code(() => parseWebVtt(many.join('\n'), { limits: { maxCues: 4 } }))).toBe('captions_too_many_cues');
  });
});

describe('buildWebVtt', () => {
  const cues: CaptionCue[] = [
    { startMs: 0, endMs: 1500, text: 'Ceramics 101: "wedging" the clay' },
    { startMs: 1500, endMs: 3000, text: 'a --> b & <script>alert(1)</script>' },
    { startMs: 2000, endMs: 62_500, text: '  two\n\n  lines  \r\nwith ünïcødé 陶器 ' },
  ];

  it('writes escaped cues that parse back to the same captions', () => {
    const vtt = buildWebVtt(cues);
    expect(vtt.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:01.500\n')).toBe(true);
    expect(vtt).toContain('a --&gt; b &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(vtt).toContain('00:00:02.000 --> 00:01:02.500\ntwo\nlines\nwith ünïcødé 陶器\n');
    expect(vtt.split('\n').filter((line) => line.includes('-->'))).toHaveLength(3);
    expect(parseWebVtt(vtt)).toEqual([
      cues[0],
      cues[1],
      { startMs: 2000, endMs: 62_500, text: 'two\nlines\nwith ünïcødé 陶器' },
    ]);
  });

  it('adds the HLS timestamp map on request', () => {
    expect(buildWebVtt([], { hlsTimestampMap: true })).toBe('WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n');
  });

  it.each([
    ['an end before the start', [{ startMs: 500, endMs: 500, text: 'x' }], 'captions_end_before_start'],
    ['a negative start', [{ startMs: -1, endMs: 500, text: 'x' }], 'captions_bad_timing'],
    ['fractional milliseconds', [{ startMs: 0.5, endMs: 500, text: 'x' }], 'captions_bad_timing'],
    [
      'unordered cues',
      [
        { startMs: 900, endMs: 1000, text: 'b' },
        { startMs: 0, endMs: 100, text: 'a' },
      ],
      'captions_out_of_order',
    ],
    ['a cue past the end', [{ startMs: 0, endMs: 10_001, text: 'x' }], 'captions_beyond_end'],
    ['blank text', [{ startMs: 0, endMs: 100, text: ' \n\t ' }], 'captions_empty_cue'],
    ['overlong text', [{ startMs: 0, endMs: 100, text: 'y'.repeat(301) }], 'captions_cue_too_long'],
    ['too many lines', [{ startMs: 0, endMs: 100, text: 'a\nb\nc\nd' }], 'captions_cue_too_long'],
  ])('rejects %s', (_label, input, expected) => {
    expect(code(() => buildWebVtt(input, { durationMs: 10_000 }))).toBe(expected);
  });
});

describe('retimeCuesForTrim', () => {
  it('shifts cues onto the trimmed timeline and cuts those at the edges', () => {
    const cues = [
      { startMs: 0, endMs: 900, text: 'gone' },
      { startMs: 500, endMs: 1500, text: 'cut at start' },
      { startMs: 2000, endMs: 2500, text: 'inside' },
      { startMs: 2800, endMs: 4000, text: 'cut at end' },
      { startMs: 3000, endMs: 3500, text: 'after' },
    ];
    expect(retimeCuesForTrim(cues, { startMs: 1000, endMs: 3000 })).toEqual([
      { startMs: 0, endMs: 500, text: 'cut at start' },
      { startMs: 1000, endMs: 1500, text: 'inside' },
      { startMs: 1800, endMs: 2000, text: 'cut at end' },
    ]);
  });
});

describe('HLS subtitles rendition', () => {
  const master = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    '#EXT-X-STREAM-INF:BANDWIDTH=1240800,RESOLUTION=720x1280,CODECS="avc1.64001f,mp4a.40.2"',
    '720p/index.m3u8',
    '',
    '#EXT-X-STREAM-INF:BANDWIDTH=800800,RESOLUTION=480x854,CODECS="avc1.64001e,mp4a.40.2"',
    '480p/index.m3u8',
    '',
  ].join('\n');

  it('adds one subtitles group referenced by every variant', () => {
    const out = addSubtitlesToMaster(master, { uri: 'subtitles/index.m3u8', language: 'en', name: 'English' });
    const lines = out.split('\n');
    expect(lines[2]).toBe(
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="subtitles/index.m3u8"',
    );
    const variants = lines.filter((l) => l.startsWith('#EXT-X-STREAM-INF:'));
    expect(variants).toHaveLength(2);
    for (const variant of variants) expect(variant.endsWith(',SUBTITLES="subs"')).toBe(true);
    expect(out).toContain('CODECS="avc1.64001f,mp4a.40.2"');
  });

  it('replaces rather than duplicates when run again', () => {
    const once = addSubtitlesToMaster(master, { uri: 'subtitles/index.m3u8', language: 'en', name: 'English' });
    const twice = addSubtitlesToMaster(once, { uri: 'subtitles/index.m3u8', language: 'fr', name: 'Français' });
    expect(twice.match(/TYPE=SUBTITLES/g)).toHaveLength(1);
    expect(twice).toContain('LANGUAGE="fr"');
    expect(twice.match(/SUBTITLES="subs"/g)).toHaveLength(2);
  });

  it('refuses attribute values that would break the playlist', () => {
    const bad = [
      { uri: 'subtitles/index.m3u8', language: 'en"', name: 'English' },
      { uri: 'subtitles/index.m3u8', language: 'en', name: 'Eng"lish' },
      { uri: 'subtitles/index.m3u8', language: 'en', name: 'two\nlines' },
      { uri: '../other/index.m3u8', language: 'en', name: 'English' },
      { uri: 'https://evil.example/x.m3u8', language: 'en', name: 'English' },
    ];
    for (const rendition of bad) {
      expect(code(() => addSubtitlesToMaster(master, rendition))).toBe('captions_invalid_rendition');
    }
    expect(
      code(() => addSubtitlesToMaster('#EXTM3U\n#EXTINF:2,\nseg.m4s', { uri: 's.m3u8', language: 'en', name: 'E' })),
    ).toBe('hls_master_invalid');
  });

  it('builds a one-segment subtitles playlist', () => {
    expect(buildSubtitlesPlaylist({ vttUri: 'captions.vtt', durationSeconds: 3.2 })).toBe(
      '#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:3.200,\ncaptions.vtt\n#EXT-X-ENDLIST\n',
    );
  });
});
