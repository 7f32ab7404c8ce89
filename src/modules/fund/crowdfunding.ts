import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { idList } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import { fenNumber } from '../../shared/money.ts';
import { recordAudit } from '../audit/index.ts';
import { votes } from '../deliberation/index.ts';
import { buildings } from '../places/index.ts';
import { chinaDate } from '../stations/index.ts';
import type { ZCreateDrive } from './crowdfunding.schema.ts';
import { fundDrives } from './crowdfunding.tables.ts';
import { asks, crowdfundingAccess, driveFor, taking } from './crowdfunding-access.ts';
import { driveProgress } from './crowdfunding-progress.ts';
import { fundAccounts } from './fund.tables.ts';
import { generalAccount } from './fund.ts';
import { fundProjects } from './projects.tables.ts';

/**
 * Crowdfunding drives 众筹 (DESIGN §3.5): opened by fund.post holders with their own earmarked account,
 * listed and shown with their progress to the station's staff, collectors and residents, and closed with
 * what they raised. Pledges, payments and hand-overs: crowdfunding-money.ts.
 */

/** The earmarked account a drive opens (account names are unique per station). */
const ACCOUNT_PREFIX = '众筹：';

export async function createDrive(ctx: AuthedCtx, stationId: number, input: z.infer<typeof ZCreateDrive>) {
  const { station, post } = await crowdfundingAccess(ctx, stationId);
  if (!post) throw new AppError('FORBIDDEN');
  if (input.deadline < chinaDate()) {
    throw fieldError('deadline', '截止日期不能早于今天', 'The deadline cannot be in the past');
  }
  if (input.suggestedFen > input.targetFen) {
    throw fieldError(
      'suggestedFen',
      '每户建议金额不能超过目标金额',
      'The suggested amount per household cannot exceed the target',
    );
  }
  const buildingIds = [...new Set(input.buildingIds)];
  if (buildingIds.length > 0) {
    const found = await ctx.db
      .select({ id: buildings.id })
      .from(buildings)
      .where(and(eq(buildings.stationId, station.id), sql`${buildings.id} = any(${idList(buildingIds)})`));
    if (found.length !== buildingIds.length) {
      throw fieldError('buildingIds', '所选楼幢不属于本站', 'A building chosen is not one of this station’s');
    }
  }
  if (input.voteId !== null) {
    const [vote] = await ctx.db
      .select({ id: votes.id })
      .from(votes)
      .where(and(eq(votes.id, input.voteId), eq(votes.stationId, station.id)));
    if (!vote) throw fieldError('voteId', '本站没有这项表决', 'No such vote at this station');
  }
  if (input.projectId !== null) {
    const [project] = await ctx.db
      .select({ id: fundProjects.id })
      .from(fundProjects)
      .where(and(eq(fundProjects.id, input.projectId), eq(fundProjects.stationId, station.id)));
    if (!project) throw fieldError('projectId', '本站没有这个项目', 'No such project at this station');
  }
  return ctx.db.transaction(async (tx) => {
    await generalAccount(tx, station.id);
    const [account] = await tx
      .insert(fundAccounts)
      .values({
        stationId: station.id,
        kind: 'earmarked',
        name: `${ACCOUNT_PREFIX}${input.title}`,
        purpose: input.purpose,
        createdBy: ctx.user.userId,
      })
      .onConflictDoNothing()
      .returning({ id: fundAccounts.id });
    if (!account) {
      throw fieldError('title', '本站已有同名的众筹', 'The station has a drive of that title');
    }
    const [drive] = await tx
      .insert(fundDrives)
      .values({
        stationId: station.id,
        accountId: account.id,
        title: input.title,
        purpose: input.purpose,
        targetFen: input.targetFen,
        suggestedFen: input.suggestedFen,
        deadline: input.deadline,
        buildingIds,
        voteId: input.voteId,
        projectId: input.projectId,
        createdBy: ctx.user.userId,
      })
      .returning({ id: fundDrives.id });
    await recordAudit(tx, ctx, {
      action: 'fund.drive.create',
      subjectType: 'fundDrive',
      subjectId: drive!.id,
      stationId: station.id,
      path: station.path,
      summary: {
        accountId: account.id,
        targetFen: input.targetFen,
        suggestedFen: input.suggestedFen,
        deadline: input.deadline,
        buildingIds,
        voteId: input.voteId,
      },
    });
    return { id: drive!.id, accountId: account.id };
  });
}

/** Written out: Drizzle leaves a lone table's columns unqualified, and inside the subquery "id" is p.id. */
const paidOf = sql<string>`(select coalesce(sum(p.amount_fen), 0)::text from fund_payments p where p.drive_id = fund_drives.id)`;

export async function listDrives(
  ctx: AuthedCtx,
  stationId: number,
  query: { cursor?: string | undefined; limit: number },
) {
  const { post } = await crowdfundingAccess(ctx, stationId);
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  const rows = await ctx.db
    .select({
      id: fundDrives.id,
      title: fundDrives.title,
      purpose: fundDrives.purpose,
      targetFen: fundDrives.targetFen,
      suggestedFen: fundDrives.suggestedFen,
      deadline: fundDrives.deadline,
      status: fundDrives.status,
      createdAt: fundDrives.createdAt,
      paid: paidOf,
    })
    .from(fundDrives)
    .where(and(eq(fundDrives.stationId, stationId), after ? lt(fundDrives.id, after[0]) : undefined))
    .orderBy(desc(fundDrives.id))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => ({
      id: r.id,
      title: r.title,
      purpose: r.purpose,
      targetFen: r.targetFen,
      suggestedFen: r.suggestedFen,
      deadline: r.deadline,
      status: r.status,
      paidFen: fenNumber(BigInt(r.paid)),
      createdAt: r.createdAt.toISOString(),
    }),
  );
  return { ...page, abilities: { create: post } };
}

export async function driveDetail(ctx: AuthedCtx, driveId: number) {
  const { drive, station, read, post, collect, homes } = await driveFor(ctx, driveId);
  const progress = await driveProgress(ctx.db, drive);
  const extra = await ctx.db.execute<{ balance: string; vote_title: string | null }>(sql`
    select (select balance_fen::text from fund_accounts where id = ${drive.accountId}) as balance,
      (select title from deliberation_votes where id = ${drive.voteId}) as vote_title`);
  const names = await ctx.db
    .select({ id: buildings.id, name: buildings.name })
    .from(buildings)
    .where(
      drive.buildingIds.length === 0
        ? eq(buildings.stationId, drive.stationId)
        : sql`${buildings.id} = any(${idList(drive.buildingIds)})`,
    )
    .orderBy(buildings.sortKey, buildings.id);
  const mine = homes.filter((h) => asks(drive, h.buildingId));
  const own =
    mine.length === 0
      ? []
      : (
          await ctx.db.execute<{
            household_id: number;
            pledge: string | null;
            shown: string | null;
            paid: string;
          }>(sql`
            select h.id as household_id, pl.amount_fen::text as pledge, pl.shown,
              (select coalesce(sum(p.amount_fen), 0)::text from fund_payments p
               where p.drive_id = ${drive.id} and p.household_id = h.id) as paid
            from places_households h
            left join fund_pledges pl on pl.drive_id = ${drive.id} and pl.household_id = h.id
            where h.id = any(${idList(mine.map((h) => h.householdId))})`)
        ).rows;
  const ownBy = new Map(own.map((r) => [Number(r.household_id), r]));
  const open = taking(drive, chinaDate());
  return {
    id: drive.id,
    stationId: drive.stationId,
    stationName: station.name,
    accountId: drive.accountId,
    title: drive.title,
    purpose: drive.purpose,
    targetFen: drive.targetFen,
    suggestedFen: drive.suggestedFen,
    deadline: drive.deadline,
    status: drive.status,
    paidFen: progress.paidFen,
    createdAt: drive.createdAt.toISOString(),
    closedAt: drive.closedAt?.toISOString() ?? null,
    balanceFen: fenNumber(BigInt(extra.rows[0]?.balance ?? '0')),
    buildings: names,
    vote:
      drive.voteId !== null && extra.rows[0]?.vote_title
        ? { id: drive.voteId, title: extra.rows[0].vote_title }
        : null,
    projectId: drive.projectId,
    taking: open,
    progress,
    myHouseholds: mine.map((h) => {
      const r = ownBy.get(h.householdId);
      return {
        householdId: h.householdId,
        label: h.label,
        pledgeFen: r?.pledge ? fenNumber(BigInt(r.pledge)) : null,
        shown: (r?.shown ?? null) as 'masked' | 'full' | 'anonymous' | null,
        paidFen: fenNumber(BigInt(r?.paid ?? '0')),
      };
    }),
    abilities: { post, read, collect, pledge: open && (post || mine.length > 0) },
  };
}

/** Closes an open drive: no more pledges or payments; cash still with collectors may be handed in. */
export async function closeDrive(ctx: AuthedCtx, driveId: number) {
  const { drive, station, post } = await driveFor(ctx, driveId);
  if (!post) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    // The drive's row is what every payment locks: none is taken between this check and the close.
    const [locked] = await tx
      .select({ status: fundDrives.status })
      .from(fundDrives)
      .where(eq(fundDrives.id, drive.id))
      .for('update');
    if (locked!.status !== 'open') {
      throw new AppError('INVALID_STATE', {
        detail: { zh: '该众筹已结束', en: 'This drive has ended already' },
      });
    }
    await tx
      .update(fundDrives)
      .set({ status: 'closed', closedAt: new Date() })
      .where(eq(fundDrives.id, drive.id));
    const progress = await driveProgress(tx, drive);
    const raised = {
      status: 'closed' as const,
      paidFen: progress.paidFen,
      postedFen: progress.postedFen,
      pendingFen: fenNumber(BigInt(progress.paidFen) - BigInt(progress.postedFen)),
      households: progress.households,
      paidHouseholds: progress.paid,
    };
    await recordAudit(tx, ctx, {
      action: 'fund.drive.close',
      subjectType: 'fundDrive',
      subjectId: drive.id,
      stationId: station.id,
      path: station.path,
      summary: {
        paidFen: raised.paidFen,
        postedFen: raised.postedFen,
        paidHouseholds: raised.paidHouseholds,
      },
    });
    return raised;
  });
}
