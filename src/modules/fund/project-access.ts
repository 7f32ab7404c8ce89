import { and, eq, sql } from 'drizzle-orm';
import { type DbOrTx, escapeLike, idList } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, type Text } from '../../server/http/errors.ts';
import { can } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { stationPlace } from '../places/index.ts';
import { residentOfStation } from '../requests/index.ts';
import { type ProjectRelation, seesProject } from './project-lifecycle.ts';
import { fundProjectMembers, fundProjects } from './projects.tables.ts';

/**
 * Who the user is to a project, and the project if they may see it: staff of the station's fund, the
 * project's own people (lead, team, supervision group, partners with accounts) at every stage, and the
 * station's verified residents once its budget is approved. Everyone else gets 404, like a missing one.
 */

export type ProjectRow = typeof fundProjects.$inferSelect;
export type Station = Awaited<ReturnType<typeof stationPlace>>;

export const notNow = (
  detail: Text = { zh: '项目当前阶段不能办理此事项', en: 'The project is not at a stage for this' },
) => new AppError('INVALID_STATE', { detail });

export async function relationTo(
  ctx: AuthedCtx,
  project: Pick<ProjectRow, 'id' | 'stationId' | 'leadUserId'>,
  station: Station,
  db: DbOrTx = ctx.db,
): Promise<ProjectRelation> {
  const me = ctx.user.userId;
  const roles = await db
    .select({ role: fundProjectMembers.role })
    .from(fundProjectMembers)
    .where(and(eq(fundProjectMembers.projectId, project.id), eq(fundProjectMembers.userId, me)));
  const has = (role: string) => roles.some((r) => r.role === role);
  const post = can(ctx.user, 'fund.post', station);
  return {
    staff: post || can(ctx.user, 'fund.read', station),
    post,
    team: project.leadUserId === me || has('team'),
    supervisor: has('supervisor'),
    partner: has('partner'),
    resident: (await residentOfStation(db, me, project.stationId)) !== null,
  };
}

/** The project and who the user is to it; 404 unless they may see it. `lock` takes the row for update. */
export async function projectFor(ctx: AuthedCtx, projectId: number, db: DbOrTx = ctx.db, lock = false) {
  const query = db.select().from(fundProjects).where(eq(fundProjects.id, projectId));
  const [project] = lock ? await query.for('update') : await query;
  if (!project) throw new AppError('NOT_FOUND');
  const station = await stationPlace(db, project.stationId);
  const who = await relationTo(ctx, project, station, db);
  if (!seesProject(who, project.stage)) throw new AppError('NOT_FOUND');
  return { project, station, who };
}

/** Audits a change to a project or to one of its records, at the project's station and place. */
export function auditProject(
  tx: DbOrTx,
  ctx: AuthedCtx,
  at: { project: Pick<ProjectRow, 'stationId'>; station: Station },
  event: Omit<Parameters<typeof recordAudit>[2], 'stationId' | 'path'>,
) {
  return recordAudit(tx, ctx, { ...event, stationId: at.project.stationId, path: at.station.path });
}

/** The station's staff, council and verified residents with an account, who may lead, work on or supervise. */
export async function stationPeople(
  db: DbOrTx,
  stationId: number,
  filter: { q?: string; only?: readonly number[] },
) {
  const q = filter.q?.trim() ?? '';
  const only = filter.only ? idList(filter.only) : null;
  const result = await db.execute<{
    id: string;
    name: string;
    why: ('staff' | 'council' | 'resident')[];
  }>(sql`
    select u.id, u.display_name as name, array_agg(distinct p.why order by p.why) as why from (
      select user_id, 'staff' as why from accounts_role_grants
        where station_id = ${stationId} and role <> 'resident'
      union all select user_id, 'council' from stations_council_members
        where station_id = ${stationId} and left_on is null and user_id is not null
      union all select r.user_id, 'resident' from people_residents r
        where r.station_id = ${stationId} and r.user_id is not null
          and exists (select 1 from people_household_members m where m.resident_id = r.id)
    ) p join accounts_users u on u.id = p.user_id and u.disabled_at is null
    where true
      ${q ? sql`and u.display_name ilike ${`%${escapeLike(q)}%`}` : sql``}
      ${only ? sql`and u.id = any(${only})` : sql``}
    group by u.id, u.display_name order by u.display_name, u.id limit ${only ? 200 : 50}`);
  return result.rows.map((r) => ({ userId: Number(r.id), name: r.name, why: r.why }));
}
