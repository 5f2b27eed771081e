import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics';
import type { ReadinessReport } from './readiness';

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The operations port (METRICS_PORT): `/metrics`, detailed `/ready` and `/health`, for the
 * scraper and the probes inside the cluster. It is never published: the detail it gives (error
 * text of failed checks, every metric) is not for the public port. Nothing else is served.
 */
export async function startOpsServer(options: {
  metrics: Metrics;
  readiness: () => Promise<ReadinessReport>;
  port: number;
  host: string;
}): Promise<OpsServer> {
  const { metrics } = options;
  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && url === '/health') {
      json(res, 200, { status: 'ok' });
    } else if (req.method === 'GET' && url === '/ready') {
      options.readiness().then(
        (r) => json(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not_ready', checks: r.checks }),
        () => json(res, 503, { status: 'not_ready' }),
      );
    } else if (req.method === 'GET' && url === '/metrics') {
      metrics.registry.metrics().then(
        (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
    } else {
      json(res, 404, { error: { code: 'not_found', message: 'Not found' } });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
