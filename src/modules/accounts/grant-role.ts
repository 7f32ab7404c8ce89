import { and, eq } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findPlace, stationPlace } from '../places/find-place.ts';
import { roleGrants, users } from './accounts.tables.ts';
import { can } from './policy.ts';
import { ROLE_SCOPES, type Role } from './roles.ts';
import { forgetCachedUser } from './sessions.ts';

/** Grants a role on a node the granter manages; the role must fit the node (e.g. 楼组长 on a building). */
export async function grantRole(
  ctx: AuthedCtx,
  input: {
    phone: string;
    role: Role;
    areaId?: number | undefined;
    stationId?: number | undefined;
    buildingId?: number | undefined;
  },
) {
  const scope = ROLE_SCOPES[input.role];
  const given = input.areaId ? 'area' : input.stationId ? 'station' : 'building';
  if (given !== scope) {
    throw new AppError('VALIDATION', {
      errors: [
        {
          path: 'role',
          message: {
            zh: '该角色不能授予在此类节点上',
            en: 'This role cannot be granted on this kind of node',
          },
        },
      ],
    });
  }
  const place = await findPlace(
    ctx.db,
    ctx.user,
    given,
    (input.areaId ?? input.stationId ?? input.buildingId)!,
  );
  if (!can(ctx.user, 'role.manage', place)) throw new AppError('FORBIDDEN');
  if (
    input.role === 'platformAdmin' &&
    place.path !== '/' &&
    !ctx.user.grants.some((g) => g.role === 'platformAdmin')
  )
    throw new AppError('FORBIDDEN');
  const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.phone, input.phone));
  if (!user)
    throw new AppError('NOT_FOUND', { detail: { zh: '该手机号尚未注册', en: 'No account with this phone' } });
  const id = await ctx.db.transaction(async (tx) => {
    const path = given === 'station' ? null : place.path;
    const [dup] = await tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, user.id),
          eq(roleGrants.role, input.role),
          given === 'station' ? eq(roleGrants.stationId, place.id) : eq(roleGrants.path, place.path),
        ),
      );
    if (dup)
      throw new AppError('CONFLICT', {
        detail: { zh: '该用户已有此角色', en: 'The user already holds this role here' },
      });
    const [row] = await tx
      .insert(roleGrants)
      .values({
        userId: user.id,
        role: input.role,
        stationId: place.stationId,
        path,
        scopeName: place.name,
        grantedBy: ctx.user.userId,
      })
      .returning({ id: roleGrants.id });
    await recordAudit(tx, ctx, {
      action: 'role.grant',
      subjectType: 'user',
      subjectId: user.id,
      stationId: place.stationId,
      path: place.path,
      summary: { role: input.role, scope: place.name },
    });
    return row!.id;
  });
  forgetCachedUser(user.id);
  return id;
}

/** Revokes a grant; the revoker must manage roles at the node the grant sits on. */
export async function revokeRole(ctx: AuthedCtx, grantId: number) {
  const userId = await ctx.db.transaction(async (tx) => {
    const [grant] = await tx.select().from(roleGrants).where(eq(roleGrants.id, grantId)).for('update');
    if (!grant) throw new AppError('NOT_FOUND');
    // Where the grant sits: its path, or for a station grant the station's own path.
    const place =
      grant.path === null
        ? await stationPlace(tx, grant.stationId!)
        : { stationId: grant.stationId, path: grant.path };
    if (!can(ctx.user, 'tree.read', place)) throw new AppError('NOT_FOUND');
    if (!can(ctx.user, 'role.manage', place)) throw new AppError('FORBIDDEN');
    if (grant.userId === ctx.user.userId && grant.role === 'platformAdmin') {
      throw new AppError('FORBIDDEN', {
        detail: { zh: '不能撤销自己的平台管理员角色', en: 'You cannot revoke your own platform admin role' },
      });
    }
    await tx.delete(roleGrants).where(eq(roleGrants.id, grantId));
    await recordAudit(tx, ctx, {
      action: 'role.revoke',
      subjectType: 'user',
      subjectId: grant.userId,
      stationId: grant.stationId,
      path: place.path,
      summary: { role: grant.role, scope: grant.scopeName },
    });
    return grant.userId;
  });
  forgetCachedUser(userId);
}
