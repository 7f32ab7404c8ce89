import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { pgErrorCode, type Tx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { users } from '../accounts/accounts.tables.ts';
import { can } from '../accounts/policy.ts';
import { roleAllows } from '../accounts/roles.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notifyUser } from '../notifications/notify.ts';
import { findPlace } from '../places/find-place.ts';
import { households, stations } from '../places/places.tables.ts';
import { householdMembers, residents, verificationClaims } from './people.tables.ts';

type Relation = 'owner' | 'tenant' | 'member';

/**
 * A signed-in person claims a household. When the roster already lists them there (same name and
 * phone), the claim is verified at once (method "roster"); otherwise staff check it.
 */
export async function claimHousehold(
  ctx: AuthedCtx,
  input: { householdId: number; claimedName: string; relation: Relation },
) {
  const [household] = await ctx.db.select().from(households).where(eq(households.id, input.householdId));
  if (!household) throw new AppError('NOT_FOUND');
  return ctx.db.transaction(async (tx) => {
    const [match] = await tx
      .select({ residentId: residents.id, userId: residents.userId })
      .from(householdMembers)
      .innerJoin(residents, eq(residents.id, householdMembers.residentId))
      .where(
        and(
          eq(householdMembers.householdId, household.id),
          eq(residents.name, input.claimedName),
          eq(residents.phone, ctx.user.phone),
        ),
      );
    const verified = !!match && (match.userId === null || match.userId === ctx.user.userId);
    let created: typeof verificationClaims.$inferSelect;
    try {
      [created] = (await tx
        .insert(verificationClaims)
        .values({
          stationId: household.stationId,
          userId: ctx.user.userId,
          householdId: household.id,
          claimedName: input.claimedName,
          relation: input.relation,
          status: verified ? 'verified' : 'pending',
          method: verified ? 'roster' : null,
          residentId: verified ? match.residentId : null,
          decidedAt: verified ? new Date() : null,
        })
        .returning()) as [typeof verificationClaims.$inferSelect];
    } catch (err) {
      if (pgErrorCode(err) === '23505') {
        throw new AppError('CONFLICT', {
          detail: {
            zh: '您已提交过该房屋的认证申请，请等待审核',
            en: 'You already have a pending claim for this household',
          },
        });
      }
      throw err;
    }
    if (verified)
      await tx
        .update(residents)
        .set({ userId: ctx.user.userId, verifiedAt: new Date() })
        .where(eq(residents.id, match.residentId));
    await recordAudit(tx, ctx, {
      action: verified ? 'claim.verifiedByRoster' : 'claim.create',
      subjectType: 'claim',
      subjectId: created.id,
      stationId: household.stationId,
      path: household.path,
      summary: { householdId: household.id, relation: input.relation },
    });
    return created;
  });
}

/** Staff verify or reject a claim. Verifying links the account to a resident of the household. */
export async function decideClaim(
  ctx: AuthedCtx,
  id: number,
  input: { decision: 'verify' } | { decision: 'reject'; reason: string },
) {
  return ctx.db.transaction(async (tx) => {
    const [claim] = await tx
      .select()
      .from(verificationClaims)
      .where(eq(verificationClaims.id, id))
      .for('update');
    if (!claim) throw new AppError('NOT_FOUND');
    const household = await findPlace(tx, ctx.user, 'household', claim.householdId, 'household.read').catch(
      () => {
        throw new AppError('NOT_FOUND');
      },
    );
    if (!can(ctx.user, 'verification.review', household)) throw new AppError('FORBIDDEN');
    if (claim.status !== 'pending')
      throw new AppError('INVALID_STATE', {
        detail: { zh: '该申请已处理', en: 'This claim was already decided' },
      });
    if (claim.userId === ctx.user.userId)
      throw new AppError('FORBIDDEN', {
        detail: { zh: '不能审核自己的申请', en: 'You cannot decide your own claim' },
      });
    let residentId: number | null = null;
    if (input.decision === 'verify') residentId = await linkClaimant(tx, claim);
    const status = input.decision === 'verify' ? ('verified' as const) : ('rejected' as const);
    await tx
      .update(verificationClaims)
      .set({
        status,
        method: 'staff',
        residentId,
        decidedBy: ctx.user.userId,
        decidedAt: new Date(),
        reason: input.decision === 'reject' ? input.reason : null,
      })
      .where(eq(verificationClaims.id, id));
    await notifyUser(tx, {
      userId: claim.userId,
      stationId: claim.stationId,
      kind: 'claim.decided',
      title: status === 'verified' ? '房屋认证已通过' : '房屋认证未通过',
      body:
        status === 'verified'
          ? `您对 ${household.name} 的认证已通过。`
          : `您对 ${household.name} 的认证未通过：${input.decision === 'reject' ? input.reason : ''}`,
      data: { claimId: id },
    });
    await recordAudit(tx, ctx, {
      action: `claim.${status}`,
      subjectType: 'claim',
      subjectId: id,
      stationId: claim.stationId,
      path: household.path,
      summary: { decision: input.decision },
    });
    return { status };
  });
}

/**
 * Finds or creates the resident a verified claim stands for and links them to the household:
 * the account's resident in this station if it has one (a second household), else the roster's
 * person of that name in the household, else a new resident.
 */
async function linkClaimant(tx: Tx, claim: typeof verificationClaims.$inferSelect): Promise<number> {
  const [own] = await tx
    .select({ id: residents.id })
    .from(residents)
    .where(and(eq(residents.stationId, claim.stationId), eq(residents.userId, claim.userId)));
  const [listed] = await tx
    .select({ id: residents.id, userId: residents.userId })
    .from(householdMembers)
    .innerJoin(residents, eq(residents.id, householdMembers.residentId))
    .where(and(eq(householdMembers.householdId, claim.householdId), eq(residents.name, claim.claimedName)));
  if (listed && listed.userId !== null && listed.userId !== claim.userId) {
    throw new AppError('CONFLICT', {
      detail: {
        zh: '名册中该居民已绑定另一个账号',
        en: 'This resident is already linked to another account',
      },
    });
  }
  let residentId = own?.id ?? listed?.id;
  if (residentId === undefined) {
    const [claimant] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, claim.userId));
    const [created] = await tx
      .insert(residents)
      .values({ stationId: claim.stationId, name: claim.claimedName, phone: claimant?.phone ?? null })
      .returning({ id: residents.id });
    residentId = created!.id;
  }
  await tx
    .insert(householdMembers)
    .values({
      stationId: claim.stationId,
      householdId: claim.householdId,
      residentId,
      relation: claim.relation,
    })
    .onConflictDoNothing();
  await tx
    .update(residents)
    .set({ userId: claim.userId, verifiedAt: new Date() })
    .where(eq(residents.id, residentId));
  return residentId;
}

export async function listClaims(
  ctx: AuthedCtx,
  query: {
    stationId?: number | undefined;
    status: 'pending' | 'verified' | 'rejected';
    cursor?: string | undefined;
    limit: number;
  },
) {
  const reviewable = ctx.user.grants.filter((g) => roleAllows(g.role, 'verification.review'));
  if (reviewable.length === 0) throw new AppError('FORBIDDEN');
  let stationIds: number[];
  if (query.stationId) {
    const station = await findPlace(ctx.db, ctx.user, 'station', query.stationId, 'household.read');
    if (!can(ctx.user, 'verification.review', station)) throw new AppError('FORBIDDEN');
    stationIds = [station.id];
  } else {
    const all = await ctx.db.select({ id: stations.id, path: stations.path }).from(stations);
    stationIds = all
      .filter((s) => can(ctx.user, 'verification.review', { stationId: s.id, path: s.path }))
      .map((s) => s.id);
  }
  if (stationIds.length === 0) return { items: [], nextCursor: null };
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  const rows = await ctx.db
    .select({
      claim: verificationClaims,
      householdLabel: households.label,
      phone: users.phone,
      rosterMatch: sql<boolean>`exists (select 1 from ${householdMembers} m join ${residents} r on r.id = m.resident_id
        where m.household_id = ${verificationClaims.householdId} and r.name = ${verificationClaims.claimedName})`,
    })
    .from(verificationClaims)
    .innerJoin(households, eq(households.id, verificationClaims.householdId))
    .innerJoin(users, eq(users.id, verificationClaims.userId))
    .where(
      and(
        inArray(verificationClaims.stationId, stationIds),
        eq(verificationClaims.status, query.status),
        after ? gt(verificationClaims.id, after[0]) : undefined,
      ),
    )
    .orderBy(asc(verificationClaims.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => r.claim.id, presentClaim);
}

export async function listMyClaims(ctx: AuthedCtx) {
  const rows = await ctx.db
    .select({
      claim: verificationClaims,
      householdLabel: households.label,
      phone: users.phone,
      rosterMatch: sql<boolean>`false`,
    })
    .from(verificationClaims)
    .innerJoin(households, eq(households.id, verificationClaims.householdId))
    .innerJoin(users, eq(users.id, verificationClaims.userId))
    .where(eq(verificationClaims.userId, ctx.user.userId))
    .orderBy(asc(verificationClaims.id));
  return { items: rows.map(presentClaim), nextCursor: null };
}

function presentClaim(r: {
  claim: typeof verificationClaims.$inferSelect;
  householdLabel: string;
  phone: string;
  rosterMatch: boolean;
}) {
  return {
    id: r.claim.id,
    stationId: r.claim.stationId,
    householdId: r.claim.householdId,
    householdLabel: r.householdLabel,
    claimedName: r.claim.claimedName,
    relation: r.claim.relation,
    phone: r.phone,
    status: r.claim.status,
    method: r.claim.method,
    reason: r.claim.reason,
    createdAt: r.claim.createdAt.toISOString(),
    rosterMatch: r.rosterMatch,
  };
}
