import { describe, expect, it } from 'vitest';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import { traceIdOf } from './trace-context';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('trace context', () => {
  it('reads the trace id of a well-formed traceparent only', () => {
    expect(traceIdOf(`00-${TRACE}-00f067aa0ba902b7-01`)).toBe(TRACE);
    expect(traceIdOf(`00-${'0'.repeat(32)}-00f067aa0ba902b7-01`)).toBeNull();
    expect(traceIdOf('00-xyz-00f067aa0ba902b7-01')).toBeNull();
    expect(traceIdOf(undefined)).toBeNull();
    expect(traceIdOf(['a', 'b'])).toBeNull();
  });

  it('puts the propagated trace id on the request log lines beside the request id', async () => {
    const logLines: string[] = [];
    const runtime = await startTestServer({ logLines });
    try {
      const api = apiClient(runtime);
      await api.call('GET', '/health', {
        headers: { traceparent: `00-${TRACE}-00f067aa0ba902b7-01`, 'x-request-id': 'traced-req-0001' },
      });
      await api.call('GET', '/health', { headers: { 'x-request-id': 'untraced-req-01' } });
      const traced = logLines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.reqId === 'traced-req-0001');
      expect(traced.length).toBeGreaterThan(0);
      for (const line of traced) expect(line.traceId).toBe(TRACE);
      const untraced = logLines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.reqId === 'untraced-req-01');
      expect(untraced.length).toBeGreaterThan(0);
      for (const line of untraced) expect(line.traceId).toBeUndefined();
    } finally {
      await runtime.stop();
    }
  });
});
