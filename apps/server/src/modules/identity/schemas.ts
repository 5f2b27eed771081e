import { z } from 'zod';

export const emailInput = z.string().trim().max(254).email();
export const otpCode = z.string().regex(/^\d{6}$/, 'a 6-digit code');

export const publicUser = z
  .object({
    id: z.string().uuid(),
    email: z.string().nullable(),
    username: z.string(),
    roles: z.array(z.string()),
    status: z.string(),
    totpEnabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const makerProfile = z
  .object({
    userId: z.string().uuid(),
    displayName: z.string(),
    bio: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'MakerProfile' });

export const me = publicUser
  .extend({ phone: z.string().nullable(), maker: makerProfile.nullable() })
  .meta({ id: 'Me' });

export const tokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
});

export const signInResult = z
  .union([tokenPair.extend({ user: publicUser }), z.object({ mfaRequired: z.literal(true), mfaToken: z.string() })])
  .meta({ id: 'SignInResult' });

export const accepted = z.object({ status: z.literal('sent') });

export const createMakerBody = z.object({
  displayName: z.string().trim().min(1).max(80),
  bio: z.string().max(2000).optional(),
  city: z.string().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2')
    .optional(),
  legalName: z.string().max(200).optional(),
});

export const adminReason = z.object({ reason: z.string().max(1000).optional() }).optional();
export const userIdParam = z.object({ id: z.string().uuid() });
