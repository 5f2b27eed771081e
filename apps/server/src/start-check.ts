import { configSchema, type Config } from './config';

/** One reason a production start would fall back on a development stand-in. */
export interface StartProblem {
  setting: string;
  problem: string;
}

/** Words only a placeholder or a hand-written value holds; a random secret has them by no chance. */
const PLACEHOLDER = /replace|change.?me|example|placeholder|password|lookup-secret|signing-secret/i;

/** Endpoints that tests point at local stand-ins; production talks to the real services. */
const TEST_ONLY_URLS = ['GOOGLE_JWKS_URL', 'APPLE_JWKS_URL', 'FCM_API_URL'] as const;

function weakSecret(value: string): string | null {
  if (PLACEHOLDER.test(value)) return 'looks like a placeholder';
  if (new Set(value).size < 8) return 'is not random (too few distinct characters)';
  return null;
}

function weakDataKeys(value: string): string | null {
  for (const part of value.split(',')) {
    const [id, b64] = part.trim().split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) return 'entries are id:base64 of 32 random bytes';
    // 32 random bytes hold ~30 distinct values; a key of a few repeated bytes was written by hand.
    if (new Set(key).size < 16) return `key "${id}" is not random`;
  }
  return null;
}

/**
 * Everything that would make a production process (NODE_ENV=production, or unset) run on a
 * development stand-in: local payments, the development mailbox, generated secrets, test-only
 * overrides, demo data. Empty outside production, where the stand-ins are the point. The one
 * place docs/deployment.md's production checklist describes.
 */
export function productionStartProblems(config: Config): StartProblem[] {
  if (config.NODE_ENV !== 'production') return [];
  const problems: StartProblem[] = [];
  const add = (setting: string, problem: string) => problems.push({ setting, problem });
  const required = (setting: keyof Config, why: string) => {
    if (!config[setting]) add(setting, `required in production (${why})`);
  };

  required('STRIPE_SECRET_KEY', 'without it the local payment provider would take payments that move no money');
  required('STRIPE_WEBHOOK_SECRET', 'payments are confirmed only by signed Stripe webhooks');
  if (config.STRIPE_API_BASE) add('STRIPE_API_BASE', 'test-only override of the Stripe API; remove it');
  for (const name of TEST_ONLY_URLS) {
    if (config[name] !== configSchema.shape[name].parse(undefined)) {
      add(name, 'test-only override of a provider endpoint; remove it');
    }
  }

  if (config.DEV_MAILBOX !== undefined)
    add('DEV_MAILBOX', 'the development mailbox never runs in production; remove it');
  required('SMTP_URL', 'sign-in codes and notices are sent by email; without it they would go nowhere');
  if (config.SMS_PROVIDER === 'twilio') {
    for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const) {
      required(name, 'SMS_PROVIDER is twilio');
    }
  }
  required('PUBLIC_URL', 'links in emails and payment returns');

  required('DATA_ENCRYPTION_KEYS', 'otherwise a key would be generated into DATA_DIR');
  if (config.DATA_ENCRYPTION_KEYS) {
    const weak = weakDataKeys(config.DATA_ENCRYPTION_KEYS);
    if (weak) add('DATA_ENCRYPTION_KEYS', weak);
  }
  for (const name of ['LOOKUP_SECRET', 'INTERNAL_SIGNING_SECRET'] as const) {
    const value = config[name];
    if (!value) {
      add(name, 'required in production (otherwise one would be generated into DATA_DIR)');
      continue;
    }
    const weak = weakSecret(value);
    if (weak) add(name, weak);
  }
  if (config.INTERNAL_SIGNING_SECRET && config.INTERNAL_SIGNING_SECRET === config.LOOKUP_SECRET) {
    add('INTERNAL_SIGNING_SECRET', 'must differ from LOOKUP_SECRET');
  }

  if (config.SEED_DEMO_DATA) add('SEED_DEMO_DATA', 'demo makers and stories never go into production; remove it');
  return problems;
}

/** The message a refused start prints: every problem, one a line, and where the checklist is. */
export function describeStartProblems(problems: StartProblem[], options: { nodeEnvSet: boolean }): string {
  const lines = ['Refusing to start in production:'];
  if (!options.nodeEnvSet) {
    lines.push(
      '  (NODE_ENV is not set, so this is a production start; for the embedded development defaults set NODE_ENV=development, as `npm start` does)',
    );
  }
  for (const p of problems) lines.push(`  - ${p.setting}: ${p.problem}`);
  lines.push('See "Production checklist" in docs/deployment.md.');
  return lines.join('\n');
}
