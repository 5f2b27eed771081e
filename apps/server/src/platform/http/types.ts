import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** The Fastify instance every module registers its routes on (zod schemas, typed handlers). */
export type HttpApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Who is calling, once the access token has been checked. */
export interface Caller {
  userId: string;
  sessionId: string;
  roles: string[];
  /** Roles the account holds but may not use until it turns TOTP on (the guard answers `totp_required`). */
  rolesAwaitingTotp?: string[];
  /** When the access token presented runs out (long-lived connections close then). */
  expiresAt?: Date;
  /** The language the account chose to be written to in (null: none chosen), read with the session. */
  locale?: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}
