import { eq } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { locatePlace, type stationPlace } from '../places/index.ts';
import { type CompositionPolicy, DEFAULT_POLICY, type Position, policyProblems } from './composition.ts';
import { compositionPolicies } from './council.tables.ts';
import { effectivePolicy, policyRows } from './council-state.ts';
import { stationFor } from './station-access.ts';

/**
 * The composition policy: officers holding station.policy set overrides on their area (a district,
 * say) or on one station below it; a station's effective policy is the defaults, then its areas'
 * overrides from the city down, then its own (`effectivePolicy`). Sending {} removes an override.
 */

type Overrides = Partial<CompositionPolicy>;
type FoundPlace = Awaited<ReturnType<typeof stationPlace>>;

async function policyAt(ctx: AuthedCtx, place: FoundPlace) {
  const rows = await policyRows(ctx.db);
  const { policy, sources } = effectivePolicy(place.path, rows);
  const { exclusivePositions, ...own } = rows.find((r) => r.path === place.path)?.overrides ?? {};
  const pairs = exclusivePositions?.map(([a, b]): [Position, Position] => [a, b]);
  return {
    policy,
    sources,
    own: { ...own, ...(pairs ? { exclusivePositions: pairs } : {}) },
    canSet: can(ctx.user, 'station.policy', place),
  };
}

async function visibleArea(ctx: AuthedCtx, areaId: number) {
  const area = await locatePlace(ctx.db, 'area', areaId);
  if (!area || !(can(ctx.user, 'station.read', area) || can(ctx.user, 'station.policy', area))) {
    throw new AppError('NOT_FOUND');
  }
  return area;
}

/** A station is seen by those who see its page or set policy on it (station.policy); 404 otherwise. */
const visibleStation = (ctx: AuthedCtx, stationId: number) =>
  stationFor(ctx, stationId, 'station.read', ['station.policy']);

export async function getAreaPolicy(ctx: AuthedCtx, areaId: number) {
  return policyAt(ctx, await visibleArea(ctx, areaId));
}

export async function getStationPolicy(ctx: AuthedCtx, stationId: number) {
  return policyAt(ctx, await visibleStation(ctx, stationId));
}

export async function setAreaPolicy(ctx: AuthedCtx, areaId: number, overrides: Overrides) {
  const area = await visibleArea(ctx, areaId);
  await writePolicy(ctx, area, overrides);
  return policyAt(ctx, area);
}

export async function setStationPolicy(ctx: AuthedCtx, stationId: number, overrides: Overrides) {
  const station = await visibleStation(ctx, stationId);
  await writePolicy(ctx, station, overrides);
  return policyAt(ctx, station);
}

/**
 * Stores the overrides of a node after checking them alone and merged with the overrides above it
 * (a district's 5–9 standing seats and a street's 12 chairs are each fine, together impossible).
 */
async function writePolicy(ctx: AuthedCtx, place: FoundPlace, overrides: Overrides) {
  if (!can(ctx.user, 'station.policy', place)) throw new AppError('FORBIDDEN');
  const refuse = (problems: ReturnType<typeof policyProblems>) => {
    if (problems.length === 0) return;
    throw new AppError('VALIDATION', {
      errors: problems.map((p) => ({ path: p.path, message: { zh: p.zh, en: p.en } })),
    });
  };
  refuse(policyProblems(overrides));
  const above = (await policyRows(ctx.db)).filter(
    (r) => place.path.startsWith(r.path) && r.path !== place.path,
  );
  const merged: Overrides = Object.assign({}, DEFAULT_POLICY, ...above.map((r) => r.overrides), overrides);
  refuse(policyProblems(merged));
  const owner =
    place.kind === 'station' ? { stationId: place.id, areaId: null } : { areaId: place.id, stationId: null };
  await ctx.db.transaction(async (tx) => {
    if (Object.keys(overrides).length === 0) {
      await tx.delete(compositionPolicies).where(eq(compositionPolicies.path, place.path));
    } else {
      const values = { overrides, updatedBy: ctx.user.userId, updatedAt: new Date() };
      await tx
        .insert(compositionPolicies)
        .values({ ...owner, path: place.path, ...values })
        .onConflictDoUpdate({ target: compositionPolicies.path, set: values });
    }
    await recordAudit(tx, ctx, {
      action: 'station.policy.set',
      subjectType: place.kind,
      subjectId: place.id,
      stationId: place.kind === 'station' ? place.id : null,
      path: place.path,
      summary: { overrides },
    });
  });
}
