import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors';
import type { Caller } from './types';

export type Authenticate = (bearer: string) => Promise<Caller>;
export type Role = 'viewer' | 'maker' | 'admin';

/** Route guards: put one in a route's `preHandler`. */
export interface AuthGuard {
  /** A valid access token for an active account. */
  requireUser: (req: FastifyRequest) => Promise<void>;
  /** As `requireUser`, plus the role. */
  requireRole: (role: Role) => (req: FastifyRequest) => Promise<void>;
  /** Reads the caller when a token is sent; anonymous otherwise (a bad token is still a 401). */
  optionalUser: (req: FastifyRequest) => Promise<void>;
}

function bearerOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new DomainError('invalid_token', 'Use "Authorization: Bearer <accessToken>"');
  return match[1]!;
}

export function createAuthGuard(authenticate: Authenticate): AuthGuard {
  const requireUser = async (req: FastifyRequest) => {
    const bearer = bearerOf(req);
    if (!bearer) throw new DomainError('authentication_required', 'Sign in to do this');
    req.caller = await authenticate(bearer);
  };
  return {
    requireUser,
    requireRole: (role) => async (req) => {
      await requireUser(req);
      const caller = req.caller!;
      if (caller.roles.includes(role)) return;
      if (caller.rolesAwaitingTotp?.includes(role)) {
        throw new DomainError('totp_required', `Turn on two-factor authentication to act as ${role}`);
      }
      throw new DomainError('forbidden', `This needs the ${role} role`);
    },
    optionalUser: async (req) => {
      const bearer = bearerOf(req);
      req.caller = bearer ? await authenticate(bearer) : null;
    },
  };
}

/** The caller of a guarded route (the guard has run). */
export function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw new DomainError('authentication_required', 'Sign in to do this');
  return req.caller;
}
