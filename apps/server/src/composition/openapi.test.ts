import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  requestBody?: { content?: Record<string, { example?: unknown; examples?: unknown }> };
}

describe('the published OpenAPI document', () => {
  it('gives every operation a unique id, a summary, a description and an example body, and opens with the quick start', async () => {
    const doc = (await buildOpenApiDocument()) as {
      info: { description: string };
      paths: Record<string, Record<string, Operation>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, ...op })),
    );
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((op) => !op.operationId).map((op) => op.key)).toEqual([]);
    expect(operations.filter((op) => !op.summary).map((op) => op.key)).toEqual([]);
    expect(operations.filter((op) => !op.description).map((op) => op.key)).toEqual([]);
    const jsonBodies = operations.filter((op) => op.requestBody?.content?.['application/json']);
    expect(jsonBodies.length).toBeGreaterThan(30);
    expect(
      jsonBodies
        .filter(({ requestBody }) => {
          const media = requestBody!.content!['application/json']!;
          return media.example === undefined && media.examples === undefined;
        })
        .map((op) => op.key),
    ).toEqual([]);
    const ids = operations.map((op) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(doc.info.description).toContain('curl -X POST localhost:8080/v1/auth/email/start');
    expect(doc.info.description).toContain('/v1/dev/mailbox?to=you@example.com');
  }, 60_000);
});
