import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import { browserKeys } from './test-push-service';

let runtime: Runtime;
let user: Session;

beforeAll(async () => {
  runtime = await startTestServer();
  user = await apiClient(runtime).signIn('push-ssrf@example.com');
}, 60_000);
afterAll(async () => runtime?.stop());

describe('security review: web-push SSRF — subscriptions whose endpoint resolves to a private address are refused', () => {
  it('refuses loopback, private and link-local endpoints, literal or by name, without connecting to them', async () => {
    const keys = browserKeys();
    for (const endpoint of [
      'http://127.0.0.1:9/push/x',
      'https://127.0.0.1/push/x',
      'http://10.0.0.1/push/x',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/push/x',
      'https://[::ffff:127.0.0.1]/push/x',
      'http://localhost:9/push/x',
      'https://localhost/push/x',
    ]) {
      const res = await apiClient(runtime).call<{ error: { code: string } }>(
        'POST',
        '/v1/notifications/web-push/subscriptions',
        {
          token: user.accessToken,
          body: { endpoint, expirationTime: null, keys: { p256dh: keys.p256dh, auth: keys.auth } },
        },
      );
      expect(res.status, endpoint).toBe(422);
      expect(res.body.error.code, endpoint).toBe('invalid_push_endpoint');
    }
  });
});
