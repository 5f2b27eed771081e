import { describe, expect, it } from 'vitest';
import { addOperationIds, operationIdOf } from './openapi-document';

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
