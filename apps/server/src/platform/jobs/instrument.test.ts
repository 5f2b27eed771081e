import type { JobHelpers } from 'graphile-worker';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { Metrics } from '../metrics';
import { instrumentTasks } from './instrument';

const helpers = { job: { id: '1', attempts: 1 } } as unknown as JobHelpers;

describe('instrumented tasks', () => {
  it('times every run by task and outcome and counts failed attempts, still failing the job', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    const tasks = instrumentTasks(
      {
        'demo.ok': async () => {},
        'demo.broken': async () => {
          throw new Error('boom');
        },
      },
      metrics,
      createLogger('silent'),
    );
    await tasks['demo.ok']!({}, helpers);
    await expect(tasks['demo.broken']!({}, helpers)).rejects.toThrow('boom');
    await expect(tasks['demo.broken']!({}, helpers)).rejects.toThrow('boom');
    const text = await metrics.registry.metrics();
    expect(text).toContain('jobs_failed_total{task="demo.broken"} 2');
    expect(text).not.toContain('jobs_failed_total{task="demo.ok"}');
    expect(text).toContain('job_duration_seconds_count{task="demo.ok",outcome="ok"} 1');
    expect(text).toContain('job_duration_seconds_count{task="demo.broken",outcome="failed"} 2');
  });
});
