import { and, desc, eq, lt, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../server/db/client.ts';
import { idList } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import type { AuditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { stationPlace, stations } from '../places/index.ts';
import { chinaDate } from '../stations/index.ts';
import { myElectors } from './cast-ballot.ts';
import { ballotDigest, countBox, optionKeys, presentTally, readBallotBox, turnout } from './count-vote.ts';
import { foreignScopeIds, snapshotElectorate } from './electorate.ts';
import { type RuleThresholds, ruleUsesArea } from './tally.ts';
import { topics } from './topics.tables.ts';
import { abilitiesAt, isStationResident, managedVote, type VoteRow, voteFor } from './vote-access.ts';
import type { ZCreateVote, ZVote, ZVoteSummary } from './votes.schema.ts';
import { voteOptions, votes } from './votes.tables.ts';

/** Votes from draft to closed: set up, opened (the electorate frozen), closed (counted and frozen), cancelled. */

type CreateVote = z.infer<typeof ZCreateVote>;

/** What makes a vote's set-up coherent; every refusal names its field. */
function checkSetUp(input: CreateVote) {
  if (input.method === 'yesNo' && input.options.length > 0) {
    throw fieldError('options', '赞成/反对式表决不设选项', 'A yes / no vote has no options');
  }
  if (input.method !== 'yesNo') {
    if (input.options.length < 2) throw fieldError('options', '至少需要两个选项', 'At least two options');
    if (new Set(input.options).size !== input.options.length) {
      throw fieldError('options', '选项不能重复', 'Options must differ');
    }
  }
  const maxChoices = input.method === 'multi' ? input.maxChoices : 1;
  if (maxChoices > Math.max(1, input.options.length)) {
    throw fieldError('maxChoices', '可选数量不能超过选项数', 'No more choices than options');
  }
  if (input.rule === 'custom' && !input.customThresholds) {
    throw fieldError('customThresholds', '自定义规则需要设定门槛', 'A custom rule needs its thresholds');
  }
  const custom = (input.customThresholds ?? undefined) as RuleThresholds | undefined;
  const civilCode = input.rule === 'civilCode278Ordinary' || input.rule === 'civilCode278Major';
  if ((civilCode || ruleUsesArea(input.rule, custom)) && input.electorate !== 'owners') {
    throw fieldError(
      'electorate',
      '按民法典或按面积计票时，投票人必须是业主',
      'Counting by the Civil Code or by area needs the owners as the electorate',
    );
  }
  if (Date.parse(input.closesAt) <= Date.now()) {
    throw fieldError('closesAt', '截止时间必须晚于现在', 'The closing time must be in the future');
  }
  return { maxChoices, custom };
}

export async function createVote(ctx: AuthedCtx, stationId: number, input: CreateVote) {
  const { station, manage, read } = await abilitiesAt(ctx, stationId);
  if (!read && !manage) throw new AppError('NOT_FOUND');
  if (!manage) throw new AppError('FORBIDDEN');
  const { maxChoices } = checkSetUp(input);
  return ctx.db.transaction(async (tx) => {
    if (input.topicId) {
      const [topic] = await tx
        .select({ id: topics.id })
        .from(topics)
        .where(and(eq(topics.id, input.topicId), eq(topics.stationId, station.id)));
      if (!topic) throw fieldError('topicId', '找不到该议题', 'No such topic');
    }
    const foreign = await foreignScopeIds(tx, station.id, input.scope, input.scopeIds);
    if (foreign.length > 0)
      throw fieldError('scopeIds', '范围中有不属于本站的地点', 'Some places are not this station’s');
    const [vote] = await tx
      .insert(votes)
      .values({
        stationId: station.id,
        topicId: input.topicId ?? null,
        title: input.title,
        body: input.body,
        scope: input.scope,
        scopeIds: input.scopeIds,
        electorate: input.electorate,
        method: input.method,
        maxChoices,
        rule: input.rule,
        customThresholds: input.rule === 'custom' ? input.customThresholds : null,
        ballotsFinal: input.ballotsFinal,
        secret: input.secret,
        interimResults: input.interimResults,
        closesAt: new Date(input.closesAt),
        createdBy: ctx.user.userId,
      })
      .returning();
    if (input.options.length > 0) {
      await tx.insert(voteOptions).values(
        input.options.map((label, position) => ({
          stationId: station.id,
          voteId: vote!.id,
          position,
          label,
        })),
      );
    }
    await recordAudit(tx, ctx, {
      action: 'vote.create',
      subjectType: 'vote',
      subjectId: vote!.id,
      stationId: station.id,
      path: station.path,
      summary: { title: input.title, rule: input.rule, electorate: input.electorate, method: input.method },
    });
    return { id: vote!.id };
  });
}

/** Locks the vote's row (closing and opening never run twice at once) and checks its status. */
async function lockVote(tx: DbOrTx, voteId: number, expected: VoteRow['status'][]) {
  const [row] = await tx.select().from(votes).where(eq(votes.id, voteId)).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  if (!expected.includes(row.status)) throw new AppError('INVALID_STATE');
  return row;
}

export async function openVote(ctx: AuthedCtx, voteId: number) {
  const { station } = await managedVote(ctx, voteId);
  return ctx.db.transaction(async (tx) => {
    const vote = await lockVote(tx, voteId, ['draft']);
    if (vote.closesAt.getTime() <= Date.now()) {
      throw fieldError('closesAt', '截止时间已过，请先修改', 'The closing time has passed');
    }
    const heads = await snapshotElectorate(tx, vote, chinaDate());
    // Ballots come at once after opening: plan their lookups on the electorate as it now is.
    await tx.execute(sql`analyze deliberation_electors`);
    if (heads === 0) {
      throw new AppError('INVALID_STATE', {
        detail: { zh: '表决范围内没有符合条件的投票人', en: 'No one in the scope may vote' },
      });
    }
    await tx.update(votes).set({ status: 'open', openedAt: new Date() }).where(eq(votes.id, voteId));
    await recordAudit(tx, ctx, {
      action: 'vote.open',
      subjectType: 'vote',
      subjectId: voteId,
      stationId: station.id,
      path: station.path,
      summary: { heads },
    });
    return { ok: true as const };
  });
}

export async function cancelVote(ctx: AuthedCtx, voteId: number, reason: string) {
  const { station } = await managedVote(ctx, voteId);
  return ctx.db.transaction(async (tx) => {
    await lockVote(tx, voteId, ['draft', 'open']);
    await tx
      .update(votes)
      .set({ status: 'cancelled', closedAt: new Date(), cancelReason: reason })
      .where(eq(votes.id, voteId));
    await recordAudit(tx, ctx, {
      action: 'vote.cancel',
      subjectType: 'vote',
      subjectId: voteId,
      stationId: station.id,
      path: station.path,
      summary: { reason },
    });
    return { ok: true as const };
  });
}

/**
 * Counts and freezes a vote. SHARE on the ballots table waits for ballots in flight and holds back new
 * ones (of any vote, for the few milliseconds of a count) until the close commits; held-back ballots then
 * find the vote closed (migration 0014). The count reads every committed ballot. Also run by the job when
 * the closing time passes (actor null).
 */
export async function closeVoteIn(tx: DbOrTx, actor: AuditActor, voteId: number) {
  await tx.execute(sql`lock table deliberation_ballots in share mode`);
  const vote = await lockVote(tx, voteId, ['open']);
  const box = await readBallotBox(tx, vote);
  const result = presentTally(countBox(vote, box));
  const { digest } = ballotDigest(box.ballots);
  await tx
    .update(votes)
    .set({ status: 'closed', closedAt: new Date(), closedBy: actor.user?.userId ?? null, result, digest })
    .where(eq(votes.id, voteId));
  const station = await stationPlace(tx, vote.stationId);
  await recordAudit(tx, actor, {
    action: 'vote.close',
    subjectType: 'vote',
    subjectId: voteId,
    stationId: vote.stationId,
    path: station.path,
    summary: { passed: result.passed, heads: result.participation.heads, digest },
  });
  return result;
}

export async function closeVote(ctx: AuthedCtx, voteId: number) {
  await managedVote(ctx, voteId);
  await ctx.db.transaction((tx) => closeVoteIn(tx, ctx, voteId));
  return { ok: true as const };
}

/** Closes every open vote whose closing time has passed (the job, every minute). */
export async function closeDueVotes(db: DbOrTx, actor: AuditActor) {
  const due = await db
    .select({ id: votes.id })
    .from(votes)
    .where(and(eq(votes.status, 'open'), lt(votes.closesAt, new Date())));
  for (const { id } of due) {
    await db
      .transaction((tx) => closeVoteIn(tx, actor, id))
      .catch((err: unknown) => {
        if (!(err instanceof AppError && err.code === 'INVALID_STATE')) throw err;
      });
  }
  return due.length;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summary(v: VoteRow, voted: boolean | null = null): z.infer<typeof ZVoteSummary> {
  return {
    voted,
    id: v.id,
    title: v.title,
    status: v.status,
    electorate: v.electorate,
    method: v.method,
    rule: v.rule,
    closesAt: v.closesAt.toISOString(),
    passed: v.status === 'closed' ? ((v.result as { passed: boolean } | null)?.passed ?? null) : null,
  };
}

export async function listVotes(ctx: AuthedCtx, stationId: number) {
  const abilities = await abilitiesAt(ctx, stationId);
  const staff = abilities.read || abilities.manage || abilities.enter || abilities.collect;
  if (!staff && !(await isStationResident(ctx.db, ctx.user.userId, stationId)))
    throw new AppError('NOT_FOUND');
  const rows = await ctx.db
    .select()
    .from(votes)
    .where(and(eq(votes.stationId, stationId), staff ? undefined : ne(votes.status, 'draft')))
    .orderBy(desc(votes.id))
    .limit(200);
  const mine = await ctx.db.execute<{ vote_id: string; voted: boolean }>(sql`
    select e.vote_id, bool_and(b.id is not null) as voted from deliberation_electors e
    left join deliberation_ballots b on b.vote_id = e.vote_id and b.elector_id = e.id
    where e.vote_id = any(${idList(rows.map((r) => r.id))})
      and (e.user_id = ${ctx.user.userId} or e.resident_id in (select r.id from people_residents r
        where r.user_id = ${ctx.user.userId} and r.station_id = ${stationId} and r.verified_at is not null))
    group by e.vote_id`);
  const votedIn = new Map(mine.rows.map((m) => [Number(m.vote_id), m.voted]));
  return { items: rows.map((r) => summary(r, votedIn.get(r.id) ?? null)), canCreate: abilities.manage };
}

export async function getVote(ctx: AuthedCtx, voteId: number): Promise<z.infer<typeof ZVote>> {
  const { vote, read, manage, enter, collect } = await voteFor(ctx, voteId);
  // A live count (interim results) gives the turnout too; otherwise one aggregate does.
  const live = vote.status === 'open' && vote.interimResults;
  const [options, labels, mine, counted, [station]] = await Promise.all([
    optionKeys(ctx.db, vote),
    ctx.db
      .select({ id: voteOptions.id, label: voteOptions.label })
      .from(voteOptions)
      .where(eq(voteOptions.voteId, vote.id)),
    vote.status === 'draft' ? [] : myElectors(ctx.db, vote, ctx.user.userId),
    live ? readBallotBox(ctx.db, vote).then((box) => presentTally(countBox(vote, box))) : null,
    ctx.db.select({ name: stations.name }).from(stations).where(eq(stations.id, vote.stationId)),
  ]);
  const labelOf = new Map(labels.map((l) => [String(l.id), l.label]));
  const result =
    counted ?? (vote.status === 'closed' ? (vote.result as z.infer<typeof ZVote>['result']) : null);
  const counts = result
    ? { electorate: result.electorate, participation: result.participation }
    : vote.status === 'draft'
      ? null
      : await turnout(ctx.db, vote.id);
  return {
    ...summary(vote, mine.length === 0 ? null : mine.every((m) => m.voted)),
    stationId: vote.stationId,
    stationName: station?.name ?? '',
    body: vote.body,
    topicId: vote.topicId,
    scope: vote.scope,
    scopeIds: vote.scopeIds,
    method: vote.method,
    maxChoices: vote.maxChoices,
    customThresholds: vote.customThresholds as RuleThresholds | null,
    ballotsFinal: vote.ballotsFinal,
    secret: vote.secret,
    interimResults: vote.interimResults,
    openedAt: iso(vote.openedAt),
    closedAt: iso(vote.closedAt),
    options: options.map((key) => ({ key, label: labelOf.get(key) ?? key })),
    turnout: counts,
    result,
    digest: vote.digest,
    cancelReason: vote.cancelReason,
    mine: mine.map((m) => ({ electorId: m.electorId, label: m.label, voted: m.voted })),
    abilities: { read, manage, enter, collect },
  };
}
