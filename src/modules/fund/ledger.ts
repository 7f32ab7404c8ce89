import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { idList } from '../../server/db/client.ts';
import { AppError } from '../../server/http/errors.ts';
import { MAX_BALANCE_FEN, MAX_FEN, yuanText } from '../../shared/money.ts';
import { type ChainedPosting, entryHash, GENESIS } from './chain.ts';
import {
  type AccountKind,
  fundAccounts,
  fundEntries,
  fundPostings,
  HOLDING_KINDS,
  type IncomeSource,
  type PostingKind,
} from './fund.tables.ts';

/**
 * The one writer of the ledger. A posting is written whole in the caller's transaction: the station's
 * chain head is locked (so a station's postings queue, and each sees the balances the one before left),
 * the holding accounts are checked not to go below zero, then the posting, its hash-chained entries, the
 * balances and the new head are written. The database refuses any later change (migration 0020) and any
 * holding balance below zero (LF002), should a writer ever skip these checks.
 */

export interface NewEntry {
  accountId: number;
  amountFen: bigint;
}

export interface NewPosting {
  kind: PostingKind;
  source?: IncomeSource | null;
  counterparty?: string;
  memo: string;
  occurredOn: string;
  reversesId?: number | null;
  /** A project's expense, against one of its budget lines (or its leftover's return: no line). */
  projectId?: number | null;
  budgetLineId?: number | null;
  entries: NewEntry[];
}

export interface AccountBalance {
  id: number;
  name: string;
  kind: AccountKind;
  balanceFen: bigint;
}

export const holds = (kind: AccountKind) => (HOLDING_KINDS as readonly AccountKind[]).includes(kind);
const MAX_ENTRY = BigInt(MAX_FEN);

/**
 * The balances after a posting, or the first holding account it would take below zero. Pure: the
 * property tests run it against random postings (ledger.test.ts). Throws when the entries do not sum to
 * zero, carry nothing or more than MAX_FEN, name an account not given, or would take a balance beyond
 * 2^53 fen (programming errors or limits, never the user's).
 */
export function applyPosting(
  balances: ReadonlyMap<number, AccountBalance>,
  entries: readonly NewEntry[],
): { ok: true; balances: Map<number, AccountBalance> } | { ok: false; short: AccountBalance } {
  if (entries.length < 2) throw new Error('a posting has at least two entries');
  if (entries.reduce((s, e) => s + e.amountFen, 0n) !== 0n) throw new Error('a posting sums to zero');
  if (entries.some((e) => e.amountFen === 0n)) throw new Error('an entry moves money');
  if (entries.some((e) => e.amountFen > MAX_ENTRY || e.amountFen < -MAX_ENTRY)) {
    throw new RangeError('an entry carries at most MAX_FEN');
  }
  const next = new Map(balances);
  for (const e of entries) {
    const account = next.get(e.accountId);
    if (!account) throw new Error(`account ${e.accountId} is not loaded`);
    next.set(e.accountId, { ...account, balanceFen: account.balanceFen + e.amountFen });
  }
  // Only the accounts the posting touches are judged: a posting is refused for what it does.
  for (const id of new Set(entries.map((e) => e.accountId))) {
    const a = next.get(id)!;
    if (a.balanceFen > MAX_BALANCE_FEN || a.balanceFen < -MAX_BALANCE_FEN) {
      throw new RangeError(`account ${id} would hold more than 2^53 fen`);
    }
    if (holds(a.kind) && a.balanceFen < 0n) return { ok: false, short: balances.get(id)! };
  }
  return { ok: true, balances: next };
}

/** 余额不足: what an account holds, when a posting would take it below zero. */
export const insufficient = (a: AccountBalance) =>
  new AppError('INSUFFICIENT_FUNDS', {
    detail: {
      zh: `账户“${a.name}”余额不足（现有 ${yuanText(a.balanceFen)} 元）`,
      en: `The account “${a.name}” holds only ${yuanText(a.balanceFen)} yuan`,
    },
  });

/**
 * Locks the station's chain head (creating it on the first posting) until the transaction ends: every
 * posting of the station takes it first, so they are written one at a time, in the order of the chain.
 * The use cases take it before their own checks (a reversal's "not reversed yet"), so those checks see
 * everything the postings before them wrote.
 */
export async function lockChain(tx: DbOrTx, stationId: number): Promise<{ seq: number; head: string }> {
  await tx.execute(sql`insert into fund_chains (station_id, seq, head) values (${stationId}, 0, ${GENESIS})
    on conflict (station_id) do nothing`);
  const chain = (
    await tx.execute<{ seq: number; head: string }>(
      sql`select seq, head from fund_chains where station_id = ${stationId} for update`,
    )
  ).rows[0]!;
  return { seq: Number(chain.seq), head: chain.head };
}

/** Writes one posting (see above); returns its id and the chain head after it. */
export async function writePosting(
  tx: DbOrTx,
  stationId: number,
  createdBy: number | null,
  posting: NewPosting,
): Promise<{ id: number; seq: number; head: string }> {
  const chain = await lockChain(tx, stationId);
  const ids = [...new Set(posting.entries.map((e) => e.accountId))];
  // Balances as text: exact whatever their size (int8 otherwise arrives as a JS number, db/client.ts).
  const loaded = await tx.execute<{ id: number; name: string; kind: AccountKind; balance_fen: string }>(
    sql`select id, name, kind, balance_fen::text as balance_fen from fund_accounts
        where station_id = ${stationId} and id = any(${idList(ids)})`,
  );
  if (loaded.rows.length !== ids.length) throw new AppError('NOT_FOUND');
  const balances = new Map(
    loaded.rows.map((r) => [
      Number(r.id),
      { id: Number(r.id), name: r.name, kind: r.kind, balanceFen: BigInt(r.balance_fen) },
    ]),
  );
  const after = applyPosting(balances, posting.entries);
  if (!after.ok) throw insufficient(after.short);

  const createdAt = new Date();
  const [row] = await tx
    .insert(fundPostings)
    .values({
      stationId,
      kind: posting.kind,
      source: posting.source ?? null,
      counterparty: posting.counterparty ?? '',
      memo: posting.memo,
      occurredOn: posting.occurredOn,
      reversesId: posting.reversesId ?? null,
      projectId: posting.projectId ?? null,
      budgetLineId: posting.budgetLineId ?? null,
      createdBy,
      createdAt,
    })
    .returning();
  const chained: ChainedPosting = { ...row!, source: row!.source ?? null };
  let seq = chain.seq;
  let head = chain.head;
  const rows = posting.entries.map((e) => {
    seq += 1;
    const hash = entryHash(chained, { seq, accountId: e.accountId, amountFen: e.amountFen }, head);
    const entry = {
      stationId,
      postingId: row!.id,
      seq,
      accountId: e.accountId,
      amountFen: e.amountFen,
      prevHash: head,
      hash,
    };
    head = hash;
    return entry;
  });
  await tx.insert(fundEntries).values(rows);
  for (const a of after.balances.values()) {
    await tx.update(fundAccounts).set({ balanceFen: a.balanceFen }).where(sql`${fundAccounts.id} = ${a.id}`);
  }
  await tx.execute(
    sql`update fund_chains set seq = ${seq}, head = ${head}, updated_at = now() where station_id = ${stationId}`,
  );
  return { id: row!.id, seq, head };
}
