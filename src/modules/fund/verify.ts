import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client.ts';
import { type ChainedPosting, entryHash, GENESIS } from './chain.ts';

/**
 * Checks a station's ledger from its first entry: every entry's hash against its fields and the one
 * before, the sequence without gaps, every posting summing to zero, every account's kept balance against
 * the sum of its entries, and the stored chain head. Reports the first broken link. It reads one snapshot
 * (repeatable read), so postings written meanwhile are neither half seen nor reported as breaks.
 */

export type BrokenReason = 'hash' | 'link' | 'gap' | 'unbalanced' | 'balance' | 'head';

export interface Verification {
  ok: boolean;
  entries: number;
  postings: number;
  /** The hash of the last entry (what a published statement carries). */
  head: string;
  broken: {
    reason: BrokenReason;
    seq: number | null;
    entryId: number | null;
    postingId: number | null;
    accountId: number | null;
  } | null;
}

const BATCH = 5000;

export function verifyLedger(db: Db, stationId: number): Promise<Verification> {
  return db.transaction((tx) => verifySnapshot(tx, stationId), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

async function verifySnapshot(db: DbOrTx, stationId: number): Promise<Verification> {
  let prev = GENESIS;
  let expectSeq = 1;
  let count = 0;
  const postingSums = new Map<number, bigint>();
  const accountSums = new Map<number, bigint>();
  const result = (broken: Verification['broken']): Verification => ({
    ok: broken === null,
    entries: count,
    postings: postingSums.size,
    head: prev,
    broken,
  });
  for (;;) {
    const batch = await db.execute<{
      id: number;
      seq: number;
      account_id: number;
      amount_fen: string;
      prev_hash: string;
      hash: string;
      posting_id: number;
      station_id: number;
      kind: string;
      source: string | null;
      counterparty: string;
      memo: string;
      occurred_on: string;
      reverses_id: number | null;
      project_id: number | null;
      budget_line_id: number | null;
      created_by: number | null;
      /** ISO 8601 with its offset, whatever the session's time zone. */
      created_at: string;
    }>(sql`
      select e.id, e.seq, e.account_id, e.amount_fen::text as amount_fen, e.prev_hash, e.hash,
        p.id as posting_id, p.station_id, p.kind,
        p.source, p.counterparty, p.memo, p.occurred_on::text as occurred_on, p.reverses_id, p.project_id,
        p.budget_line_id, p.created_by,
        to_json(p.created_at) #>> '{}' as created_at
      from fund_entries e join fund_postings p on p.id = e.posting_id
      where e.station_id = ${stationId} and e.seq >= ${expectSeq}
      order by e.seq limit ${BATCH}`);
    for (const r of batch.rows) {
      const seq = Number(r.seq);
      const at = { seq, entryId: Number(r.id), postingId: Number(r.posting_id), accountId: null };
      if (seq !== expectSeq) return result({ reason: 'gap', ...at });
      if (r.prev_hash !== prev) return result({ reason: 'link', ...at });
      const posting: ChainedPosting = {
        id: Number(r.posting_id),
        // The posting's own station (not the one asked about): a posting moved to another station breaks.
        stationId: Number(r.station_id),
        kind: r.kind,
        source: r.source,
        counterparty: r.counterparty,
        memo: r.memo,
        occurredOn: r.occurred_on,
        reversesId: r.reverses_id === null ? null : Number(r.reverses_id),
        projectId: r.project_id === null ? null : Number(r.project_id),
        budgetLineId: r.budget_line_id === null ? null : Number(r.budget_line_id),
        createdBy: r.created_by === null ? null : Number(r.created_by),
        createdAt: new Date(r.created_at),
      };
      const amount = BigInt(r.amount_fen);
      const hash = entryHash(posting, { seq, accountId: Number(r.account_id), amountFen: amount }, prev);
      if (hash !== r.hash) return result({ reason: 'hash', ...at });
      prev = r.hash;
      expectSeq += 1;
      count += 1;
      postingSums.set(posting.id, (postingSums.get(posting.id) ?? 0n) + amount);
      const account = Number(r.account_id);
      accountSums.set(account, (accountSums.get(account) ?? 0n) + amount);
    }
    if (batch.rows.length < BATCH) break;
  }
  for (const [postingId, sum] of postingSums) {
    if (sum !== 0n) {
      return result({ reason: 'unbalanced', seq: null, entryId: null, postingId, accountId: null });
    }
  }
  const kept = await db.execute<{ id: number; balance_fen: string }>(
    sql`select id, balance_fen::text as balance_fen from fund_accounts where station_id = ${stationId} order by id`,
  );
  for (const a of kept.rows) {
    if (BigInt(a.balance_fen) !== (accountSums.get(Number(a.id)) ?? 0n)) {
      return result({
        reason: 'balance',
        seq: null,
        entryId: null,
        postingId: null,
        accountId: Number(a.id),
      });
    }
  }
  const chain = await db.execute<{ seq: number; head: string }>(
    sql`select seq, head from fund_chains where station_id = ${stationId}`,
  );
  const stored = chain.rows[0];
  if (stored ? stored.head !== prev || Number(stored.seq) !== count : count > 0) {
    return result({ reason: 'head', seq: null, entryId: null, postingId: null, accountId: null });
  }
  return result(null);
}

/**
 * Where a published chain head sits in the station's chain: the seq of the entry whose hash it is (0 for
 * the empty ledger's GENESIS), or null. Meaningful after verifyLedger passed: every entry up to it is then
 * as it was when the head was published.
 */
export async function publishedHeadSeq(db: DbOrTx, stationId: number, head: string): Promise<number | null> {
  if (head === GENESIS) return 0;
  const rows = await db.execute<{ seq: number }>(
    sql`select seq from fund_entries where station_id = ${stationId} and hash = ${head}`,
  );
  return rows.rows[0] ? Number(rows.rows[0].seq) : null;
}
