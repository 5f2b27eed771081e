import { z } from 'zod';
import { LOCALES } from '../../platform/i18n';
import { idSchema } from '../../platform/ids';

export const emailInput = z.string().trim().max(254).email();
export const otpCode = z.string().regex(/^\d{6}$/, 'a 6-digit code');
/** A recovery code as the user types it (`xxxxx-xxxxx`; spaces, dashes and case do not matter). */
export const recoveryCode = z.string().trim().min(1).max(40);
export const recoveryCodes = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .describe('single-use codes that sign in in place of a TOTP code; shown only now, stored hashed'),
  })
  .meta({ id: 'RecoveryCodes' });

export const publicUser = z
  .object({
    id: idSchema,
    email: z.string().nullable(),
    username: z.string(),
    country: z.string().nullable().describe('where the user receives purchases (ISO 3166-1 alpha-2)'),
    locale: z
      .enum(LOCALES)
      .describe(
        'the language the account’s emails, texts and notifications are written in: en, pt (European Portuguese), es, fr or de; "en" while the person has not chosen one',
      ),
    roles: z.array(z.string()),
    status: z.string(),
    totpEnabled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const makerProfile = z
  .object({
    userId: idSchema,
    displayName: z.string(),
    bio: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'MakerProfile' });

export const makerShopProfile = makerProfile
  .extend({
    followerCount: z.number().int(),
    following: z.boolean().optional(),
    rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
    since: z.string(),
  })
  .meta({ id: 'MakerShopProfile' });

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

/** One of the languages the product speaks (anything else is refused as invalid input). */
export const localeInput = z.enum(LOCALES);

const countryInput = z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2');

export const createMakerBody = z.object({
  displayName: z.string().trim().min(1).max(80),
  bio: z.string().max(2000).optional(),
  city: z.string().max(100).optional(),
  country: countryInput.optional(),
  legalName: z.string().max(200).optional(),
});

/** Keys left out stay as they are; null (or a blank text) clears. */
export const updateMakerBody = z.object({
  displayName: z.string().trim().min(1).max(80).optional(),
  bio: z.string().max(2000).nullable().optional(),
  city: z.string().max(100).nullable().optional(),
  country: z
    .union([countryInput, z.literal('')])
    .nullable()
    .optional(),
  /** An image the maker uploaded (POST /v1/uploads) and the pipeline made ready; null removes the avatar. */
  avatarMediaId: idSchema.nullable().optional(),
});

/** Keys left out stay as they are; a blank or null country clears it. */
export const updateAccountBody = z
  .object({
    username: z.string().max(64).optional(),
    country: z
      .union([countryInput, z.literal('')])
      .nullable()
      .optional()
      .describe('where the user receives purchases: shipping prices are quoted for it'),
    locale: localeInput
      .optional()
      .describe('the language the account’s emails, texts and notifications are written in from now on'),
  })
  .refine(
    (b) => b.username !== undefined || b.country !== undefined || b.locale !== undefined,
    'give a username, a country or a locale',
  );

export const adminReason = z.object({ reason: z.string().max(1000).optional() }).optional();
export const userIdParam = z.object({ id: idSchema });
