// The search benchmark's load generator, in its own process so that it never shares the event loop
// or a core's time slice accounting with the server it measures. Reads its settings from argv as
// JSON ({ base, paths, connections, duration }) and prints autocannon's figures as JSON.
import autocannon from 'autocannon';

const settings = JSON.parse(process.argv[2] ?? '{}') as {
  base: string;
  paths: string[];
  connections: number;
  duration: number;
};
const result = await autocannon({
  url: settings.base,
  connections: settings.connections,
  duration: settings.duration,
  pipelining: 1,
  // Each connection walks the mix in turn.
  requests: settings.paths.map((path) => ({ method: 'GET', path })),
});
console.log(
  JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }),
);
