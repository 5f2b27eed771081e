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
 * Secrets come from configuration in production. Outside production, anything not configured is
 * generated once and kept in `DATA_DIR/secrets.json` (mode 0600) so restarts keep data readable.
 */
export async function loadSecrets(config: Config): Promise<Secrets> {
  let file: SecretFile | undefined;
  const needFile = !config.DATA_ENCRYPTION_KEYS || !config.LOOKUP_SECRET;
  if (needFile || config.NODE_ENV !== 'production') {
    const p = path.resolve(config.DATA_DIR, 'secrets.json');
    if (existsSync(p)) {
      file = JSON.parse(await readFile(p, 'utf8')) as SecretFile;
    } else {
      file = {
        dataKey: randomBytes(32).toString('base64'),
        lookupSecret: randomBytes(32).toString('base64url'),
        internalSigningSecret: randomBytes(32).toString('base64url'),
      };
      await mkdir(path.dirname(p), { recursive: true });
      await writeFile(p, JSON.stringify(file, null, 2), { mode: 0o600 });
    }
  }
  const cipher = config.DATA_ENCRYPTION_KEYS
    ? PersonalDataCipher.fromConfig(config.DATA_ENCRYPTION_KEYS)
    : new PersonalDataCipher([{ id: 'local', key: Buffer.from(file!.dataKey, 'base64') }]);
  const lookupSecret = config.LOOKUP_SECRET ?? file!.lookupSecret;
  return {
    cipher,
    lookup: new LookupHasher(lookupSecret),
    internalSigningSecret: file?.internalSigningSecret ?? lookupSecret,
  };
}
