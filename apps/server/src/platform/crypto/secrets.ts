import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config';
import { LookupHasher, PersonalDataCipher } from './envelope';

export interface Secrets {
  cipher: PersonalDataCipher;
  lookup: LookupHasher;
  /** Signs events of the local payment provider and other internal tokens. */
  internalSigningSecret: string;
}

interface SecretFile {
  dataKey: string;
  lookupSecret: string;
  internalSigningSecret: string;
}

/**
 * Secrets come from configuration in production, each its own setting (the start check refuses a
 * production start without them). Outside production, anything not configured is generated once
 * and kept in `DATA_DIR/secrets.json` (mode 0600) so restarts keep data readable.
 */
export async function loadSecrets(config: Config): Promise<Secrets> {
  if (config.NODE_ENV === 'production') {
    const missing = (['DATA_ENCRYPTION_KEYS', 'LOOKUP_SECRET', 'INTERNAL_SIGNING_SECRET'] as const).filter(
      (name) => !config[name],
    );
    if (missing.length) throw new Error(`${missing.join(', ')}: required in production`);
    return {
      cipher: PersonalDataCipher.fromConfig(config.DATA_ENCRYPTION_KEYS!),
      lookup: new LookupHasher(config.LOOKUP_SECRET!),
      internalSigningSecret: config.INTERNAL_SIGNING_SECRET!,
    };
  }
  const file = await generatedSecrets(config.DATA_DIR);
  return {
    cipher: config.DATA_ENCRYPTION_KEYS
      ? PersonalDataCipher.fromConfig(config.DATA_ENCRYPTION_KEYS)
      : new PersonalDataCipher([{ id: 'local', key: Buffer.from(file.dataKey, 'base64') }]),
    lookup: new LookupHasher(config.LOOKUP_SECRET ?? file.lookupSecret),
    internalSigningSecret: config.INTERNAL_SIGNING_SECRET ?? file.internalSigningSecret,
  };
}

async function generatedSecrets(dataDir: string): Promise<SecretFile> {
  const p = path.resolve(dataDir, 'secrets.json');
  if (existsSync(p)) return JSON.parse(await readFile(p, 'utf8')) as SecretFile;
  const file: SecretFile = {
    dataKey: randomBytes(32).toString('base64'),
    lookupSecret: randomBytes(32).toString('base64url'),
    internalSigningSecret: randomBytes(32).toString('base64url'),
  };
  await mkdir(path.dirname(p), { recursive: true });
  await writeFile(p, JSON.stringify(file, null, 2), { mode: 0o600 });
  return file;
}
