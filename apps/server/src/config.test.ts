import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(8080);
    expect(c.DATA_DIR).toBe('./.data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.ROLES).toEqual({ api: true, worker: true });
    expect(c.AUCTION_DURATION_SECONDS).toBe(259200);
    expect(c.SOFT_CLOSE_SECONDS).toBe(600);
    expect(c.PAYMENT_WINDOW_SECONDS).toBe(86400);
    expect(c.OTP_SENDS_PER_IP_PER_HOUR).toBe(30);
    expect(c.PLAYBACK_TOKEN_SECONDS).toBe(300);
    expect(c.NODE_ENV).toBe('production');
  });

  it('reads roles and lists', () => {
    expect(loadConfig({ ROLES: 'worker' }).ROLES).toEqual({ api: false, worker: true });
    expect(loadConfig({ ROLES: 'api' }).ROLES).toEqual({ api: true, worker: false });
    expect(loadConfig({ ADMIN_EMAILS: 'a@x.com, b@y.com' }).ADMIN_EMAILS).toEqual(['a@x.com', 'b@y.com']);
  });

  it('lists every bad variable with a clear message', () => {
    try {
      loadConfig({ PORT: 'eighty', ROLES: 'api,cook', DATABASE_URL: 'nope' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('ROLES');
      expect(msg).toContain('DATABASE_URL');
    }
  });

  it('never enables the development mailbox in production (what production requires is the start check)', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).devMailbox).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEV_MAILBOX: 'true' }).devMailbox).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).devMailbox).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SMTP_URL: 'smtp://mail.example:587' }).devMailbox).toBe(false);
  });

  it('security review: development mailbox fails open — stand-ins only with NODE_ENV=development or test', () => {
    // A missing NODE_ENV is a production start: it never switches a development stand-in on.
    const unset = loadConfig({});
    expect(unset.NODE_ENV).toBe('production');
    expect(unset.devMailbox).toBe(false);
    expect(loadConfig({ DEV_MAILBOX: 'true' }).devMailbox).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).devMailbox).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).devMailbox).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SMTP_URL: 'smtp://mail.example:587' }).devMailbox).toBe(false);
  });
});
