import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';
import { households } from '../places/places.tables.ts';

/** Residents of a station and their links to households; verification claims; roster imports. */

export const householdRelation = pgEnum('household_relation', ['owner', 'tenant', 'member']);
export const claimStatus = pgEnum('claim_status', ['pending', 'verified', 'rejected']);
export const verificationMethod = pgEnum('verification_method', ['roster', 'staff']);

export const residents = pgTable(
  'people_residents',
  {
    id: id(),
    stationId: stationId(),
    name: text('name').notNull(),
    phone: text('phone'),
    /** ID number 身份证号, AES-256-GCM encrypted; only the last four characters are kept in clear. */
    idNumberEnc: text('id_number_enc'),
    idNumberTail: text('id_number_tail'),
    birthYear: smallint('birth_year'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** The account that speaks for this resident, once verified or created by staff. */
    userId: bigint('user_id', { mode: 'number' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('people_residents_station_idx').on(t.stationId, t.id),
    index('people_residents_phone_idx').on(t.stationId, t.phone),
    uniqueIndex('people_residents_station_user_uq').on(t.stationId, t.userId),
  ],
);

export const householdMembers = pgTable(
  'people_household_members',
  {
    id: id(),
    stationId: stationId(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    residentId: bigint('resident_id', { mode: 'number' })
      .notNull()
      .references(() => residents.id),
    relation: householdRelation('relation').notNull(),
    /** The one owner who casts the household's vote (co-owners name one voter). */
    isVoter: boolean('is_voter').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('people_members_household_resident_uq').on(t.householdId, t.residentId),
    uniqueIndex('people_members_one_voter_uq').on(t.householdId).where(sql`${t.isVoter}`),
    index('people_members_resident_idx').on(t.residentId),
  ],
);

export const verificationClaims = pgTable(
  'people_verification_claims',
  {
    id: id(),
    stationId: stationId(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    claimedName: text('claimed_name').notNull(),
    relation: householdRelation('relation').notNull(),
    status: claimStatus('status').notNull().default('pending'),
    method: verificationMethod('method'),
    residentId: bigint('resident_id', { mode: 'number' }),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('people_claims_station_status_idx').on(t.stationId, t.status, t.id),
    uniqueIndex('people_claims_one_pending_uq')
      .on(t.userId, t.householdId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export const rosterImports = pgTable('people_roster_imports', {
  id: id(),
  stationId: stationId(),
  compoundId: bigint('compound_id', { mode: 'number' }).notNull(),
  fileName: text('file_name').notNull(),
  rowCount: integer('row_count').notNull(),
  householdsCreated: integer('households_created').notNull(),
  residentsCreated: integer('residents_created').notNull(),
  importedBy: bigint('imported_by', { mode: 'number' }).notNull(),
  createdAt: createdAt(),
});
