import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type DbOrTx, idList, poolOf } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import type { BlobStore } from '../../server/storage/blob-store.ts';
import { can } from '../accounts/index.ts';
import { stationPlace } from '../places/index.ts';
import { photoRequired, storePhoto } from '../requests/index.ts';
import { writeBallotBatched } from './ballot-writer.ts';
import { optionKeys } from './count-vote.ts';
import { NO, YES } from './tally.ts';
import { isStationResident, type VoteRow, voteFor } from './vote-access.ts';
import type { ZEnteredBallot, ZOnlineBallot } from './votes.schema.ts';
import { electors } from './votes.tables.ts';

/**
 * Casting a ballot: online by the voter (or a family proxy the station registered), on paper at the desk
 * (with the photo of the signed ballot), or door to door by a building leader. One counted ballot per
 * head: the unique (vote, elector) row is replaced by a later ballot unless the vote's ballots are final,
 * so any number of concurrent ballots for one household leave exactly one. The database refuses ballots
 * once the vote is closed (migration 0013). Every ballot gets a new receipt code, shown once.
 */

/** Option keys never change once a vote is open, so they are kept per vote. */
const optionCache = new Map<number, string[]>();
async function optionsOf(db: DbOrTx, vote: Pick<VoteRow, 'id' | 'method'>) {
  const cached = optionCache.get(vote.id);
  if (cached) return cached;
  const keys = await optionKeys(db, vote);
  if (optionCache.size > 1000) optionCache.clear();
  optionCache.set(vote.id, keys);
  return keys;
}

/** A ballot's choices against the vote's options; an empty list abstains. */
export function checkChoices(
  vote: Pick<VoteRow, 'method' | 'maxChoices'>,
  options: readonly string[],
  choices: readonly string[],
) {
  if (new Set(choices).size !== choices.length)
    throw fieldError('choices', '选项重复', 'A choice is repeated');
  if (choices.some((c) => !options.includes(c))) {
    throw fieldError('choices', '所选选项不存在', 'A chosen option does not exist');
  }
  const max = vote.method === 'multi' ? vote.maxChoices : 1;
  if (choices.length > max) {
    throw fieldError('choices', `最多可选 ${max} 项`, `Choose at most ${max}`);
  }
}

function newReceipt(voteId: number) {
  // Crockford's base32 (no I, L, O, U): easy to read aloud and to copy from a paper slip.
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
  const code = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  return { code, hash: receiptHash(voteId, code) };
}

export function receiptHash(voteId: number, code: string) {
  return createHash('sha256').update(`${voteId}:${code.trim().toUpperCase()}`).digest('hex');
}

interface Write {
  vote: Pick<VoteRow, 'id' | 'stationId' | 'ballotsFinal'>;
  electorId: number;
  residentId: number | null;
  choices: string[];
  channel: 'online' | 'paper' | 'door';
  photoKey?: string | null;
  proxyName?: string | null;
  proxyAuthorisation?: string | null;
  path: string;
}

/** Records a ballot and its audit row (batched with others arriving at the same moment: ballot-writer.ts). */
async function writeBallot(ctx: AuthedCtx, w: Write) {
  const receipt = newReceipt(w.vote.id);
  const written = await writeBallotBatched(ctx.db, {
    stationId: w.vote.stationId,
    voteId: w.vote.id,
    electorId: w.electorId,
    choices: w.choices,
    channel: w.channel,
    castBy: ctx.user.userId,
    photoKey: w.photoKey ?? null,
    proxyName: w.proxyName ?? null,
    proxyAuthorisation: w.proxyAuthorisation ?? null,
    receiptHash: receipt.hash,
    onBehalfOf: w.residentId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    path: w.path,
  });
  if (!written) {
    throw new AppError('CONFLICT', {
      detail: {
        zh: '已投过票，本次表决的选票提交后不能更改',
        en: 'Already voted: ballots in this vote are final',
      },
    });
  }
  return { receipt: receipt.code, revision: written.revision, castAt: written.castAt.toISOString() };
}

function refuseUnlessOpen(vote: Pick<VoteRow, 'status' | 'closesAt'>) {
  if (vote.status !== 'open' || vote.closesAt.getTime() <= Date.now()) throw new AppError('VOTE_CLOSED');
}

/** The heads a person may cast for online: their own account (council) or their verified resident record. */
export async function myElectors(db: DbOrTx, vote: Pick<VoteRow, 'id' | 'stationId'>, userId: number) {
  // Two index lookups (by resident, by account) rather than one OR the planner would scan for.
  const voted = sql`exists (select 1 from deliberation_ballots b where b.vote_id = e.vote_id and b.elector_id = e.id)`;
  const result = await db.execute<{ id: string; label: string; voted: boolean }>(sql`
    select e.id, e.label, ${voted} as voted from deliberation_electors e
    join people_residents r on r.id = e.resident_id
    where e.vote_id = ${vote.id} and r.user_id = ${userId} and r.station_id = ${vote.stationId} and r.verified_at is not null
    union
    select e.id, e.label, ${voted} as voted from deliberation_electors e
    where e.vote_id = ${vote.id} and e.user_id = ${userId}
    order by id`);
  return result.rows.map((r) => ({ electorId: Number(r.id), label: r.label, voted: r.voted }));
}

/** The heads a family proxy may cast for: those of the resident they are registered for. */
async function proxiedElectors(db: DbOrTx, voteId: number, userId: number, residentId: number) {
  const result = await db.execute<{ id: string }>(sql`
    select e.id from deliberation_electors e
    where e.vote_id = ${voteId} and e.resident_id = ${residentId} and exists (
      select 1 from accounts_proxies p
      where p.resident_id = ${residentId} and p.proxy_user_id = ${userId} and p.revoked_at is null)
    order by e.id`);
  return result.rows.map((r) => Number(r.id));
}

const yesNoKeys = [YES, NO];

/**
 * The vote and the heads the user may cast for online, in one named prepared statement: a ballot is a
 * vote's hottest request, and each round trip is a system call this machine pays dearly for.
 */
const CASTER = {
  name: 'deliberation_caster',
  text: `select v.id, v.station_id, v.status, v.closes_at, v.method, v.max_choices, v.ballots_final, s.path,
      coalesce((select array_agg(e.id order by e.id) from deliberation_electors e
        where e.vote_id = v.id and (e.user_id = $2 or e.resident_id = (select r.id from people_residents r
          where r.user_id = $2 and r.station_id = v.station_id and r.verified_at is not null))), '{}') as electors
    from deliberation_votes v join places_stations s on s.id = v.station_id
    where v.id = $1 and v.status <> 'draft'`,
};
interface CasterRow {
  id: string;
  station_id: string;
  status: VoteRow['status'];
  closes_at: Date;
  method: VoteRow['method'];
  max_choices: number;
  ballots_final: boolean;
  path: string;
  electors: string[];
}

export async function castOnline(ctx: AuthedCtx, voteId: number, input: z.infer<typeof ZOnlineBallot>) {
  const { rows } = await poolOf(ctx.db).query<CasterRow>({ ...CASTER, values: [voteId, ctx.user.userId] });
  const vote = rows[0];
  if (!vote) throw new AppError('NOT_FOUND');
  const v = {
    id: Number(vote.id),
    stationId: Number(vote.station_id),
    status: vote.status,
    closesAt: new Date(vote.closes_at),
    method: vote.method,
    maxChoices: vote.max_choices,
    ballotsFinal: vote.ballots_final,
  };
  const proxyFor = ctx.onBehalfOf;
  const candidates =
    proxyFor === null
      ? vote.electors.map(Number)
      : await proxiedElectors(ctx.db, v.id, ctx.user.userId, proxyFor);
  if (candidates.length === 0) {
    const station = await stationPlace(ctx.db, v.stationId);
    const sees =
      can(ctx.user, 'deliberation.read', station) ||
      (await isStationResident(ctx.db, ctx.user.userId, v.stationId));
    if (!sees) throw new AppError('NOT_FOUND');
    if (proxyFor !== null) {
      throw new AppError('FORBIDDEN', {
        detail: {
          zh: '您不是该居民登记的代办人，或该居民不在本次表决的投票人名单中；代办投票请到值班台登记书面委托',
          en: 'You are not this resident’s registered proxy, or they may not vote here; register a written authorisation at the desk',
        },
      });
    }
    throw new AppError('NOT_IN_ELECTORATE');
  }
  let electorId = candidates[0] as number;
  if (input.electorId !== undefined) {
    if (!candidates.includes(input.electorId)) throw new AppError('NOT_IN_ELECTORATE');
    electorId = input.electorId;
  } else if (candidates.length > 1) {
    throw fieldError(
      'electorId',
      '您可为多户投票，请选择为哪一户投票',
      'You vote for several heads: choose one',
    );
  }
  refuseUnlessOpen(v);
  checkChoices(v, v.method === 'yesNo' ? yesNoKeys : await optionsOf(ctx.db, v), input.choices);
  return writeBallot(ctx, {
    vote: v,
    electorId,
    residentId: proxyFor,
    choices: input.choices,
    channel: 'online',
    path: vote.path,
  });
}

/** Whether the user's ballot.collect grants cover every building the elector's households are in. */
async function collectorCovers(ctx: AuthedCtx, stationId: number, buildingIds: readonly number[]) {
  if (buildingIds.length === 0) return can(ctx.user, 'ballot.collect', await stationPlace(ctx.db, stationId));
  const result = await ctx.db.execute<{ path: string }>(
    sql`select path from places_buildings where id = any(${idList(buildingIds)})`,
  );
  return result.rows.every((b) => can(ctx.user, 'ballot.collect', { stationId, path: b.path }));
}

/** A paper ballot at the desk (photo required) or one collected door to door by a building leader. */
export async function enterBallot(
  ctx: AuthedCtx,
  blobs: BlobStore,
  voteId: number,
  channel: 'paper' | 'door',
  input: z.infer<typeof ZEnteredBallot>,
  photo: Buffer | null,
) {
  const found = await voteFor(ctx, voteId);
  const { vote, station } = found;
  if (channel === 'paper' && !found.enter) throw new AppError('FORBIDDEN');
  if (channel === 'door' && !found.collect) throw new AppError('FORBIDDEN');
  const [elector] = await ctx.db
    .select()
    .from(electors)
    .where(and(eq(electors.id, input.electorId), eq(electors.voteId, vote.id)));
  if (!elector) {
    throw fieldError(
      'electorId',
      '该户/该人不在本次表决的投票人名单中',
      'Not on the list of voters of this vote',
    );
  }
  if (channel === 'door' && !(await collectorCovers(ctx, vote.stationId, elector.buildingIds))) {
    throw new AppError('FORBIDDEN', {
      detail: { zh: '只能收集您负责楼栋的选票', en: 'You collect ballots only in your own buildings' },
    });
  }
  if (input.proxyName && !input.proxyAuthorisation) {
    throw fieldError(
      'proxyAuthorisation',
      '代为投票须登记书面委托书',
      'A proxy must hold a written authorisation',
    );
  }
  refuseUnlessOpen(vote);
  checkChoices(vote, await optionsOf(ctx.db, vote), input.choices);
  if (channel === 'paper' && !photo) throw photoRequired();
  const stored = photo ? await storePhoto(blobs, photo) : null;
  return writeBallot(ctx, {
    vote,
    electorId: elector.id,
    residentId: elector.residentId,
    choices: input.choices,
    channel,
    photoKey: stored?.hash ?? null,
    proxyName: input.proxyName ?? null,
    proxyAuthorisation: input.proxyName ? (input.proxyAuthorisation ?? null) : null,
    path: station.path,
  });
}
