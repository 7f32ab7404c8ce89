import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can, roleAllows } from '../accounts/index.ts';
import { resolveActingFor } from '../people/index.ts';
import { stationPlace } from '../places/index.ts';
import { fundDrives } from './crowdfunding.tables.ts';

/**
 * Who takes part in a station's crowdfunding: fund staff (fund.read / fund.post), collectors
 * (fund.collect: station admins everywhere, a building leader in the buildings of his grant), and the
 * station's residents — their own verified account, or a family proxy / staff acting for them
 * (X-On-Behalf-Of). Everyone else gets 404, like a drive that does not exist.
 */

export type DriveRow = typeof fundDrives.$inferSelect;

export interface HomeOf {
  householdId: number;
  label: string;
  buildingId: number;
  path: string;
}

export interface CrowdfundingAccess {
  station: Awaited<ReturnType<typeof stationPlace>>;
  read: boolean;
  post: boolean;
  /** fund.collect somewhere in the station (which households: `mayCollect`). */
  collect: boolean;
  /** The resident the user speaks for here (themselves, or the one acted for), and their households. */
  residentId: number | null;
  homes: HomeOf[];
}

/** The households of the resident the user speaks for at the station (verified account or acting for). */
async function homesOf(db: DbOrTx, stationId: number, by: { userId: number } | { residentId: number }) {
  // Their own account only once verified; a resident acted for (checked by resolveActingFor) as they are.
  const who =
    'userId' in by
      ? sql`r.user_id = ${by.userId} and r.verified_at is not null`
      : sql`r.id = ${by.residentId}`;
  const rows = await db.execute<{
    resident_id: number;
    household_id: number;
    label: string;
    building_id: number;
    path: string;
  }>(sql`
    select r.id as resident_id, h.id as household_id, h.label, h.building_id, h.path
    from people_residents r
    join people_household_members m on m.resident_id = r.id
    join places_households h on h.id = m.household_id
    where r.station_id = ${stationId} and ${who}
    order by h.sort_key, h.id`);
  return {
    residentId: rows.rows[0] ? Number(rows.rows[0].resident_id) : null,
    homes: rows.rows.map((r) => ({
      householdId: Number(r.household_id),
      label: r.label,
      buildingId: Number(r.building_id),
      path: r.path,
    })),
  };
}

export async function crowdfundingAccess(ctx: AuthedCtx, stationId: number): Promise<CrowdfundingAccess> {
  const station = await stationPlace(ctx.db, stationId);
  const read = can(ctx.user, 'fund.read', station);
  const post = can(ctx.user, 'fund.post', station);
  // A building leader's grant sits on a building of the station: it lets him see the drives; which
  // households he may collect from is checked per household (mayCollect).
  const collect =
    can(ctx.user, 'fund.collect', station) ||
    ctx.user.grants.some(
      (g) => g.stationId === station.id && g.path !== null && roleAllows(g.role, 'fund.collect'),
    );
  const actingFor = await resolveActingFor(ctx.db, ctx);
  const { residentId, homes } = await homesOf(
    ctx.db,
    station.id,
    actingFor === null ? { userId: ctx.user.userId } : { residentId: actingFor },
  );
  if (actingFor !== null && residentId === null) throw new AppError('NOT_FOUND');
  if (!read && !post && !collect && residentId === null) throw new AppError('NOT_FOUND');
  return { station, read, post, collect, residentId, homes };
}

/** A drive and what the user may do with it; 404 unless they may see its station's crowdfunding. */
export async function driveFor(ctx: AuthedCtx, driveId: number) {
  const [drive] = await ctx.db.select().from(fundDrives).where(eq(fundDrives.id, driveId));
  if (!drive) throw new AppError('NOT_FOUND');
  return { drive, ...(await crowdfundingAccess(ctx, drive.stationId)) };
}

/** Whether the user may collect cash from a household (its place in the tree). */
export const mayCollect = (ctx: AuthedCtx, stationId: number, householdPath: string) =>
  can(ctx.user, 'fund.collect', { stationId, path: householdPath });

/** Whether the drive asks this building (every building of the station when it names none). */
export const asks = (drive: Pick<DriveRow, 'buildingIds'>, buildingId: number) =>
  drive.buildingIds.length === 0 || drive.buildingIds.includes(buildingId);

/** Money is taken while the drive is open and its deadline (a China date, inclusive) not passed. */
export const taking = (drive: Pick<DriveRow, 'status' | 'deadline'>, today: string) =>
  drive.status === 'open' && today <= drive.deadline;
