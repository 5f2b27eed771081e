import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../platform/errors';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import type { ByteRange } from '../../platform/storage';
import type { MediaDeps } from './deps';
import { cloudFrontSignedCookies } from './cloudfront-cookies';
import { verifyPlaybackToken } from './playback-token';
import { PLAY_PATH } from './playback-urls';
import { isUuid } from '../../platform/ids';
import { mediaAccessOf } from './repo';

const tags = ['media'];
// Files a version folder holds: playlists, init and media segments, captions, poster, storyboard.
const FILE_PATH = /^(?:[A-Za-z0-9_-]{1,32}\/)?[A-Za-z0-9_-]{1,64}\.(m3u8|m4s|mp4|vtt|jpg)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Protected playback: `/v1/play/<token>/<mediaId>/<file>`. The token (in the path, so the
 * playlists' relative URIs carry it) grants one version of one video for a few minutes.
 */
export function playRoutes(app: HttpApp, deps: MediaDeps): void {
  app.get(
    `${PLAY_PATH}/:token/:mediaId/*`,
    {
      schema: {
        tags,
        description:
          'Serves one file of a processed video (HLS playlist, segment, captions or poster) to whoever holds the playback token from the media item’s signed URLs.',
        summary: 'A file of a video (playlist, segment, captions, poster) under a playback token',
        params: z.object({ token: z.string().max(200), mediaId: z.string().max(64), '*': z.string().max(200) }),
        response: { 403: errorResponses[403], 404: errorResponses[404] },
      },
    },
    async (req, reply) => {
      const { token, mediaId } = req.params;
      const file = req.params['*'];
      const check = isUuid(mediaId)
        ? verifyPlaybackToken(deps.signingSecret, token, mediaId, deps.clock.now().getTime())
        : ({ ok: false, reason: 'malformed' } as const);
      if (!check.ok) {
        throw new DomainError(
          check.reason === 'expired' ? 'playback_token_expired' : 'playback_token_invalid',
          check.reason === 'expired'
            ? 'The playback link has expired; fetch the media again.'
            : 'Not a valid playback link.',
        );
      }
      const match = FILE_PATH.exec(file);
      if (!match) throw new DomainError('media_file_not_found', 'No such file.');
      const playlist = match[1] === 'm3u8';
      // Every file checks the media is still served, so deleted or taken-down media stops at once,
      // tokens handed out before included; only the owner's and admins' tokens play withheld media.
      const access = await mediaAccessOf(deps.db, mediaId);
      if (access === 'gone') throw new DomainError('media_not_found', 'No such media.');
      if (access === 'withheld' && !check.privileged) {
        throw new DomainError('media_taken_down', 'This video was taken down.');
      }
      const key = `media/${mediaId}/v${check.version}/${file}`;
      await sendObject(deps, reply, key, req.headers.range, playlist ? 'no-cache' : IMMUTABLE);
    },
  );

  // Anything else under the playback path lacks a token (or its media id): refused the same way.
  app.get(`${PLAY_PATH}/*`, { schema: { hide: true } }, async () => {
    throw new DomainError('playback_token_invalid', 'Not a valid playback link.');
  });

  app.get(
    '/v1/playback/cookies',
    {
      schema: {
        tags,
        description:
          'Sets the signed cookies the CDN asks for before serving video files, and answers when they expire; 404 when videos are not served through a CDN.',
        examples: { response: { expiresAt: 1767225600 } },
        summary: 'CloudFront signed cookies for the CDN serving /v1/play (CDN mode only)',
        response: { 200: z.object({ expiresAt: z.number().int() }), 404: errorResponses[404] },
      },
    },
    async (_req, reply) => {
      const { CDN_BASE_URL, CLOUDFRONT_KEY_PAIR_ID, CLOUDFRONT_PRIVATE_KEY, CLOUDFRONT_COOKIE_DOMAIN } = deps.config;
      if (!CDN_BASE_URL || !CLOUDFRONT_KEY_PAIR_ID || !CLOUDFRONT_PRIVATE_KEY) {
        throw new DomainError('cdn_not_configured', 'Playback is not served through a CDN here.');
      }
      const expiresAt = deps.urls.expiresAt();
      const cookies = cloudFrontSignedCookies({
        keyPairId: CLOUDFRONT_KEY_PAIR_ID,
        privateKeyPem: CLOUDFRONT_PRIVATE_KEY,
        resource: `${CDN_BASE_URL.replace(/\/$/, '')}${PLAY_PATH}/*`,
        expiresAt,
      });
      const domain = CLOUDFRONT_COOKIE_DOMAIN ? `; Domain=${CLOUDFRONT_COOKIE_DOMAIN}` : '';
      void reply.header(
        'set-cookie',
        Object.entries(cookies).map(
          ([name, value]) =>
            `${name}=${value}; Path=${PLAY_PATH}/; Max-Age=${deps.config.PLAYBACK_TOKEN_SECONDS}; Secure; HttpOnly; SameSite=None${domain}`,
        ),
      );
      return { expiresAt };
    },
  );
}

async function sendObject(
  deps: MediaDeps,
  reply: FastifyReply,
  key: string,
  rangeHeader: string | undefined,
  cacheControl: string,
): Promise<void> {
  const head = await deps.storage.head(key);
  if (!head) throw new DomainError('media_file_not_found', 'No such file.');
  void reply.header('accept-ranges', 'bytes').header('cache-control', cacheControl).header('etag', `"${head.etag}"`);
  const range = rangeHeader ? parseRange(rangeHeader, head.size) : null;
  if (range === 'unsatisfiable') {
    void reply.header('content-range', `bytes */${head.size}`);
    void reply
      .status(416)
      .send({ error: { code: 'range_not_satisfiable', message: 'The range starts past the end.' } });
    return;
  }
  const object = await deps.storage.get(key, range ? { range } : {});
  void reply.header('content-type', object.contentType).header('content-length', String(object.contentLength));
  if (object.range) {
    void reply.status(206).header('content-range', `bytes ${object.range.start}-${object.range.end}/${object.size}`);
  }
  await reply.send(object.body);
}

/** One `bytes=` range (start-end, start-, or -suffix); other forms are served whole. */
export function parseRange(header: string, size: number): ByteRange | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? undefined : Number(match[2]);
  if (end !== undefined && end < start) return null;
  if (start >= size) return 'unsatisfiable';
  return end === undefined ? { start } : { start, end: Math.min(end, size - 1) };
}
