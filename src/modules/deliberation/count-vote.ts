import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import {
  areaText,
  type Fraction,
  NO,
  percentText,
  type RuleThresholds,
  type TallyResult,
  tally,
  YES,
} from './tally.ts';
import type { VoteResult } from './votes.schema.ts';
import type { votes } from './votes.tables.ts';

type Vote = Pick<typeof votes.$inferSelect, 'id' | 'method' | 'maxChoices' | 'rule' | 'customThresholds'>;

/** The option keys of a vote: yes / no, or its options' ids as text in their order. */
export async function optionKeys(db: DbOrTx, vote: Pick<Vote, 'id' | 'method'>) {
  if (vote.method === 'yesNo') return [YES, NO];
  const result = await db.execute<{ id: string }>(
    sql`select id from deliberation_vote_options where vote_id = ${vote.id} order by position`,
  );
  return result.rows.map((r) => String(r.id));
}

/** Everything the count needs: every head with its ballot, if any, in one statement. */
export async function readBallotBox(db: DbOrTx, vote: Vote) {
  const rows = await db.execute<{
    key: string;
    area_cm2: string;
    choices: string[] | null;
    receipt_hash: string | null;
  }>(
    sql`select e.key, e.area_cm2, b.choices, b.receipt_hash from deliberation_electors e
      left join deliberation_ballots b on b.vote_id = e.vote_id and b.elector_id = e.id
      where e.vote_id = ${vote.id}`,
  );
  const options = await optionKeys(db, vote);
  const electors: { key: string; areaCm2: bigint }[] = [];
  const ballots: { key: string; choices: string[]; receiptHash: string }[] = [];
  for (const r of rows.rows) {
    electors.push({ key: r.key, areaCm2: BigInt(r.area_cm2) });
    if (r.choices && r.receipt_hash)
      ballots.push({ key: r.key, choices: r.choices, receiptHash: r.receipt_hash });
  }
  return { options, electors, ballots };
}

export function countBox(vote: Vote, box: Awaited<ReturnType<typeof readBallotBox>>): TallyResult {
  return tally({
    method: vote.method,
    options: box.options,
    maxChoices: vote.maxChoices,
    rule: vote.rule,
    custom: (vote.customThresholds as RuleThresholds | null) ?? undefined,
    electors: box.electors,
    ballots: box.ballots,
  });
}

/**
 * The published list of counted ballots (receipt hash and choices, sorted by hash: no names, no order of
 * casting) and its digest: SHA-256 over one line per ballot, "<receipt hash> <choices joined by ','>\n"
 * (an abstention is an empty list). Anyone can recompute it from the list; a voter finds their receipt in it.
 */
export function ballotDigest(ballots: readonly { receiptHash: string; choices: readonly string[] }[]) {
  const list = [...ballots]
    .map((b) => ({ receiptHash: b.receiptHash, choices: [...b.choices] }))
    .sort((a, b) => (a.receiptHash < b.receiptHash ? -1 : a.receiptHash > b.receiptHash ? 1 : 0));
  const hash = createHash('sha256');
  for (const b of list) hash.update(`${b.receiptHash} ${b.choices.join(',')}\n`);
  return { digest: hash.digest('hex'), ballots: list };
}

const fraction = (f: Fraction) => ({ num: String(f.num), den: String(f.den), percent: percentText(f) });
const amounts = (a: { heads: number; areaCm2: bigint }) => ({ heads: a.heads, areaM2: areaText(a.areaCm2) });

/** A tally as the API and the stored result show it (areas in m² text, fractions as exact strings). */
export function presentTally(r: TallyResult): VoteResult {
  return {
    passed: r.passed,
    tie: r.tie,
    winners: r.winners,
    electorate: amounts(r.electorate),
    participation: amounts(r.participation),
    abstentions: amounts(r.abstentions),
    options: r.options.map((o) => ({ option: o.option, passed: o.passed, ...amounts(o) })),
    checks: r.checks.map((c) => ({
      stage: c.stage,
      dimension: c.dimension,
      option: c.option,
      value: fraction(c.value),
      threshold: c.threshold,
      pass: c.pass,
    })),
  };
}

/** Heads and area of the electorate and of those who have cast a ballot so far. */
export async function turnout(db: DbOrTx, voteId: number) {
  const result = await db.execute<{
    heads: string;
    area: string;
    voted_heads: string;
    voted_area: string;
  }>(sql`
    select count(*) as heads, coalesce(sum(e.area_cm2), 0) as area,
      count(b.id) as voted_heads, coalesce(sum(e.area_cm2) filter (where b.id is not null), 0) as voted_area
    from deliberation_electors e left join deliberation_ballots b on b.elector_id = e.id
    where e.vote_id = ${voteId}`);
  const r = result.rows[0] as { heads: string; area: string; voted_heads: string; voted_area: string };
  return {
    electorate: { heads: Number(r.heads), areaM2: areaText(BigInt(r.area)) },
    participation: { heads: Number(r.voted_heads), areaM2: areaText(BigInt(r.voted_area)) },
  };
}
