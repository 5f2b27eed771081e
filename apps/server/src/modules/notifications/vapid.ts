import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import webpush from 'web-push';
import type { Config } from '../../config';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

const FILE = 'vapid.json';

/**
 * The server's VAPID identity for web push. Production takes it from configuration (web push is
 * off without it); elsewhere a key pair is generated once and kept in DATA_DIR, so browsers'
 * subscriptions survive restarts.
 */
export async function loadVapidKeys(config: Config): Promise<VapidKeys | null> {
  const subject = config.VAPID_SUBJECT;
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) {
    return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject };
  }
  if (config.NODE_ENV === 'production') return null;
  const file = path.resolve(config.DATA_DIR, FILE);
  const stored = await readKeys(file);
  if (stored) return { ...stored, subject };
  const generated = webpush.generateVAPIDKeys();
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // 'wx': when processes sharing DATA_DIR race, the first writer wins and the others read its keys.
    await writeFile(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: 'wx' });
    return { ...generated, subject };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const winner = await readKeys(file);
    if (!winner) throw new Error(`${file} is unreadable`);
    return { ...winner, subject };
  }
}

async function readKeys(file: string): Promise<{ publicKey: string; privateKey: string } | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { publicKey?: unknown; privateKey?: unknown };
    if (typeof parsed.publicKey === 'string' && typeof parsed.privateKey === 'string') {
      return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
    }
    return null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
