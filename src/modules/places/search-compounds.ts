import { asc, inArray, like } from 'drizzle-orm';
import { escapeLike } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { areas, compounds } from './places.tables.ts';

/**
 * Compounds by name, for a resident looking for their home (any signed-in user: place names are not
 * personal data). Each hit says where it is, since a city has more than one 花园小区.
 */
export async function searchCompounds(ctx: AuthedCtx, query: { q: string; limit: number }) {
  const pattern = `%${escapeLike(query.q)}%`;
  const rows = await ctx.db
    .select({ id: compounds.id, name: compounds.name, stationId: compounds.stationId, path: compounds.path })
    .from(compounds)
    .where(query.q ? like(compounds.name, pattern) : undefined)
    .orderBy(asc(compounds.name), asc(compounds.id))
    .limit(query.limit);
  const areaIds = [
    ...new Set(
      rows.flatMap((r) =>
        r.path
          .split('/')
          .filter((p) => /^\d+$/.test(p))
          .map(Number),
      ),
    ),
  ];
  const names = new Map(
    areaIds.length === 0
      ? []
      : (
          await ctx.db
            .select({ id: areas.id, name: areas.name, level: areas.level })
            .from(areas)
            .where(inArray(areas.id, areaIds))
        ).map((a) => [a.id, a] as const),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    stationId: r.stationId,
    place: r.path
      .split('/')
      .filter((p) => /^\d+$/.test(p))
      .map((p) => names.get(Number(p)))
      .filter((a) => a && a.level !== 'city')
      .map((a) => a!.name)
      .join(' '),
  }));
}
