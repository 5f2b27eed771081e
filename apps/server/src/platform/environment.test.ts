import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../test/harness';

const demoOf = async (env: Record<string, string>) => {
  const runtime = await startTestServer({ env: { SEED_DEMO_DATA: 'false', ...env } });
  try {
    const res = await runtime.app!.inject({ method: 'GET', url: '/v1/environment' });
    expect(res.statusCode).toBe(200);
    return res.json<{ demo: boolean }>().demo;
  } finally {
    await runtime.stop();
  }
};

describe('the environment the app runs against', () => {
  it('security review: demo banner — the server says whether it is a demo deployment (NODE_ENV=development)', async () => {
    expect(await demoOf({ NODE_ENV: 'development' })).toBe(true);
    expect(await demoOf({ NODE_ENV: 'test' })).toBe(false);
    expect(
      await demoOf({
        NODE_ENV: 'production',
        INTERNAL_SIGNING_SECRET: 'n8Vq2LxR7tKp4WzY9cHs3JdF6mBg1QeA5uTo0iNv',
        STRIPE_SECRET_KEY: 'sk_test_environment',
        STRIPE_WEBHOOK_SECRET: 'whsec_environment',
      }),
    ).toBe(false);
  });
});
