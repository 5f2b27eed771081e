// Feed page (20 items) through the product vs a bare Fastify route returning the same body.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { ratio, type Bench } from './support';

export interface Load {
  rps: number;
  p99: number;
  errors: number;
}

export async function load(url: string, connections: number, duration: number): Promise<Load> {
  const result = await autocannon({ url, connections, duration, pipelining: 1 });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

export async function benchFeed(bench: Bench, connections: number, duration: number): Promise<string[]> {
  const path = '/v1/feed?limit=20';
  const sample = await fetch(`${bench.base}${path}`);
  const body = await sample.text();
  const items = (JSON.parse(body) as { items: unknown[] }).items.length;
  if (items !== 20) throw new Error(`the feed returned ${items} items, not 20`);
  await load(`${bench.base}${path}`, 8, 2); // warm-up: JIT, pool, prepared plans
  const product = await load(`${bench.base}${path}`, connections, duration);

  const bare = Fastify();
  bare.get('/feed', async (_req, reply) => reply.type('application/json').send(body));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  await load(`${bareUrl}/feed`, 8, 2);
  const baseline = await load(`${bareUrl}/feed`, connections, duration);
  await bare.close();
  return [
    `feed (20 items, ${connections} connections, ${duration} s): ${product.rps.toFixed(0)} req/s, p99 ${product.p99} ms, errors ${product.errors}`,
    `  bare Fastify constant: ${baseline.rps.toFixed(0)} req/s, p99 ${baseline.p99} ms → throughput ${ratio(product.rps, baseline.rps)}, p99 ×${(product.p99 / Math.max(baseline.p99, 1)).toFixed(1)}`,
  ];
}
