import { z } from 'zod';
import { idSchema } from '../../platform/ids';

const mediaError = z.object({ code: z.string(), message: z.string() });

export const mediaView = z
  .object({
    id: idSchema,
    ownerId: idSchema,
    kind: z.enum(['video', 'image']),
    status: z.enum(['uploading', 'processing', 'ready', 'failed']),
    progress: z.number().int().min(0).max(100),
    error: mediaError.optional(),
    posterUrl: z.string().optional().describe('signed; valid PLAYBACK_TOKEN_SECONDS'),
    thumbUrl: z.string().optional().describe('the poster 320 px wide, for small previews; signed like posterUrl'),
    playbackUrl: z.string().optional().describe('HLS master playlist, signed; fetch the media again to renew'),
    imageUrl: z.string().optional(),
    durationMs: z.number().int().optional(),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
    version: z.number().int().optional().describe('the version now playing'),
    edit: z
      .object({
        version: z.number().int(),
        status: z.enum(['processing', 'failed']),
        progress: z.number().int(),
        error: mediaError.optional(),
      })
      .optional()
      .describe('owner only: a studio edit being processed (or failed) while the current version plays'),
  })
  .meta({ id: 'Media' });

export const mediaParams = z.object({ mediaId: z.string().max(64) });

const cue = z.object({
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(1),
  text: z.string().min(1).max(1000),
});

export const editBody = z
  .object({
    trimStartMs: z.number().int().min(0).optional(),
    trimEndMs: z.number().int().min(1).nullable().optional().describe('null removes the end trim'),
    captions: z.array(cue).max(2000).optional().describe('on the trimmed timeline; [] removes the captions'),
    webvtt: z
      .string()
      .max(256 * 1024)
      .optional()
      .describe('captions as a WebVTT file, instead of `captions`'),
  })
  .refine((b) => !(b.captions && b.webvtt !== undefined), {
    message: 'Send captions or webvtt, not both',
    path: ['webvtt'],
  });
export type EditBody = z.infer<typeof editBody>;
