import { z } from 'zod';
import { ERROR_CODES } from '../errors';

/** Every stable error code, as a named schema so clients get the union. */
export const errorCode = z.enum(ERROR_CODES).describe('stable snake_case code').meta({ id: 'ErrorCode' });

/** The uniform error body of every 4xx/5xx answer. */
export const errorBody = z
  .object({
    error: z.object({
      code: errorCode,
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });

export type ErrorBody = z.infer<typeof errorBody>;

/** Standard error answers to declare on a route's `response` schema. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
  429: errorBody,
} as const;
