import { bigint, timestamp } from 'drizzle-orm/pg-core';

/** Columns every module's tables share. */
export const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
/** The station a row belongs to (every station-owned table carries it). */
export const stationId = () => bigint('station_id', { mode: 'number' }).notNull();
