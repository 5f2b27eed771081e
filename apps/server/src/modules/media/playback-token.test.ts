import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPlaybackToken, verifyPlaybackToken } from './playback-token';

const secret = 'test-secret-test-secret-test-secret';
const mediaId = randomUUID();
const now = Date.UTC(2026, 0, 1);
const grant = { mediaId, version: 3, expiresAt: now / 1000 + 300, sessionId: 'session-1' };

describe('playback tokens', () => {
  it('grants the signed version of the signed video until it expires', () => {
    const token = signPlaybackToken(secret, grant);
    expect(verifyPlaybackToken(secret, token, mediaId, now)).toMatchObject({ ok: true, version: 3 });
    expect(verifyPlaybackToken(secret, token, mediaId, now + 299_000)).toMatchObject({ ok: true });
    expect(verifyPlaybackToken(secret, token, mediaId, now + 300_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it("refuses another video's token, an altered token and another secret", () => {
    const token = signPlaybackToken(secret, grant);
    expect(verifyPlaybackToken(secret, token, randomUUID(), now)).toEqual({ ok: false, reason: 'bad_signature' });
    const [, exp, tag, sig] = token.split('.');
    expect(verifyPlaybackToken(secret, `4.${exp}.${tag}.${sig}`, mediaId, now).ok).toBe(false);
    expect(verifyPlaybackToken(secret, `3.${Number(exp) + 1000}.${tag}.${sig}`, mediaId, now).ok).toBe(false);
    const flipped = sig!.startsWith('A') ? `B${sig!.slice(1)}` : `A${sig!.slice(1)}`;
    expect(verifyPlaybackToken(secret, `3.${exp}.${tag}.${flipped}`, mediaId, now).ok).toBe(false);
    expect(verifyPlaybackToken(`${secret}x`, token, mediaId, now).ok).toBe(false);
    expect(verifyPlaybackToken(secret, 'garbage', mediaId, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('binds the viewer session into the signature', () => {
    const a = signPlaybackToken(secret, grant);
    const b = signPlaybackToken(secret, { ...grant, sessionId: 'session-2' });
    expect(a).not.toBe(b);
    const [v, exp, , sig] = a.split('.');
    const tagOfB = b.split('.')[2];
    expect(verifyPlaybackToken(secret, `${v}.${exp}.${tagOfB}.${sig}`, mediaId, now).ok).toBe(false);
  });
});
