import { bigint, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';

/**
 * Open311 client keys (the `api_key` of GeoReport v2 POSTs), one set per station (jurisdiction).
 * Only a SHA-256 of the key is kept; the key itself is shown once when it is created.
 */
export const open311Keys = pgTable(
  'open311_keys',
  {
    id: id(),
    stationId: stationId(),
    /** Who the client is, e.g. 12345 热线对接, 区城管平台. */
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The last four characters, to tell keys apart in the list. */
    keyTail: text('key_tail').notNull(),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('open311_keys_hash_uq').on(t.keyHash),
    index('open311_keys_station_idx').on(t.stationId, t.id),
  ],
);
