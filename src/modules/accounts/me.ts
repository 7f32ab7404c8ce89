import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { householdMembers, residents, verificationClaims } from '../people/people.tables.ts';
import { compounds, households } from '../places/places.tables.ts';
import { roleGrants, users } from './accounts.tables.ts';
import { canAnywhere } from './policy.ts';
import { ACTIONS } from './roles.ts';
import { forgetCachedUser } from './sessions.ts';

export async function getMe(ctx: AuthedCtx) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.user.userId));
  const grants = await ctx.db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      stationId: roleGrants.stationId,
      path: roleGrants.path,
      scopeName: roleGrants.scopeName,
    })
    .from(roleGrants)
    .where(eq(roleGrants.userId, ctx.user.userId));
  const homes = await ctx.db
    .select({
      householdId: households.id,
      label: households.label,
      compoundName: compounds.name,
      relation: householdMembers.relation,
      stationId: households.stationId,
    })
    .from(residents)
    .innerJoin(householdMembers, eq(householdMembers.residentId, residents.id))
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .innerJoin(compounds, eq(compounds.id, households.compoundId))
    .where(and(eq(residents.userId, ctx.user.userId), isNotNull(residents.verifiedAt)));
  const [pending] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(verificationClaims)
    .where(and(eq(verificationClaims.userId, ctx.user.userId), eq(verificationClaims.status, 'pending')));
  return {
    id: user!.id,
    displayName: user!.displayName,
    phone: user!.phone,
    largeMode: user!.largeMode,
    locale: user!.locale,
    grants,
    abilities: ACTIONS.filter((a) => canAnywhere(ctx.user, a)),
    households: homes,
    pendingClaims: pending?.n ?? 0,
  };
}

export async function updatePreferences(
  ctx: AuthedCtx,
  input: { largeMode?: boolean | undefined; locale?: 'zh-CN' | 'en-US' | undefined },
) {
  const patch: { largeMode?: boolean; locale?: string } = {};
  if (input.largeMode !== undefined) patch.largeMode = input.largeMode;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (Object.keys(patch).length > 0) {
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set(patch).where(eq(users.id, ctx.user.userId));
      await recordAudit(tx, ctx, {
        action: 'user.preferences',
        subjectType: 'user',
        subjectId: ctx.user.userId,
        path: '/',
        summary: patch,
      });
    });
    forgetCachedUser(ctx.user.userId);
  }
  return getMe(ctx);
}
