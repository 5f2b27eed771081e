import { z } from 'zod';

/** Every row id is a UUID: ids in paths, queries, bodies, payloads and cursors are checked by this schema. */
export const idSchema = z.uuid();

/** True when `value` is an id this server could have given out (checked before it reaches SQL). */
export const isUuid = (value: unknown): value is string => idSchema.safeParse(value).success;
