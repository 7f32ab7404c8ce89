import { createHash } from 'node:crypto';

/**
 * The ledger's hash chain (docs/fund.md): each entry's hash covers its own fields, its posting's fields
 * and the previous entry's hash, so changing, removing or reordering any stored entry or posting breaks
 * the chain from there on. Pure: the writer and `linshe fund verify` both use it.
 */

/** The previous hash of a station's first entry. */
export const GENESIS = '0'.repeat(64);

export interface ChainedPosting {
  id: number;
  stationId: number;
  kind: string;
  source: string | null;
  counterparty: string;
  memo: string;
  occurredOn: string;
  reversesId: number | null;
  projectId: number | null;
  budgetLineId: number | null;
  createdBy: number | null;
  createdAt: Date;
}

export interface ChainedEntry {
  seq: number;
  accountId: number;
  amountFen: bigint;
}

/** The SHA-256 (hex) of an entry: a JSON array of its fields, its posting's and the previous hash. */
export function entryHash(posting: ChainedPosting, entry: ChainedEntry, prevHash: string): string {
  const fields = [
    'linshe-fund-v1',
    posting.stationId,
    entry.seq,
    posting.id,
    posting.kind,
    posting.source,
    posting.counterparty,
    posting.memo,
    posting.occurredOn,
    posting.reversesId,
    posting.projectId,
    posting.budgetLineId,
    posting.createdBy,
    posting.createdAt.toISOString(),
    entry.accountId,
    entry.amountFen.toString(),
    prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
