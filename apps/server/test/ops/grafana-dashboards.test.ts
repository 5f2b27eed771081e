import { describe, expect, it } from 'vitest';
import { startTestServer } from '../harness';
import { filesUnder, read, yamlDocument } from './deploy-files';

interface Panel {
  type: string;
  title: string;
  targets?: { expr: string }[];
  datasource?: { uid: string };
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; query: unknown }[] };
}

// Metrics the dashboards chart ahead of the code that will record them (named as agreed). Remove a
// name once the server exposes it; the test then holds it to existing.
const ANNOUNCED = new Set(['jobs_failed_total', 'transcode_seconds']);

const dashboards = filesUnder('deploy/grafana/dashboards', ['.json']).map((f) => JSON.parse(read(f)) as Dashboard);
const exprs = dashboards.flatMap((d) => d.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)));
const charted = new Set(exprs.flatMap((e) => [...e.matchAll(/([a-z_:][a-z0-9_:]*)\{/g)].map((m) => m[1]!)));

/** Metric families the running product exposes on /metrics. */
async function exposedMetrics(): Promise<Set<string>> {
  const runtime = await startTestServer();
  try {
    const res = await runtime.app!.inject({ method: 'GET', url: '/metrics' });
    return new Set([...res.body.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
  } finally {
    await runtime.stop();
  }
}

/** Whether the server's source registers a metric of this name (some register on first use). */
function registeredInSource(name: string): boolean {
  return filesUnder('apps/server/src', ['.ts'])
    .filter((f) => !f.endsWith('.test.ts'))
    .some((f) => read(f).includes(`'${name}'`));
}

describe('Grafana dashboards', () => {
  it('chart the service and marketplace metrics by their exact names', () => {
    expect(dashboards.map((d) => d.uid).sort()).toEqual(['video-window-marketplace', 'video-window-service']);
    const all = exprs.join('\n');
    for (const q of ['0.5', '0.95', '0.99']) {
      expect(all).toContain(`histogram_quantile(${q}, sum by (le, route) (rate(http_request_duration_seconds_bucket`);
    }
    expect(all).toContain('sum by (status) (rate(http_request_duration_seconds_count');
    expect(all).toContain('sum by (code) (rate(bids_refused_total');
    for (const name of [
      'job_queue_depth',
      'websocket_connections',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_p99_seconds',
      'bids_accepted_total',
      'auction_ends_total',
      'webhook_lag_seconds_bucket',
      'jobs_failed_total',
      'transcode_seconds_bucket',
    ]) {
      expect(charted, name).toContain(name);
    }
    for (const d of dashboards) {
      expect(d.templating.list.map((v) => v.name)).toContain('datasource');
      for (const p of d.panels.filter((p) => p.type !== 'row'))
        expect(p.datasource?.uid, p.title).toBe('${datasource}');
    }
  });

  it(
    'reference only metrics the server exposes (or announced ones still being built)',
    { timeout: 60_000 },
    async () => {
      const exposed = await exposedMetrics();
      expect(exposed).toContain('http_request_duration_seconds');
      const missing = [...charted].filter((name) => {
        const family = name.replace(/_(bucket|sum|count)$/, '');
        return !exposed.has(name) && !exposed.has(family) && !registeredInSource(family) && !ANNOUNCED.has(family);
      });
      expect(missing).toEqual([]);
    },
  );

  it('are provisioned from a file provider and a Prometheus data source', () => {
    const provider = yamlDocument<{ providers: { type: string; options: { path: string } }[] }>(
      'deploy/grafana/provisioning/dashboards/video-window.yaml',
    );
    expect(provider.providers[0]).toMatchObject({
      type: 'file',
      options: { path: '/var/lib/grafana/dashboards/video-window' },
    });
    const sources = yamlDocument<{ datasources: { type: string }[] }>(
      'deploy/grafana/provisioning/datasources/prometheus.yaml',
    );
    expect(sources.datasources[0]!.type).toBe('prometheus');
  });
});
