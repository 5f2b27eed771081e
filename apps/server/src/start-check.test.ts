import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { describeStartProblems, productionStartProblems } from './start-check';

/** A production configuration with nothing left to a development stand-in. */
const completeProduction = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://video-window.example',
  DATABASE_URL: 'postgres://app@db.example:5432/video_window',
  DATA_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  LOOKUP_SECRET: randomBytes(36).toString('base64url'),
  INTERNAL_SIGNING_SECRET: randomBytes(36).toString('base64url'),
  SMTP_URL: 'smtp://mailer:secret@smtp.example:587',
  STRIPE_SECRET_KEY: 'sk_live_abc',
  STRIPE_WEBHOOK_SECRET: 'whsec_abc',
};

const settingsOf = (env: Record<string, string>) => productionStartProblems(loadConfig(env)).map((p) => p.setting);

describe('the production start check', () => {
  it('security review: production start check — production lists every development stand-in at once', () => {
    expect(settingsOf(completeProduction)).toEqual([]);
    // Nothing configured: every stand-in that would run is named, in one list.
    expect(settingsOf({ NODE_ENV: 'production' }).sort()).toEqual(
      [
        'DATA_ENCRYPTION_KEYS',
        'INTERNAL_SIGNING_SECRET',
        'LOOKUP_SECRET',
        'PUBLIC_URL',
        'SMTP_URL',
        'STRIPE_SECRET_KEY',
        'STRIPE_WEBHOOK_SECRET',
      ].sort(),
    );
    // A missing NODE_ENV is a production start.
    expect(settingsOf({})).toEqual(settingsOf({ NODE_ENV: 'production' }));
    // Outside production the stand-ins are the point.
    expect(settingsOf({ NODE_ENV: 'development' })).toEqual([]);
    expect(settingsOf({ NODE_ENV: 'test', DEV_MAILBOX: 'true', STRIPE_API_BASE: 'http://127.0.0.1:1' })).toEqual([]);
  });

  it('security review: production start check — development mailbox, SMS without credentials, test-only overrides and demo data', () => {
    const problems = settingsOf({
      ...completeProduction,
      DEV_MAILBOX: 'false',
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: 'AC123',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      GOOGLE_JWKS_URL: 'http://127.0.0.1:9/jwks',
      APPLE_JWKS_URL: 'http://127.0.0.1:9/apple',
      FCM_API_URL: 'http://127.0.0.1:9/fcm',
      SEED_DEMO_DATA: 'true',
    });
    expect(problems.sort()).toEqual(
      [
        'APPLE_JWKS_URL',
        'DEV_MAILBOX',
        'FCM_API_URL',
        'GOOGLE_JWKS_URL',
        'SEED_DEMO_DATA',
        'STRIPE_API_BASE',
        'TWILIO_AUTH_TOKEN',
        'TWILIO_FROM',
      ].sort(),
    );
    expect(settingsOf({ ...completeProduction, SEED_DEMO_DATA: 'false' })).toEqual([]);
  });

  it('security review: production start check — placeholder, repeated and shared secrets are refused', () => {
    expect(
      settingsOf({
        ...completeProduction,
        DATA_ENCRYPTION_KEYS: `test1:${Buffer.alloc(32, 7).toString('base64')}`,
        LOOKUP_SECRET: 'REPLACE_ME_REPLACE_ME_REPLACE_ME_REPLACE_ME',
        INTERNAL_SIGNING_SECRET: 'x'.repeat(40),
      }).sort(),
    ).toEqual(['DATA_ENCRYPTION_KEYS', 'INTERNAL_SIGNING_SECRET', 'LOOKUP_SECRET']);
    expect(settingsOf({ ...completeProduction, LOOKUP_SECRET: 'test-lookup-secret-test-lookup-secret-000' })).toEqual([
      'LOOKUP_SECRET',
    ]);
    expect(settingsOf({ ...completeProduction, INTERNAL_SIGNING_SECRET: completeProduction.LOOKUP_SECRET })).toEqual([
      'INTERNAL_SIGNING_SECRET',
    ]);
    expect(settingsOf({ ...completeProduction, DATA_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toEqual([
      'DATA_ENCRYPTION_KEYS',
    ]);
  });

  it('describes the problems one a line, with what to do', () => {
    const text = describeStartProblems(productionStartProblems(loadConfig({ NODE_ENV: 'production' })), {
      nodeEnvSet: false,
    });
    expect(text).toMatch(/^Refusing to start in production:/);
    expect(text).toMatch(/NODE_ENV is not set/);
    expect(text).toMatch(/^ {2}- STRIPE_SECRET_KEY: /m);
    expect(text).toMatch(/docs\/deployment\.md/);
  });
});

describe('the production checklist in docs/deployment.md', () => {
  it('names exactly the settings the start check can refuse', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/deployment.md'), 'utf8');
    const section = /^## Production checklist\n([\s\S]*?)\n## /m.exec(doc)?.[1] ?? '';
    const table = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| check'));
    const documented = new Set(
      table.flatMap((l) => [...l.matchAll(/`([A-Z][A-Z0-9_]+)(?:=[a-z]+)?`/g)].map((m) => m[1]!)),
    );
    documented.delete('SMS_PROVIDER');
    documented.delete('REPLACE_ME');
    const refusable = new Set([
      ...settingsOf({ NODE_ENV: 'production' }),
      ...settingsOf({
        ...completeProduction,
        DEV_MAILBOX: 'true',
        SMS_PROVIDER: 'twilio',
        STRIPE_API_BASE: 'http://127.0.0.1:1',
        GOOGLE_JWKS_URL: 'http://127.0.0.1:1/g',
        APPLE_JWKS_URL: 'http://127.0.0.1:1/a',
        FCM_API_URL: 'http://127.0.0.1:1/f',
        SEED_DEMO_DATA: 'true',
      }),
    ]);
    expect([...documented].sort()).toEqual([...refusable].sort());
  });
});
