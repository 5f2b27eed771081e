import { bigint, timestamp } from 'drizzle-orm/pg-core';

/** An amount of money in integer minor units (cents), read as a JS number. */
export const money = (name: string) => bigint(name, { mode: 'number' });

/** A moment in time (`timestamptz`). */
export const at = (name: string) => timestamp(name, { withTimezone: true });
