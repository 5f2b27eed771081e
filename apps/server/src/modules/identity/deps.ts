import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Secrets } from '../../platform/crypto/secrets';
import type { Database } from '../../platform/db/client';
import type { SessionService } from './sessions';

/** What the identity use cases need. */
export interface IdentityDeps {
  db: Database;
  clock: Clock;
  config: Config;
  secrets: Secrets;
  sessions: SessionService;
}
