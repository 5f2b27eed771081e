import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import { ERROR_CODES } from '../errors';
import type { Runtime } from '../../composition/runtime';
import { ERROR_STATUS, errorStatus } from './error-status';

describe('the status table', () => {
  it('gives every error code a 4xx or 5xx status, and knows no other code', () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      expect(errorStatus(code), code).toBeGreaterThanOrEqual(400);
      expect(errorStatus(code), code).toBeLessThan(600);
    }
  });

  it('keeps the statuses clients already rely on', () => {
    expect(errorStatus('story_not_found')).toBe(404);
    expect(errorStatus('bid_too_low')).toBe(422);
    expect(errorStatus('auction_ended')).toBe(409);
    expect(errorStatus('authentication_required')).toBe(401);
    expect(errorStatus('too_large')).toBe(413);
    expect(errorStatus('sign_in_locked')).toBe(429);
  });
});

describe('at the HTTP edge', () => {
  let runtime: Runtime;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    runtime = await startTestServer();
    api = apiClient(runtime);
  });
  afterAll(async () => runtime.stop());

  it("answers a domain error with its code's status and the uniform body", async () => {
    const res = await api.call<{ error: { code: string; message: string } }>(
      'GET',
      '/v1/stories/00000000-0000-4000-8000-000000000000',
    );
    expect(res.status).toBe(errorStatus('story_not_found'));
    expect(res.body.error).toMatchObject({ code: 'story_not_found', message: expect.any(String) as string });
  });

  it('lists every error code in the OpenAPI document as the ErrorCode schema', async () => {
    const doc = await api.call<{ components: { schemas: Record<string, { enum?: string[] }> } }>(
      'GET',
      '/openapi.json',
    );
    expect([...(doc.body.components.schemas.ErrorCode?.enum ?? [])].sort()).toEqual([...ERROR_CODES].sort());
    expect(JSON.stringify(doc.body.components.schemas.ErrorBody)).toContain('#/components/schemas/ErrorCode');
  });
});
