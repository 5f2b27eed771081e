import { describe, expect, it } from 'vitest';
import { parseRange } from './play-routes';
import { checkUploadCreation, parseUploadMetadata } from './upload-rules';

const b64 = (v: string): string => Buffer.from(v).toString('base64');
const maker = { roles: ['viewer', 'maker'] };
const create = (length: string | undefined, type: string | null, caller = maker, max = 1000, maxImage = 100) =>
  checkUploadCreation(
    {
      uploadLength: length,
      uploadDeferLength: undefined,
      metadata: type === null ? undefined : `filetype ${b64(type)},filename ${b64('vase.mov')}`,
    },
    caller,
    { maxBytes: max, maxImageBytes: maxImage },
  );

describe('upload creation rules', () => {
  it('accepts a video within the limit from a maker', () => {
    expect(create('1000', 'video/quicktime')).toEqual({
      size: 1000,
      type: 'video/quicktime',
      kind: 'video',
      filename: 'vase.mov',
    });
    expect(create('100', 'image/jpeg').kind).toBe('image');
  });

  it('takes images from makers only, within the image limit', () => {
    expect(() => create('10', 'image/jpeg', { roles: ['viewer'] })).toThrow(
      expect.objectContaining({ code: 'maker_required' }),
    );
    expect(() => create('101', 'image/png')).toThrow(
      expect.objectContaining({
        code: 'upload_too_large',
        details: { maxBytes: 100, size: 101, kind: 'image' },
      }),
    );
  });

  it('refuses an oversized file, a wrong type and a video from a viewer', () => {
    expect(() => create('1001', 'video/mp4')).toThrow(expect.objectContaining({ code: 'upload_too_large' }));
    expect(() => create('10', 'text/plain')).toThrow(expect.objectContaining({ code: 'unsupported_media_type' }));
    expect(() => create('10', 'audio/mpeg')).toThrow(expect.objectContaining({ code: 'unsupported_media_type' }));
    expect(() => create('10', null)).toThrow(expect.objectContaining({ code: 'unsupported_media_type' }));
    expect(() => create('10', 'video/mp4', { roles: ['viewer'] })).toThrow(
      expect.objectContaining({ code: 'maker_required' }),
    );
    expect(() => create(undefined, 'video/mp4')).toThrow(expect.objectContaining({ code: 'upload_length_required' }));
    expect(() => create('-1', 'video/mp4')).toThrow(expect.objectContaining({ code: 'upload_length_invalid' }));
  });

  it('parses tus metadata and rejects malformed pairs', () => {
    expect(parseUploadMetadata(`filetype ${b64('video/mp4')},is_confidential`)).toEqual({
      filetype: 'video/mp4',
      is_confidential: '',
    });
    expect(() => parseUploadMetadata('filetype not base64!')).toThrow(
      expect.objectContaining({ code: 'upload_metadata_invalid' }),
    );
  });
});

describe('byte ranges', () => {
  it('reads start-end, open-ended and suffix ranges, clamped to the size', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-1', 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
  });
});
