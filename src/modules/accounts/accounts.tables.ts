import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';
import { ROLES } from './roles.ts';

export const role = pgEnum('role', ROLES);

export const users = pgTable(
  'accounts_users',
  {
    id: id(),
    phone: text('phone').notNull(),
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    email: text('email'),
    locale: text('locale').notNull().default('zh-CN'),
    largeMode: boolean('large_mode').notNull().default(false),
    createdAt: createdAt(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('accounts_users_phone_uq').on(t.phone)],
);

export const sessions = pgTable(
  'accounts_sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('accounts_sessions_user_idx').on(t.userId)],
);

/**
 * A role granted on a node of the tree. `path` is the node's path (an area, a compound or a building);
 * for roles granted on a station, `path` is null and `stationId` names the station.
 */
export const roleGrants = pgTable(
  'accounts_role_grants',
  {
    id: id(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    role: role('role').notNull(),
    stationId: bigint('station_id', { mode: 'number' }),
    path: text('path'),
    /** Human-readable node name at grant time, for lists. */
    scopeName: text('scope_name').notNull(),
    grantedBy: bigint('granted_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [index('accounts_role_grants_user_idx').on(t.userId)],
);

/** A resident authorises a family member or helper to act for them 代办. */
export const proxies = pgTable(
  'accounts_proxies',
  {
    id: id(),
    stationId: stationId(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    proxyUserId: bigint('proxy_user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    note: text('note'),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('accounts_proxies_proxy_idx').on(t.proxyUserId),
    uniqueIndex('accounts_proxies_active_uq')
      .on(t.residentId, t.proxyUserId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

export const oneTimeCodes = pgTable(
  'accounts_one_time_codes',
  {
    id: id(),
    phone: text('phone').notNull(),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('accounts_otp_phone_idx').on(t.phone, t.purpose)],
);
