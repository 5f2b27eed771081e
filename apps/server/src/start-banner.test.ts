import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { startBanner } from './start-banner';

const embedded = 'postgres://postgres:postgres@127.0.0.1:54329/video_window';

describe('start banner', () => {
  it('names the app, the API docs, the mailbox and the embedded database in development', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    const banner = startBanner(config, { url: 'http://0.0.0.0:8080', databaseUrl: embedded });
    expect(banner).toContain('App:      http://localhost:8080/');
    expect(banner).toContain('API docs: http://localhost:8080/docs');
    expect(banner).toContain('Mailbox:  http://localhost:8080/v1/dev/mailbox?to=you@example.com');
    expect(banner).toContain(`Database: ${embedded} (embedded, in ./.data)`);
  });

  it('uses the public address, and leaves out what is not there', () => {
    const config = loadConfig({
      NODE_ENV: 'development',
      PUBLIC_URL: 'https://dev.video-window.example/',
      DATABASE_URL: 'postgres://someone:secret@db.internal/vw',
      SMTP_URL: 'smtp://127.0.0.1:2525',
    });
    const banner = startBanner(config, { url: 'http://127.0.0.1:8080', databaseUrl: config.DATABASE_URL! })!;
    expect(banner).toContain('App:      https://dev.video-window.example/');
    expect(banner).not.toContain('Mailbox');
    // An external database's credentials are never printed.
    expect(banner).not.toContain('secret');
  });

  it('prints nothing in production or without an API', () => {
    const dev = loadConfig({ NODE_ENV: 'development' });
    expect(startBanner(dev, { url: null, databaseUrl: embedded })).toBeNull();
    const production = { ...dev, NODE_ENV: 'production' as const };
    expect(startBanner(production, { url: 'http://0.0.0.0:8080', databaseUrl: embedded })).toBeNull();
  });
});
