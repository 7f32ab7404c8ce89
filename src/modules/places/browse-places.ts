import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, escapeLike, literalLimit, preparedOnce } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { roleAllows } from '../accounts/roles.ts';
import { findPlace } from './find-place.ts';
import { presentHousehold } from './places.presenters.ts';
import type { PlaceKind } from './places.schema.ts';
import { areas, buildings, compounds, households, stations, units } from './places.tables.ts';

type Node = {
  kind: PlaceKind;
  id: number;
  name: string;
  level: string | null;
  stationId: number | null;
  hasChildren: boolean;
};

/**
 * The tree one level at a time. Names of places are not personal data: any signed-in user may
 * browse them (a resident picks their room when claiming a household). Staff start at the nodes
 * their roles are granted on; everyone else starts at the cities.
 */
export async function listChildren(
  ctx: AuthedCtx,
  parent: { kind?: PlaceKind | undefined; id?: number | undefined },
): Promise<Node[]> {
  if (!parent.kind || parent.id === undefined) return rootNodes(ctx.db, ctx);
  return childrenOf(ctx.db, parent.kind, parent.id);
}

/** A tree node: areas carry their level, everything inside a compound its station. */
function node(kind: PlaceKind, row: { id: number; name: string; level?: string; stationId?: number }): Node {
  return {
    kind,
    id: row.id,
    name: row.name,
    level: row.level ?? null,
    stationId: row.stationId ?? (kind === 'station' ? row.id : null),
    hasChildren: kind !== 'household',
  };
}

async function childrenOf(db: Db, kind: PlaceKind, id: number): Promise<Node[]> {
  switch (kind) {
    case 'area': {
      const [area] = await db.select().from(areas).where(eq(areas.id, id));
      if (!area) throw new AppError('NOT_FOUND');
      if (area.level === 'community') {
        const rows = await db
          .select()
          .from(compounds)
          .where(eq(compounds.areaId, id))
          .orderBy(asc(compounds.id));
        return rows.map((r) => node('compound', r));
      }
      const rows = await db.select().from(areas).where(eq(areas.parentId, id)).orderBy(asc(areas.id));
      return rows.map((r) => node('area', r));
    }
    case 'station': {
      const rows = await db
        .select()
        .from(compounds)
        .where(eq(compounds.stationId, id))
        .orderBy(asc(compounds.id));
      return rows.map((r) => node('compound', r));
    }
    case 'compound':
      return sortByName(await db.select().from(buildings).where(eq(buildings.compoundId, id))).map((r) =>
        node('building', r),
      );
    case 'building':
      return sortByName(await db.select().from(units).where(eq(units.buildingId, id))).map((r) =>
        node('unit', r),
      );
    case 'unit': {
      const rows = await db
        .select()
        .from(households)
        .where(eq(households.unitId, id))
        .orderBy(asc(households.sortKey));
      return rows.map((r) => node('household', { id: r.id, name: r.room, stationId: r.stationId }));
    }
    case 'household':
      return [];
  }
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
function sortByName<T extends { name: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

async function rootNodes(db: Db, ctx: AuthedCtx): Promise<Node[]> {
  const staff = ctx.user.grants.filter((g) => roleAllows(g.role, 'tree.read'));
  if (staff.length === 0 || staff.some((g) => g.path === '/')) {
    const rows = await db.select().from(areas).where(isNull(areas.parentId)).orderBy(asc(areas.id));
    return rows.map((r) => node('area', r));
  }
  const paths = staff.flatMap((g) => (g.path ? [g.path] : []));
  // A grant inside another grant's subtree adds no new root.
  const outer = paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
  const stationIds = staff.flatMap((g) => (g.path === null && g.stationId !== null ? [g.stationId] : []));
  const nodes: Node[] = [];
  if (outer.length > 0) {
    const areaRows = await db.select().from(areas).where(inArray(areas.path, outer));
    nodes.push(...areaRows.map((r) => node('area', r)));
    const buildingRows = await db.select().from(buildings).where(inArray(buildings.path, outer));
    nodes.push(...buildingRows.map((r) => node('building', r)));
  }
  if (stationIds.length > 0) {
    const rows = await db.select().from(stations).where(inArray(stations.id, stationIds));
    nodes.push(
      ...rows.filter((r) => !outer.some((p) => r.path.startsWith(p))).map((r) => node('station', r)),
    );
  }
  return nodes;
}

type Scope = 'unit' | 'building' | 'compound' | 'station';
const SCOPE_COLUMN = {
  unit: households.unitId,
  building: households.buildingId,
  compound: households.compoundId,
  station: households.stationId,
} as const;
/** The list page is the hottest read: one named prepared statement per shape, planned once per connection. */
function householdPageQuery(db: Db, scope: Scope, withCursor: boolean, withPattern: boolean, limit: number) {
  const name = `households_page_${scope}_${withCursor ? 'c' : ''}${withPattern ? 'q' : ''}_${limit}`;
  return preparedOnce(db, name, (d, n) =>
    buildHouseholdPageQuery(d, n, scope, withCursor, withPattern, limit),
  );
}

function buildHouseholdPageQuery(
  db: Db,
  name: string,
  scope: Scope,
  withCursor: boolean,
  withPattern: boolean,
  limit: number,
) {
  return db
    .select({
      id: households.id,
      label: households.label,
      areaCm2: households.areaCm2,
    })
    .from(households)
    .where(
      and(
        eq(SCOPE_COLUMN[scope], sql.placeholder('scopeId')),
        withPattern ? sql`${households.label} like ${sql.placeholder('pattern')}` : undefined,
        // The cursor is the last row's id; its sort key is looked up by primary key, so rows carry none.
        withCursor
          ? sql`(${households.sortKey}, ${households.id}) > (select h.sort_key, h.id from ${households} h where h.id = ${sql.placeholder('afterId')})`
          : undefined,
      ),
    )
    .orderBy(asc(households.sortKey), asc(households.id))
    .limit(literalLimit(limit))
    .prepare(name);
}

/** One page of households under a station, compound, building or unit, in building/unit/room order. */
export async function listHouseholds(
  ctx: AuthedCtx,
  query: {
    stationId?: number | undefined;
    compoundId?: number | undefined;
    buildingId?: number | undefined;
    unitId?: number | undefined;
    q?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const scope = query.unitId
    ? (['unit', query.unitId] as const)
    : query.buildingId
      ? (['building', query.buildingId] as const)
      : query.compoundId
        ? (['compound', query.compoundId] as const)
        : query.stationId
          ? (['station', query.stationId] as const)
          : null;
  if (!scope) {
    throw new AppError('VALIDATION', {
      detail: { zh: '请指定自治站、小区、楼幢或单元', en: 'Name a station, compound, building or unit' },
    });
  }
  await findPlace(ctx.db, ctx.user, scope[0], scope[1], 'household.read');
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  const statement = householdPageQuery(ctx.db, scope[0], after !== null, !!query.q, query.limit + 1);
  const rows = await statement.execute({
    scopeId: scope[1],
    pattern: query.q ? `%${escapeLike(query.q)}%` : '',
    afterId: after?.[0] ?? 0,
  });
  return toPage(rows, query.limit, (r) => r.id, presentHousehold);
}
