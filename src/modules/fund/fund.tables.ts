import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';
import { ACCOUNT_KINDS, INCOME_SOURCES, POSTING_KINDS } from './fund-kinds.ts';

/**
 * The self-governance fund 自治基金: a station's accounts and its append-only, double-entry ledger in
 * integer fen. A posting is a group of entries that sums to zero; each entry is hash-chained to the
 * station's previous one, so a published statement carrying the chain head can be checked against the
 * ledger (`linshe fund verify`). The database refuses any change to a posting or an entry (migration).
 */

export {
  ACCOUNT_KINDS,
  type AccountKind,
  HOLDING_KINDS,
  INCOME_SOURCES,
  type IncomeSource,
  POSTING_KINDS,
  type PostingKind,
} from './fund-kinds.ts';

export const accountKind = pgEnum('fund_account_kind', ACCOUNT_KINDS);
export const incomeSource = pgEnum('fund_income_source', INCOME_SOURCES);
export const postingKind = pgEnum('fund_posting_kind', POSTING_KINDS);

export const fundAccounts = pgTable(
  'fund_accounts',
  {
    id: id(),
    stationId: stationId(),
    kind: accountKind('kind').notNull(),
    name: text('name').notNull(),
    /** Income accounts: their source (one account per source and station). */
    source: incomeSource('source'),
    purpose: text('purpose').notNull().default(''),
    /** The sum of the account's entries, kept with each posting; `linshe fund verify` re-adds them. */
    balanceFen: bigint('balance_fen', { mode: 'bigint' }).notNull().default(sql`0`),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('fund_accounts_name_uq').on(t.stationId, t.name),
    uniqueIndex('fund_accounts_source_uq').on(t.stationId, t.source).where(sql`${t.kind} = 'income'`),
    uniqueIndex('fund_accounts_general_uq').on(t.stationId).where(sql`${t.kind} = 'general'`),
    check('fund_accounts_source', sql`(${t.kind} = 'income') = (${t.source} is not null)`),
  ],
);

export const fundPostings = pgTable(
  'fund_postings',
  {
    id: id(),
    stationId: stationId(),
    kind: postingKind('kind').notNull(),
    /** Income: where the money came from. */
    source: incomeSource('source'),
    /** Who paid or was paid (a sponsor, a supplier), as written on the receipt. */
    counterparty: text('counterparty').notNull().default(''),
    memo: text('memo').notNull(),
    /** The day of the transaction (China time), which may precede its entry. */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    /** An expense of a project, against one of its budget lines. */
    projectId: bigint('project_id', { mode: 'number' }),
    budgetLineId: bigint('budget_line_id', { mode: 'number' }),
    /** A reversal: the posting it undoes (at most one reversal each). */
    reversesId: bigint('reverses_id', { mode: 'number' }),
    createdBy: bigint('created_by', { mode: 'number' }),
    /** Set by the app (millisecond precision) because it is part of the entries' hashes. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('fund_postings_station_idx').on(t.stationId, t.id),
    uniqueIndex('fund_postings_reverses_uq').on(t.reversesId),
    index('fund_postings_line_idx').on(t.budgetLineId).where(sql`${t.budgetLineId} is not null`),
  ],
);

export const fundEntries = pgTable(
  'fund_entries',
  {
    id: id(),
    stationId: stationId(),
    postingId: bigint('posting_id', { mode: 'number' })
      .notNull()
      .references(() => fundPostings.id),
    /** The entry's place in the station's chain: 1, 2, 3… without gaps. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => fundAccounts.id),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('fund_entries_seq_uq').on(t.stationId, t.seq),
    index('fund_entries_posting_idx').on(t.postingId),
    index('fund_entries_account_idx').on(t.accountId, t.id),
    check('fund_entries_nonzero', sql`${t.amountFen} <> 0`),
  ],
);

/** Each station's chain head: locked by every posting, so a station's postings are written one at a time. */
export const fundChains = pgTable('fund_chains', {
  stationId: bigint('station_id', { mode: 'number' }).primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  head: text('head').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
