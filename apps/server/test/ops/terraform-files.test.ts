import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../src/config';
import { filesUnder, read } from './deploy-files';

// No Terraform run here (it needs the providers from its registry): these checks catch what a
// plain text can — unbalanced blocks and references to things that are not declared.
const files = filesUnder('deploy/terraform', ['.tf']);
const sources = Object.fromEntries(files.map((f) => [f, read(f)]));
// Comments and string contents aside from interpolations do not count as references.
const code = Object.values(sources)
  .join('\n')
  .replace(/^\s*#.*$/gm, '');

const declared = (pattern: RegExp): Set<string> =>
  new Set([...code.matchAll(pattern)].map((m) => m.slice(1).join('.')));

describe('Terraform for AWS', () => {
  it('has the conventional files and balanced blocks', () => {
    const names = files.map((f) => f.split('/').pop());
    expect(names).toEqual(expect.arrayContaining(['versions.tf', 'variables.tf', 'outputs.tf']));
    for (const [file, text] of Object.entries(sources)) {
      const withoutStrings = text.replace(/^\s*#.*$/gm, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
      const count = (c: string) => withoutStrings.split(c).length - 1;
      expect(count('{'), file).toBe(count('}'));
      expect(count('['), file).toBe(count(']'));
      expect(count('('), file).toBe(count(')'));
    }
  });

  it('references only declared variables, locals, resources and data sources', () => {
    const variables = declared(/^variable "([a-z0-9_]+)"/gm);
    const locals = new Set(
      [...code.matchAll(/^locals \{([\s\S]*?)^\}/gm)].flatMap((m) =>
        [...m[1]!.matchAll(/^ {2}([a-z0-9_]+)\s+=/gm)].map((l) => l[1]!),
      ),
    );
    const resources = declared(/^resource "([a-z0-9_]+)" "([a-z0-9_]+)"/gm);
    const dataSources = declared(/^data "([a-z0-9_]+)" "([a-z0-9_]+)"/gm);
    for (const m of code.matchAll(/\bvar\.([a-z0-9_]+)/g)) expect(variables, `var.${m[1]}`).toContain(m[1]);
    for (const m of code.matchAll(/\blocal\.([a-z0-9_]+)/g)) expect(locals, `local.${m[1]}`).toContain(m[1]);
    for (const m of code.matchAll(/\bdata\.([a-z0-9_]+)\.([a-z0-9_]+)/g))
      expect(dataSources, m[0]).toContain(`${m[1]}.${m[2]}`);
    const withoutData = code.replace(/\bdata\.[a-z0-9_]+\.[a-z0-9_]+/g, '');
    for (const m of withoutData.matchAll(/\b((?:aws|random)_[a-z0-9_]+)\.([a-z0-9_]+)/g)) {
      expect(resources, m[0]).toContain(`${m[1]}.${m[2]}`);
    }
    expect(variables.size).toBeGreaterThan(10);
    expect(resources.size).toBeGreaterThan(30);
  });

  it('builds what the product needs: network, ECS api and worker, RDS with recovery, Redis, S3, CloudFront, secrets, logs', () => {
    const resources = declared(/^resource "([a-z0-9_]+)" "([a-z0-9_]+)"/gm);
    for (const r of [
      'aws_vpc.main',
      'aws_nat_gateway.main',
      'aws_ecs_service.api',
      'aws_ecs_service.worker',
      'aws_lb.main',
      'aws_db_instance.main',
      'aws_elasticache_replication_group.main',
      'aws_s3_bucket.media',
      'aws_s3_bucket_lifecycle_configuration.media',
      'aws_cloudfront_distribution.main',
      'aws_cloudfront_origin_access_control.media',
      'aws_secretsmanager_secret.app',
      'aws_cloudwatch_log_group.api',
      'aws_cloudwatch_log_group.worker',
      'aws_appautoscaling_target.api',
    ]) {
      expect(resources, r).toContain(r);
    }
    const db = sources['deploy/terraform/database.tf']!;
    expect(db).toMatch(/engine\s+= "postgres"/);
    expect(db).toMatch(/family = "postgres18"/);
    expect(db).toMatch(/multi_az\s+= true/);
    expect(db).toMatch(/storage_encrypted\s+= true/);
    expect(db).toMatch(/backup_retention_period\s+= var\.db_backup_retention_days/);
    expect(sources['deploy/terraform/variables.tf']).toMatch(/variable "db_engine_version" \{[^}]*default\s+= "18"/);
    expect(sources['deploy/terraform/storage.tf']).toMatch(/prefix = "uploads\/"/);
    expect(code).toMatch(/ROLES = "api"/);
    expect(code).toMatch(/ROLES = "worker"/);
  });

  it('hands the tasks only settings the server reads', () => {
    const settingNames = new Set(Object.keys(configSchema.shape));
    // Interpolations (`${…}`) hold braces of their own.
    const ecs = sources['deploy/terraform/ecs.tf']!.replace(/\$\{[^}]*\}/g, '');
    const secrets = sources['deploy/terraform/secrets.tf']!.replace(/\$\{[^}]*\}/g, '');
    const environment = /environment = merge\(\s*\{([\s\S]*?)\}/.exec(ecs)![1]!;
    const generated = /generated_secrets = \{([\s\S]*?)\}/.exec(secrets)![1]!;
    const names = [...`${environment}\n${generated}`.matchAll(/^\s+([A-Z][A-Z0-9_]+)\s+=/gm)].map((m) => m[1]!);
    names.push('CLOUDFRONT_PRIVATE_KEY', 'ROLES');
    expect(names).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'REDIS_URL',
        'DATA_ENCRYPTION_KEYS',
        'LOOKUP_SECRET',
        'INTERNAL_SIGNING_SECRET',
        'TRUST_PROXY',
        'METRICS_PORT',
      ]),
    );
    for (const name of names) expect(settingNames, name).toContain(name);
    // CloudFront and the ALB each append to X-Forwarded-For: two hops, never `true`.
    const trustProxy = /^\s+TRUST_PROXY\s+=\s+"([^"]*)"/m.exec(environment)?.[1];
    expect(trustProxy).toBe('2');
    expect(loadConfig({ TRUST_PROXY: trustProxy }).TRUST_PROXY).toBe(2);
  });
});
