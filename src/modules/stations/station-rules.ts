import { and, desc, eq, sql } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { stationPlace } from '../places/index.ts';
import { residentOfStation } from '../requests/index.ts';
import type { RuleKind } from './council.schema.ts';
import { ruleVersions } from './council.tables.ts';
import { chinaDate } from './duty-time.ts';
import { badField, lockStation, managedStation } from './station-access.ts';

/**
 * Rules and charter 章程制度: versioned documents per kind. A new version takes the next number of its
 * kind and becomes the current one; older versions stay as history. The station's residents read the
 * current versions; the history is for those who see the station's page (station.read).
 */

type RuleRow = typeof ruleVersions.$inferSelect;

const present = (r: RuleRow) => ({
  id: r.id,
  kind: r.kind,
  version: r.version,
  title: r.title,
  body: r.body,
  adoptedBy: r.adoptedBy,
  adoptedOn: r.adoptedOn,
});

/** A verified resident of the station: their account is linked to a resident with a household there. */
export async function listRules(ctx: AuthedCtx, stationId: number) {
  const station = await stationPlace(ctx.db, stationId);
  const staff = can(ctx.user, 'station.read', station);
  if (!staff && (await residentOfStation(ctx.db, ctx.user.userId, station.id)) === null)
    throw new AppError('NOT_FOUND');
  const rows = await ctx.db
    .select()
    .from(ruleVersions)
    .where(eq(ruleVersions.stationId, station.id))
    .orderBy(ruleVersions.kind, desc(ruleVersions.version));
  const current = rows.filter((r, i) => i === 0 || rows[i - 1]!.kind !== r.kind);
  return {
    current: current.map(present),
    history: staff ? rows.map(present) : null,
    canManage: can(ctx.user, 'station.manage', station),
  };
}

export async function addRuleVersion(
  ctx: AuthedCtx,
  stationId: number,
  input: { kind: RuleKind; title: string; body: string; adoptedBy: string; adoptedOn: string },
) {
  const station = await managedStation(ctx, stationId);
  if (input.adoptedOn > chinaDate()) {
    throw badField('adoptedOn', {
      zh: '通过日期不能晚于今天',
      en: 'The adoption date cannot be in the future',
    });
  }
  return ctx.db.transaction(async (tx) => {
    await lockStation(tx, station.id);
    const [last] = await tx
      .select({
        version: sql<number>`max(${ruleVersions.version})::int`,
        adoptedOn: sql<string | null>`max(${ruleVersions.adoptedOn})::text`,
      })
      .from(ruleVersions)
      .where(and(eq(ruleVersions.stationId, station.id), eq(ruleVersions.kind, input.kind)));
    if (last?.adoptedOn && input.adoptedOn < last.adoptedOn) {
      throw badField('adoptedOn', {
        zh: `新版本的通过日期不能早于上一版（${last.adoptedOn}）`,
        en: `A new version cannot be adopted before the previous one (${last.adoptedOn})`,
      });
    }
    const [row] = await tx
      .insert(ruleVersions)
      .values({
        stationId: station.id,
        kind: input.kind,
        version: (last?.version ?? 0) + 1,
        title: input.title,
        body: input.body,
        adoptedBy: input.adoptedBy,
        adoptedOn: input.adoptedOn,
        recordedBy: ctx.user.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'station.rule.add',
      subjectType: 'stationRule',
      subjectId: row!.id,
      stationId: station.id,
      path: station.path,
      summary: { kind: input.kind, version: row!.version },
    });
    return present(row!);
  });
}
