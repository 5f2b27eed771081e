import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

describe('the published OpenAPI document', () => {
  it('gives every operation a unique id and a summary, and opens with the quick start', async () => {
    const doc = (await buildOpenApiDocument()) as {
      info: { description: string };
      paths: Record<string, Record<string, { operationId?: string; summary?: string }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, ...op })),
    );
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((op) => !op.operationId).map((op) => op.key)).toEqual([]);
    expect(operations.filter((op) => !op.summary).map((op) => op.key)).toEqual([]);
    const ids = operations.map((op) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(doc.info.description).toContain('curl -X POST localhost:8080/v1/auth/email/start');
    expect(doc.info.description).toContain('/v1/dev/mailbox?to=you@example.com');
  }, 60_000);
});
