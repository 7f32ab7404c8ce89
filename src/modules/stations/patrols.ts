import { and, asc, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, invalidCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { users } from '../accounts/accounts.tables.ts';
import { can } from '../accounts/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { stationPlace } from '../places/find-place.ts';
import { compounds } from '../places/places.tables.ts';
import { addDays, chinaDate } from './duty-time.ts';
import { patrolFindings, patrols, patrolTemplates } from './field.tables.ts';
import { compoundOfStation } from './field-common.ts';
import type { TemplateItem } from './patrol-templates.ts';
import { badField, readableStation } from './station-access.ts';

const ZCursorDay = z.iso.date();

/** Patrols 巡查: planned for a worker, a compound, a checklist and a day; recorded item by item. */

export type PatrolState = 'ok' | 'issue' | 'na';
type Result = { key: string; label: string; state: PatrolState; note: string | null };

const rowColumns = {
  id: patrols.id,
  stationId: patrols.stationId,
  compoundId: patrols.compoundId,
  compoundName: compounds.name,
  templateId: patrols.templateId,
  templateName: patrolTemplates.name,
  userId: patrols.userId,
  workerName: users.displayName,
  plannedOn: patrols.plannedOn,
  doneAt: patrols.doneAt,
  issues: sql<number>`(select count(*)::int from jsonb_array_elements(${patrols.results}) r where r->>'state' = 'issue')`,
  findings: sql<number>`(select count(*)::int from ${patrolFindings} f where f.patrol_id = ${patrols.id})`,
};

function selectRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(rowColumns)
    .from(patrols)
    .innerJoin(compounds, eq(compounds.id, patrols.compoundId))
    .innerJoin(patrolTemplates, eq(patrolTemplates.id, patrols.templateId))
    .innerJoin(users, eq(users.id, patrols.userId))
    .where(where);
}

type Row = Awaited<ReturnType<typeof selectRows>>[number];
const presentRow = (r: Row) => ({ ...r, doneAt: r.doneAt?.toISOString() ?? null });

/** A station's patrols, latest planned day first. */
export async function listPatrols(
  ctx: AuthedCtx,
  stationId: number,
  query: {
    from?: string | undefined;
    to?: string | undefined;
    userId?: number | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const station = await readableStation(ctx, stationId);
  const after = decodeCursor<[string, number]>(query.cursor, ['string', 'number']);
  // Any well-formed day: a cursor names a stored row, which may predate the bounds of ZDay.
  if (after && !ZCursorDay.safeParse(after[0]).success) throw invalidCursor();
  const rows = await selectRows(
    ctx.db,
    and(
      eq(patrols.stationId, station.id),
      query.from ? gte(patrols.plannedOn, query.from) : undefined,
      query.to ? lte(patrols.plannedOn, query.to) : undefined,
      query.userId ? eq(patrols.userId, query.userId) : undefined,
      after
        ? sql`(${patrols.plannedOn}, ${patrols.id}) < (${after[0]}::date, ${after[1]}::bigint)`
        : undefined,
    ),
  )
    .orderBy(desc(patrols.plannedOn), desc(patrols.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.plannedOn, r.id], presentRow);
}

/** My patrols from a week ago to two weeks ahead, by day (the phone page groups them). */
export async function listMyPatrols(ctx: AuthedCtx) {
  const today = chinaDate();
  const rows = await selectRows(
    ctx.db,
    and(
      eq(patrols.userId, ctx.user.userId),
      gte(patrols.plannedOn, addDays(today, -7)),
      lte(patrols.plannedOn, addDays(today, 14)),
    ),
  )
    .orderBy(asc(patrols.plannedOn), asc(patrols.id))
    .limit(200);
  return { items: rows.map(presentRow) };
}

/**
 * A patrol for one who may see it (its worker, or station.read at its station), else 404; with
 * what they may do: record it (its worker holding patrol.record over the compound, or station.manage)
 * and turn findings into requests (request.handle at the station).
 */
export async function loadPatrol(ctx: AuthedCtx, id: number) {
  const [patrol] = await ctx.db.select().from(patrols).where(eq(patrols.id, id));
  if (!patrol) throw new AppError('NOT_FOUND');
  const station = await stationPlace(ctx.db, patrol.stationId);
  const compound = await compoundOfStation(ctx.db, station.id, patrol.compoundId);
  const mine = patrol.userId === ctx.user.userId;
  if (!mine && !can(ctx.user, 'station.read', station)) throw new AppError('NOT_FOUND');
  const record =
    (mine && can(ctx.user, 'patrol.record', compound)) || can(ctx.user, 'station.manage', station);
  return {
    patrol,
    station,
    compound,
    abilities: { record, toRequest: can(ctx.user, 'request.handle', station) },
  };
}

export async function getPatrol(ctx: AuthedCtx, id: number) {
  const { patrol, abilities } = await loadPatrol(ctx, id);
  return patrolDetail(ctx, patrol, await templateItems(ctx.db, patrol.templateId), abilities);
}

async function templateItems(db: DbOrTx, templateId: number): Promise<TemplateItem[]> {
  const [template] = await db
    .select({ items: patrolTemplates.items })
    .from(patrolTemplates)
    .where(eq(patrolTemplates.id, templateId));
  return (template?.items ?? []) as TemplateItem[];
}

/** A patrol as its page shows it, from the row the caller loaded (and checked) or just wrote. */
async function patrolDetail(
  ctx: AuthedCtx,
  patrol: { id: number; results: unknown; note: string | null },
  items: TemplateItem[],
  abilities: { record: boolean; toRequest: boolean },
) {
  const [[row], findings] = await Promise.all([
    selectRows(ctx.db, eq(patrols.id, patrol.id)),
    ctx.db
      .select()
      .from(patrolFindings)
      .where(eq(patrolFindings.patrolId, patrol.id))
      .orderBy(asc(patrolFindings.id)),
  ]);
  return {
    ...presentRow(row!),
    items,
    results: patrol.results as Result[],
    note: patrol.note,
    findings: findings.map(presentFinding),
    abilities,
  };
}

/** A finding's photo as stored in its row (the blob's hash stays on the server). */
export type FindingPhoto = { id: number; hash: string; width: number; height: number; by: number };

export function presentFinding(f: typeof patrolFindings.$inferSelect) {
  return {
    id: f.id,
    patrolId: f.patrolId,
    itemKey: f.itemKey,
    note: f.note,
    photos: (f.photos as FindingPhoto[]).map((p) => ({ id: p.id, width: p.width, height: p.height })),
    requestId: f.requestId,
    createdAt: f.createdAt.toISOString(),
  };
}

/**
 * Records the checklist: each item's state with a note (the whole list, in the template's order).
 * Done needs a state for every item; recording again corrects it and keeps the first done time.
 */
export async function recordPatrol(
  ctx: AuthedCtx,
  id: number,
  input: {
    items: { key: string; state: PatrolState; note?: string | undefined }[];
    note?: string | undefined;
    done: boolean;
  },
) {
  const { patrol, compound, abilities } = await loadPatrol(ctx, id);
  if (!abilities.record) throw new AppError('FORBIDDEN');
  const items = await templateItems(ctx.db, patrol.templateId);
  const given = new Map<string, (typeof input.items)[number]>();
  for (const [i, item] of input.items.entries()) {
    if (!items.some((t) => t.key === item.key)) {
      throw badField(`items.${i}.key`, { zh: '检查表中没有这一项', en: 'No such item on the checklist' });
    }
    if (given.has(item.key))
      throw badField(`items.${i}.key`, { zh: '同一项填了两次', en: 'The item is given twice' });
    given.set(item.key, item);
  }
  if (input.done && given.size < items.length) {
    throw badField('items', {
      zh: '请为每个检查项选择状态后再完成巡查',
      en: 'Give every item a state before finishing',
    });
  }
  const results: Result[] = items.flatMap((t) => {
    const item = given.get(t.key);
    return item ? [{ key: t.key, label: t.label, state: item.state, note: item.note || null }] : [];
  });
  const note = input.note || null;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(patrols)
      .set({
        results,
        note,
        ...(input.done ? { doneAt: sql`coalesce(${patrols.doneAt}, now())` } : {}),
      })
      .where(eq(patrols.id, id));
    await recordAudit(tx, ctx, {
      action: input.done ? 'patrol.done' : 'patrol.record',
      subjectType: 'patrol',
      subjectId: id,
      stationId: patrol.stationId,
      path: compound.path,
      summary: { items: results.length, issues: results.filter((r) => r.state === 'issue').length },
    });
  });
  return patrolDetail(ctx, { id, results, note }, items, abilities);
}
