import { eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { locatePlace, stationPlace } from '../places/index.ts';
import { type BandRow, type Bands, bandProblems, effectiveBands } from './approval-levels.ts';
import { fundRules } from './rules.tables.ts';

/**
 * The fund rules 使用管理办法 as stored: officers holding station.policy set an area's bands (a district's,
 * say); a station's fund.post holders may make their own station's stricter. A station's effective bands
 * are the defaults, then its areas' from the top down, then its own (approval-levels.ts).
 */

type Place = Awaited<ReturnType<typeof stationPlace>>;

/** Every area's rule, and the station's own when asked for, as path-keyed rows. */
async function bandRows(db: DbOrTx, station: Place | null): Promise<BandRow[]> {
  const areas = await db.select().from(fundRules).where(isNotNull(fundRules.areaPath));
  const rows: BandRow[] = areas.map((r) => ({
    path: r.areaPath!,
    chairMaxFen: r.chairMaxFen,
    councilMaxFen: r.councilMaxFen,
  }));
  if (station) {
    const [own] = await db.select().from(fundRules).where(eq(fundRules.stationId, station.stationId!));
    if (own)
      rows.push({ path: station.path, chairMaxFen: own.chairMaxFen, councilMaxFen: own.councilMaxFen });
  }
  return rows;
}

/** The bands in force at a station (used when a request is made). */
export async function stationBands(db: DbOrTx, stationId: number): Promise<Bands> {
  const station = await stationPlace(db, stationId);
  return effectiveBands(station.path, await bandRows(db, station)).bands;
}

function present(place: Place, rows: BandRow[], canSet: boolean) {
  const { bands, sources } = effectiveBands(place.path, rows);
  const own = rows.find((r) => r.path === place.path);
  const said = (path: string): 'default' | 'own' | 'above' =>
    path === 'default' ? 'default' : path === place.path ? 'own' : 'above';
  return {
    bands,
    sources: { chairMaxFen: said(sources.chairMaxFen), councilMaxFen: said(sources.councilMaxFen) },
    own: own ? { chairMaxFen: own.chairMaxFen!, councilMaxFen: own.councilMaxFen! } : null,
    canSet,
  };
}

async function visibleArea(ctx: AuthedCtx, areaId: number) {
  const area = await locatePlace(ctx.db, 'area', areaId);
  if (!area || !(can(ctx.user, 'fund.read', area) || can(ctx.user, 'station.policy', area))) {
    throw new AppError('NOT_FOUND');
  }
  return area;
}

async function visibleStation(ctx: AuthedCtx, stationId: number) {
  const station = await stationPlace(ctx.db, stationId);
  if (!can(ctx.user, 'fund.read', station) && !can(ctx.user, 'fund.post', station)) {
    throw new AppError('NOT_FOUND');
  }
  return station;
}

export async function getAreaRules(ctx: AuthedCtx, areaId: number) {
  const area = await visibleArea(ctx, areaId);
  return present(area, await bandRows(ctx.db, null), can(ctx.user, 'station.policy', area));
}

export async function getStationRules(ctx: AuthedCtx, stationId: number) {
  const station = await visibleStation(ctx, stationId);
  return present(station, await bandRows(ctx.db, station), can(ctx.user, 'fund.post', station));
}

function refuse(problems: ReturnType<typeof bandProblems>) {
  if (problems.length === 0) return;
  throw new AppError('VALIDATION', {
    errors: problems.map((p) => ({ path: p.path, message: { zh: p.zh, en: p.en } })),
  });
}

/** Sets (bands) or removes (null) an area's rule. */
export async function setAreaRules(ctx: AuthedCtx, areaId: number, bands: Bands | null) {
  const area = await visibleArea(ctx, areaId);
  if (!can(ctx.user, 'station.policy', area)) throw new AppError('FORBIDDEN');
  if (bands) refuse(bandProblems(bands, null));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(fundRules).where(eq(fundRules.areaPath, area.path));
    if (bands)
      await tx.insert(fundRules).values({ areaPath: area.path, ...bands, updatedBy: ctx.user.userId });
    await recordAudit(tx, ctx, {
      action: 'fund.rules.area',
      subjectType: 'area',
      subjectId: areaId,
      path: area.path,
      summary: { bands },
    });
  });
  return getAreaRules(ctx, areaId);
}

/** Sets (bands, no looser than the areas above) or removes (null) a station's own rule. */
export async function setStationRules(ctx: AuthedCtx, stationId: number, bands: Bands | null) {
  const station = await visibleStation(ctx, stationId);
  if (!can(ctx.user, 'fund.post', station)) throw new AppError('FORBIDDEN');
  if (bands) {
    const above = effectiveBands(station.path, await bandRows(ctx.db, null)).bands;
    refuse(bandProblems(bands, above));
  }
  await ctx.db.transaction(async (tx) => {
    await tx.delete(fundRules).where(eq(fundRules.stationId, stationId));
    if (bands) await tx.insert(fundRules).values({ stationId, ...bands, updatedBy: ctx.user.userId });
    await recordAudit(tx, ctx, {
      action: 'fund.rules.station',
      subjectType: 'station',
      subjectId: stationId,
      stationId,
      path: station.path,
      summary: { bands },
    });
  });
  return getStationRules(ctx, stationId);
}
