import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';
import { VOTE_METHODS, VOTE_RULES } from './tally.ts';
import { topics } from './topics.tables.ts';

/**
 * Votes 表决, their electorate as frozen when the vote opened, and the one counted ballot per elector.
 * Migrations 0013 and 0014 add the triggers that make a closed vote immutable in the database itself.
 */

export const VOTE_SCOPES = ['compounds', 'buildings', 'units', 'households'] as const;
export const ELECTORATES = ['households', 'owners', 'adults', 'council'] as const;
export const VOTE_STATUSES = ['draft', 'open', 'closed', 'cancelled'] as const;
export const BALLOT_CHANNELS = ['online', 'paper', 'door'] as const;

export const voteScope = pgEnum('deliberation_vote_scope', VOTE_SCOPES);
export const electorate = pgEnum('deliberation_electorate', ELECTORATES);
export const voteMethod = pgEnum('deliberation_vote_method', VOTE_METHODS);
export const voteRule = pgEnum('deliberation_vote_rule', VOTE_RULES);
export const voteStatus = pgEnum('deliberation_vote_status', VOTE_STATUSES);
export const ballotChannel = pgEnum('deliberation_ballot_channel', BALLOT_CHANNELS);

export const votes = pgTable(
  'deliberation_votes',
  {
    id: id(),
    stationId: stationId(),
    topicId: bigint('topic_id', { mode: 'number' }).references(() => topics.id),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    scope: voteScope('scope').notNull(),
    scopeIds: bigint('scope_ids', { mode: 'number' }).array().notNull(),
    electorate: electorate('electorate').notNull(),
    method: voteMethod('method').notNull(),
    maxChoices: smallint('max_choices').notNull().default(1),
    rule: voteRule('rule').notNull(),
    /** RuleThresholds (tally.ts) for the custom rule. */
    customThresholds: jsonb('custom_thresholds'),
    /** A ballot once cast cannot be replaced (otherwise the last one before close counts). */
    ballotsFinal: boolean('ballots_final').notNull().default(false),
    /** Secret: staff see who took part, never how anyone voted. */
    secret: boolean('secret').notNull().default(false),
    /** Show the running count while open (turnout is always shown). */
    interimResults: boolean('interim_results').notNull().default(false),
    status: voteStatus('status').notNull().default('draft'),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: bigint('closed_by', { mode: 'number' }),
    /** The tally frozen at close (bigints as strings) and the digest of every counted ballot. */
    result: jsonb('result'),
    digest: text('digest'),
    /** Why a draft or open vote was called off (shown to voters). */
    cancelReason: text('cancel_reason'),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('deliberation_votes_station_idx').on(t.stationId, t.id),
    index('deliberation_votes_open_idx').on(t.closesAt).where(sql`${t.status} = 'open'`),
    check('deliberation_votes_max_choices', sql`${t.maxChoices} >= 1`),
  ],
);

export const voteOptions = pgTable(
  'deliberation_vote_options',
  {
    id: id(),
    stationId: stationId(),
    voteId: bigint('vote_id', { mode: 'number' })
      .notNull()
      .references(() => votes.id),
    position: smallint('position').notNull(),
    label: text('label').notNull(),
  },
  (t) => [uniqueIndex('deliberation_vote_options_position_uq').on(t.voteId, t.position)],
);

export const electors = pgTable(
  'deliberation_electors',
  {
    id: id(),
    stationId: stationId(),
    voteId: bigint('vote_id', { mode: 'number' })
      .notNull()
      .references(() => votes.id),
    /** The head's key: r<resident id> (an owner or adult), h<household id> (a household or an owner not on record), m<council member id>. */
    key: text('key').notNull(),
    /** Who may cast online: the resident (through their account) or, for the council, the member's account. */
    residentId: bigint('resident_id', { mode: 'number' }),
    userId: bigint('user_id', { mode: 'number' }),
    /** What the head covers: households and their buildings (building leaders collect by building). */
    householdIds: bigint('household_ids', { mode: 'number' }).array().notNull(),
    buildingIds: bigint('building_ids', { mode: 'number' }).array().notNull(),
    label: text('label').notNull(),
    areaCm2: bigint('area_cm2', { mode: 'bigint' }).notNull(),
    /** Building, unit, room order (the first household's), so the desk and door-to-door go floor by floor. */
    sortKey: text('sort_key').notNull().default(''),
  },
  (t) => [
    index('deliberation_electors_sort_idx').on(t.voteId, t.sortKey, t.id),
    uniqueIndex('deliberation_electors_vote_key_uq').on(t.voteId, t.key),
    // "Whom may I cast for?" on every ballot: by vote and resident, or vote and account.
    index('deliberation_electors_resident_idx').on(t.voteId, t.residentId),
    index('deliberation_electors_user_idx').on(t.voteId, t.userId),
  ],
);

export const ballots = pgTable(
  'deliberation_ballots',
  {
    id: id(),
    stationId: stationId(),
    /**
     * No foreign key: its KEY SHARE lock on the one vote row made every concurrent ballot queue on that
     * row (migration 0014). The guard trigger checks the vote instead, and the elector's key holds.
     */
    voteId: bigint('vote_id', { mode: 'number' }).notNull(),
    electorId: bigint('elector_id', { mode: 'number' })
      .notNull()
      .references(() => electors.id),
    /** Option keys ('yes' / 'no', or option ids as text); empty is an abstention. */
    choices: text('choices').array().notNull(),
    channel: ballotChannel('channel').notNull(),
    /** The account that cast or entered it, and the resident it was cast for when that is someone else. */
    castBy: bigint('cast_by', { mode: 'number' }).notNull(),
    /** Paper: the photo of the signed ballot (blob key). A proxy's written authorisation, when a proxy signed. */
    photoKey: text('photo_key'),
    proxyName: text('proxy_name'),
    proxyAuthorisation: text('proxy_authorisation'),
    /** SHA-256 of the voter's receipt code (hex); the code itself is only ever shown to the voter. */
    receiptHash: text('receipt_hash').notNull(),
    /** The receipts of the ballots this one replaced, so a voter holding an old receipt learns it was superseded. */
    replacedReceipts: text('replaced_receipts').array().notNull().default(sql`'{}'`),
    /** How many times this elector's ballot was replaced before close. */
    revision: integer('revision').notNull().default(1),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deliberation_ballots_vote_elector_uq').on(t.voteId, t.electorId),
    uniqueIndex('deliberation_ballots_receipt_uq').on(t.voteId, t.receiptHash),
  ],
);
