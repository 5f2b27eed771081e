import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import { AccessTokens } from './access-tokens';
import type { SigningKeyStore } from './signing-keys';

/** One signing key, which the test can withdraw. */
async function keyStore() {
  const pair = await generateKeyPair('EdDSA');
  let trusted = true;
  const store = {
    signingKey: async () => ({ kid: 'k1', privateKey: pair.privateKey }),
    verificationKey: async (kid: string) => (trusted && kid === 'k1' ? pair.publicKey : null),
  } as unknown as SigningKeyStore;
  return { store, withdraw: () => (trusted = false) };
}

const options = { issuer: 'video-window', audience: 'video-window-app', ttlSeconds: 900 };

describe('a checked access token, checked again', () => {
  it('still expires at its time', async () => {
    const clock = new ManualClock(Date.now());
    const { store } = await keyStore();
    const tokens = new AccessTokens(store, options, clock);
    const { token } = await tokens.issue({ sub: 'u1', sid: 's1', roles: ['viewer'] });
    expect(await tokens.verify(token)).toMatchObject({ sub: 'u1', sid: 's1' });
    clock.advance(899_000);
    expect(await tokens.verify(token)).toMatchObject({ sub: 'u1' });
    clock.advance(1_000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'token_expired' });
  });

  it('is refused at once when its key is withdrawn', async () => {
    const { store, withdraw } = await keyStore();
    const tokens = new AccessTokens(store, options, new ManualClock(Date.now()));
    const { token } = await tokens.issue({ sub: 'u1', sid: 's1', roles: ['viewer'] });
    await tokens.verify(token);
    withdraw();
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('is refused when one character differs from a token checked before', async () => {
    const { store } = await keyStore();
    const tokens = new AccessTokens(store, options, new ManualClock(Date.now()));
    const { token } = await tokens.issue({ sub: 'u1', sid: 's1', roles: ['viewer'] });
    await tokens.verify(token);
    const at = token.length - 10;
    const altered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    await expect(tokens.verify(altered)).rejects.toMatchObject({ code: 'invalid_token' });
  });
});
