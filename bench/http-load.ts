// An HTTP load generator in its own process (autocannon), so that it never shares the event loop
// or a core's time slice accounting with the server it measures. Settings come from argv as JSON:
// { base, requests: [{ path, headers? }], connections, duration }; each connection sends the
// requests in turn. Prints autocannon's figures as one JSON line.
import autocannon from 'autocannon';

const settings = JSON.parse(process.argv[2] ?? '{}') as {
  base: string;
  requests: { path: string; headers?: Record<string, string> }[];
  connections: number;
  duration: number;
};
const result = await autocannon({
  url: settings.base,
  connections: settings.connections,
  duration: settings.duration,
  pipelining: 1,
  requests: settings.requests.map((r) => ({
    method: 'GET',
    path: r.path,
    ...(r.headers ? { headers: r.headers } : {}),
  })),
});
console.log(
  JSON.stringify({
    rps: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }),
);
