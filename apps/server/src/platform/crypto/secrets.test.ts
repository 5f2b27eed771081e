import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { loadSecrets } from './secrets';

const dataKeys = `k1:${randomBytes(32).toString('base64')}`;
const lookupSecret = randomBytes(36).toString('base64url');
const signingSecret = randomBytes(36).toString('base64url');

describe('secrets', () => {
  it('security review: separate secrets — production never derives the internal signing secret from LOOKUP_SECRET', async () => {
    const DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'vw-secrets-'));
    const production = {
      NODE_ENV: 'production',
      DATA_DIR,
      DATA_ENCRYPTION_KEYS: dataKeys,
      LOOKUP_SECRET: lookupSecret,
    };
    await expect(loadSecrets(loadConfig(production))).rejects.toThrow(/INTERNAL_SIGNING_SECRET/);
    const own = await loadSecrets(loadConfig({ ...production, INTERNAL_SIGNING_SECRET: signingSecret }));
    expect(own.internalSigningSecret).toBe(signingSecret);

    // Outside production one is generated (kept in DATA_DIR), never the look-up secret either.
    const development = await loadSecrets(loadConfig({ ...production, NODE_ENV: 'development' }));
    expect(development.internalSigningSecret).not.toBe(lookupSecret);
    expect(development.internalSigningSecret.length).toBeGreaterThanOrEqual(32);
  });
});
