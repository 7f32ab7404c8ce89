import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type DbOrTx, escapeLike, idList } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import type { BlobStore } from '../../server/storage/blob-store.ts';
import { can } from '../accounts/index.ts';
import { photoBytes } from '../requests/index.ts';
import { receiptHash } from './cast-ballot.ts';
import { ballotDigest, readBallotBox } from './count-vote.ts';
import { methodFileName, ruleFileName } from './recount-file.ts';
import { areaText } from './tally.ts';
import { voteFor } from './vote-access.ts';
import type { ZElectorQuery, ZElectors } from './votes.schema.ts';
import type { votes } from './votes.tables.ts';

/** What a vote leaves behind: who took part, receipts, the published ballot list, the recount file. */

export async function listElectors(
  ctx: AuthedCtx,
  voteId: number,
  query: z.infer<typeof ZElectorQuery>,
): Promise<z.infer<typeof ZElectors>> {
  const { vote, read, manage, enter, collect } = await voteFor(ctx, voteId);
  if (!(read || manage || enter || collect)) throw new AppError('NOT_FOUND');
  const after = decodeCursor<[string, number]>(query.cursor, ['string', 'number']);
  const like = query.q ? `%${escapeLike(query.q)}%` : null;
  // A building leader alone sees the heads whose every household is in a building they collect in.
  let collectsIn: number[] | null = null;
  if (!(read || manage || enter)) {
    const buildings = await ctx.db.execute<{ id: string; path: string }>(
      sql`select id, path from places_buildings where station_id = ${vote.stationId}`,
    );
    collectsIn = buildings.rows
      .filter((b) => can(ctx.user, 'ballot.collect', { stationId: vote.stationId, path: b.path }))
      .map((b) => Number(b.id));
  }
  const result = await ctx.db.execute<{
    id: string;
    key: string;
    label: string;
    area_cm2: string;
    sort_key: string;
    name: string | null;
    channel: 'online' | 'paper' | 'door' | null;
    choices: string[] | null;
    entered_by: string | null;
    has_photo: boolean;
  }>(sql`
    select e.id, e.key, e.label, e.area_cm2, e.sort_key, coalesce(r.name, u.display_name) as name, b.channel,
      b.choices, case when b.channel <> 'online' then cb.display_name end as entered_by,
      coalesce(b.photo_key is not null, false) as has_photo
    from deliberation_electors e
    left join people_residents r on r.id = e.resident_id
    left join accounts_users u on u.id = e.user_id
    left join deliberation_ballots b on b.vote_id = e.vote_id and b.elector_id = e.id
    left join accounts_users cb on cb.id = b.cast_by
    where e.vote_id = ${vote.id}
      ${after ? sql`and (e.sort_key, e.id) > (${after[0]}, ${after[1]}::bigint)` : sql``}
      ${query.buildingId ? sql`and ${query.buildingId}::bigint = any(e.building_ids)` : sql``}
      ${collectsIn ? sql`and cardinality(e.building_ids) > 0 and e.building_ids <@ ${idList(collectsIn)}` : sql``}
      ${like ? sql`and (e.label like ${like} or r.name like ${like})` : sql``}
    order by e.sort_key, e.id limit ${query.limit + 1}`);
  return toPage(
    result.rows,
    query.limit,
    (r) => [r.sort_key, Number(r.id)],
    (r) => ({
      id: Number(r.id),
      key: r.key,
      label: r.label,
      areaM2: areaText(BigInt(r.area_cm2)),
      name: r.name,
      voted: r.channel !== null,
      channel: r.channel,
      choices: vote.secret ? null : r.choices,
      enteredBy: r.entered_by,
      hasPhoto: r.has_photo,
    }),
  );
}

/**
 * The photo of an elector's signed paper ballot, for the station's desk staff. A secret vote's photo would
 * show how the voter voted, so it is never served (it stays in the backup for a court or a recount).
 */
export async function ballotPhoto(
  ctx: AuthedCtx,
  blobs: BlobStore,
  input: { voteId: number; electorId: number; size: 'full' | 'thumb' },
) {
  const { vote, read, manage, enter } = await voteFor(ctx, input.voteId);
  if (!(read || manage || enter)) throw new AppError('NOT_FOUND');
  if (vote.secret) {
    throw new AppError('FORBIDDEN', {
      detail: {
        zh: '无记名表决的选票照片不公开查看',
        en: "A secret vote's ballot photos are not shown",
      },
    });
  }
  const result = await ctx.db.execute<{ photo_key: string | null }>(sql`
    select photo_key from deliberation_ballots where vote_id = ${vote.id} and elector_id = ${input.electorId}`);
  const key = result.rows[0]?.photo_key;
  if (!key) throw new AppError('NOT_FOUND');
  return photoBytes(blobs, key, input.size);
}

/** A voter checks a receipt: counted (with their choices), superseded by a later ballot, or unknown. */
export async function checkReceipt(ctx: AuthedCtx, voteId: number, code: string) {
  const { vote } = await voteFor(ctx, voteId);
  const hash = receiptHash(vote.id, code);
  const result = await ctx.db.execute<{ choices: string[]; current: boolean }>(sql`
    select choices, receipt_hash = ${hash} as current from deliberation_ballots
    where vote_id = ${vote.id} and (receipt_hash = ${hash} or ${hash} = any(replaced_receipts)) limit 1`);
  const row = result.rows[0];
  if (!row) return { status: 'unknown' as const, choices: null };
  return row.current
    ? { status: 'counted' as const, choices: row.choices }
    : { status: 'superseded' as const, choices: null };
}

/** The published list of a closed vote's ballots and its digest (anyone who sees the vote). */
export async function ballotList(ctx: AuthedCtx, voteId: number) {
  const { vote } = await voteFor(ctx, voteId);
  if (vote.status !== 'closed') {
    throw new AppError('INVALID_STATE', {
      detail: { zh: '表决结束后才公布选票清单', en: 'The ballot list is published when the vote closes' },
    });
  }
  return ballotDigest((await readBallotBox(ctx.db, vote)).ballots);
}

type Vote = typeof votes.$inferSelect;

/**
 * The recount file of a vote (docs/votes.md): the electorate by unit with its owner key and area, and
 * every counted ballot by owner key. It links keys to choices, so it is the operator's (`linshe vote
 * export`) and, for open-ballot votes only, the station managers'.
 */
export async function recountFile(db: DbOrTx, vote: Vote) {
  // Owners and households are listed by unit (an owner's units each with its area); adults and council
  // members, whose heads alone count, by their own label.
  const byUnit = vote.electorate === 'owners' || vote.electorate === 'households';
  const [units, box, labels] = await Promise.all([
    db.execute<{ key: string; label: string; area_cm2: string }>(
      byUnit
        ? sql`select e.key, h.label, h.area_cm2 from deliberation_electors e
            cross join lateral unnest(e.household_ids) hid join places_households h on h.id = hid
            where e.vote_id = ${vote.id} order by e.id, h.sort_key`
        : sql`select key, label, area_cm2 from deliberation_electors where vote_id = ${vote.id} order by id`,
    ),
    readBallotBox(db, vote),
    db.execute<{ id: string; label: string }>(
      sql`select id, label from deliberation_vote_options where vote_id = ${vote.id} order by position`,
    ),
  ]);
  const seen = new Set<string>();
  const electorate = units.rows.map((u) => {
    // Labels are names of people for adults and the council: keep each line's unit unique.
    let unit = u.label;
    if (seen.has(unit)) unit = `${u.label} (${u.key})`;
    seen.add(unit);
    return { unit, owner: u.key, area: areaText(BigInt(u.area_cm2)) };
  });
  const yesNo = vote.method === 'yesNo';
  return {
    vote: {
      id: vote.id,
      title: vote.title,
      electorate: vote.electorate,
      closedAt: vote.closedAt?.toISOString() ?? null,
      result: vote.result,
      ...(yesNo ? {} : { optionLabels: Object.fromEntries(labels.rows.map((l) => [String(l.id), l.label])) }),
    },
    digest: vote.digest,
    rule: ruleFileName(vote.rule),
    method: methodFileName(vote.method),
    ...(yesNo ? {} : { options: box.options, maxChoices: vote.maxChoices }),
    ...(vote.rule === 'custom' ? { thresholds: vote.customThresholds } : {}),
    electorate,
    ballots: box.ballots.map((b) =>
      yesNo ? { owner: b.key, choice: b.choices[0] ?? 'abstain' } : { owner: b.key, choices: b.choices },
    ),
  };
}
