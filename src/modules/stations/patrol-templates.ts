import { and, asc, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can, type Place } from '../accounts/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { FoundPlace } from '../places/find-place.ts';
import { patrolTemplates } from './field.tables.ts';
import { badField, readableStation, stationFor } from './station-access.ts';

/**
 * Patrol checklist templates, kept by a station for itself, or by its community for all the
 * community's stations. Community templates are kept by those holding station.manage on the
 * community itself (a social worker granted on it, officers above it); a station's chair keeps
 * only the station's own. Templates are retired (active = false), never deleted: patrols refer to them.
 */

type Template = typeof patrolTemplates.$inferSelect;
export type TemplateItem = { key: string; label: string };

/** The community a station belongs to: its path without the trailing `s{id}/`. */
export const communityOf = (station: FoundPlace): Place => ({
  stationId: null,
  path: station.path.replace(/s\d+\/$/, ''),
});

/** Where a template sits, for permission checks. */
const placeOf = (t: Template): Place => ({ stationId: t.stationId, path: t.path });

function present(ctx: AuthedCtx, t: Template) {
  return {
    id: t.id,
    name: t.name,
    scope: t.stationId === null ? ('community' as const) : ('station' as const),
    items: t.items as TemplateItem[],
    active: t.active,
    canEdit: can(ctx.user, 'station.manage', placeOf(t)),
  };
}

/** Templates a station may use: its own and those of the areas above it (its community). */
const usableBy = (station: FoundPlace) =>
  or(
    eq(patrolTemplates.stationId, station.id),
    and(isNotNull(patrolTemplates.areaId), sql`starts_with(${station.path}, ${patrolTemplates.path})`),
  );

export async function listTemplates(ctx: AuthedCtx, stationId: number) {
  const station = await readableStation(ctx, stationId);
  const rows = await ctx.db
    .select()
    .from(patrolTemplates)
    .where(usableBy(station))
    .orderBy(asc(patrolTemplates.id));
  return { items: rows.map((t) => present(ctx, t)) };
}

/** An active template the station may use, or 400 on templateId. */
export async function usableTemplate(db: DbOrTx, station: FoundPlace, templateId: number) {
  const [row] = await db
    .select()
    .from(patrolTemplates)
    .where(and(eq(patrolTemplates.id, templateId), eq(patrolTemplates.active, true), usableBy(station)));
  if (!row) {
    throw badField('templateId', {
      zh: '该自治站没有这个在用的巡查模板',
      en: 'No such active checklist at this station',
    });
  }
  return row;
}

export async function addTemplate(
  ctx: AuthedCtx,
  stationId: number,
  input: { name: string; items: TemplateItem[]; scope: 'station' | 'community' },
) {
  const station = await stationFor(
    ctx,
    stationId,
    input.scope === 'station' ? 'station.manage' : 'station.read',
  );
  const owner =
    input.scope === 'station' ? { stationId: station.id, path: station.path } : communityOf(station);
  if (!can(ctx.user, 'station.manage', owner)) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(patrolTemplates)
      .values({
        stationId: input.scope === 'station' ? station.id : null,
        areaId: input.scope === 'community' ? station.areaId : null,
        path: owner.path,
        name: input.name,
        items: input.items,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'patrolTemplate.add',
      subjectType: 'patrolTemplate',
      subjectId: row!.id,
      stationId: row!.stationId,
      path: owner.path,
      summary: { scope: input.scope, items: input.items.length },
    });
    return present(ctx, row!);
  });
}

export async function updateTemplate(
  ctx: AuthedCtx,
  id: number,
  input: { name?: string | undefined; items?: TemplateItem[] | undefined; active?: boolean | undefined },
) {
  const [existing] = await ctx.db.select().from(patrolTemplates).where(eq(patrolTemplates.id, id));
  if (!existing || !can(ctx.user, 'station.read', placeOf(existing))) throw new AppError('NOT_FOUND');
  if (!can(ctx.user, 'station.manage', placeOf(existing))) throw new AppError('FORBIDDEN');
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(patch).length === 0) return present(ctx, existing);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(patrolTemplates).set(patch).where(eq(patrolTemplates.id, id)).returning();
    await recordAudit(tx, ctx, {
      action: 'patrolTemplate.update',
      subjectType: 'patrolTemplate',
      subjectId: id,
      stationId: existing.stationId,
      path: existing.path,
      summary: { fields: Object.keys(patch) },
    });
    return present(ctx, row!);
  });
}
