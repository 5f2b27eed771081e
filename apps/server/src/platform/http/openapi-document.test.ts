import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addOperationIds, documentTransform, operationIdOf } from './openapi-document';

describe('operation ids', () => {
  it('reads as the method and the path, parameters as "by"', () => {
    expect(operationIdOf('post', '/v1/stories/{id}/offers')).toBe('postStoriesByIdOffers');
    expect(operationIdOf('get', '/v1/feed')).toBe('getFeed');
    expect(operationIdOf('get', '/.well-known/jwks.json')).toBe('getWellKnownJwksJson');
    expect(operationIdOf('get', '/v1/play/{token}/{mediaId}/{*}')).toBe('getPlayByTokenByMediaIdRest');
  });

  it('keeps an id a route chose, and skips what is not an operation', () => {
    const doc = {
      paths: {
        '/v1/feed': { get: { operationId: 'readFeed' }, parameters: [] },
        '/v1/me': { get: {}, delete: {} },
      },
    };
    addOperationIds(doc);
    expect(doc.paths['/v1/feed']).toEqual({ get: { operationId: 'readFeed' }, parameters: [] });
    expect(doc.paths['/v1/me']).toEqual({ get: { operationId: 'getMe' }, delete: { operationId: 'deleteMe' } });
  });
});

describe('example bodies', () => {
  const route = (examples: { request?: unknown; response?: unknown }) =>
    ({
      url: '/v1/things',
      route: { method: 'POST', url: '/v1/things' },
      openapiObject: { openapi: '3.1.0' },
      schema: {
        body: z.object({ name: z.string().min(1) }),
        response: { 201: z.object({ id: z.string() }) },
        examples,
      },
    }) as unknown as Parameters<typeof documentTransform>[0];

  it('puts the request example on the body and the response example on the first 2xx answer', () => {
    const out = documentTransform(route({ request: { name: 'Moon jar' }, response: { id: 'a1' } })).schema as {
      body: { examples: unknown[] };
      response: Record<string, { examples: unknown[] }>;
      examples?: unknown;
    };
    expect(out.body.examples).toEqual([{ name: 'Moon jar' }]);
    expect(out.response['201']!.examples).toEqual([{ id: 'a1' }]);
    expect(out).not.toHaveProperty('examples');
  });

  it('refuses an example its schema refuses, naming the route', () => {
    expect(() => documentTransform(route({ request: { name: '' } }))).toThrow(/POST \/v1\/things: the request example/);
    expect(() => documentTransform(route({ response: { id: 1 } }))).toThrow(/the response example/);
  });
});
