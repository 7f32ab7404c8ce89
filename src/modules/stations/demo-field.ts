import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { users } from '../accounts/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { compounds, households, stations } from '../places/index.ts';
import { addDays, chinaDate } from './duty-time.ts';
import {
  patrolFindings,
  patrols,
  patrolTemplates,
  visitRecords,
  visitTargets,
  workerAssignments,
} from './field.tables.ts';

/**
 * The demo's field work at 南江绿苑: the community's social worker 陈诗园 (13800000002) assigned to the
 * compound, the station's daily checklist, a week of patrols from yesterday (yesterday's done, with a
 * finding), and three households on the visit list, one of them overdue. Dates are relative to the
 * day the demo is seeded. Runs inside seedDemo's transaction, after the accounts exist.
 */

const SYSTEM: AuditActor = { user: null, ip: '127.0.0.1', userAgent: 'linshe seed' };

export const DEMO_CHECKLIST = [
  { key: 'corridor', label: '楼道堆物' },
  { key: 'fireLane', label: '消防通道' },
  { key: 'lights', label: '路灯照明' },
  { key: 'greenery', label: '绿化' },
  { key: 'waste', label: '垃圾分类' },
];

/** Households due regular visits: label, reason, every N days, last visited N days ago. */
const VISITS = [
  { label: '1幢2单元601', reason: '独居老人', everyDays: 14, lastAgo: 20 }, // due 6 days ago: overdue
  { label: '2幢1单元302', reason: '独居老人', everyDays: 7, lastAgo: 2 },
  { label: '3幢2单元201', reason: '困难家庭', everyDays: 30, lastAgo: 28 }, // due in 2 days
];

export async function seedField(tx: DbOrTx): Promise<void> {
  const [compound] = await tx.select().from(compounds).where(eq(compounds.name, '南江绿苑'));
  const [worker] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, '13800000002'));
  if (!compound || !worker) return;
  const stationId = compound.stationId;
  const today = chinaDate();
  await tx
    .insert(workerAssignments)
    .values({ stationId, compoundId: compound.id, userId: worker.id, since: addDays(today, -60) });
  const [station] = await tx.select({ path: stations.path }).from(stations).where(eq(stations.id, stationId));
  const [template] = await tx
    .insert(patrolTemplates)
    .values({ stationId, path: station!.path, name: '日常巡查', items: DEMO_CHECKLIST })
    .returning({ id: patrolTemplates.id });
  const planned = await tx
    .insert(patrols)
    .values(
      Array.from({ length: 8 }, (_, i) => ({
        stationId,
        compoundId: compound.id,
        templateId: template!.id,
        userId: worker.id,
        plannedOn: addDays(today, i - 1),
      })),
    )
    .returning({ id: patrols.id });
  const yesterday = planned[0]!.id;
  await tx
    .update(patrols)
    .set({
      doneAt: new Date(`${addDays(today, -1)}T09:40:00+08:00`),
      results: DEMO_CHECKLIST.map((item) => ({
        key: item.key,
        label: item.label,
        state: item.key === 'corridor' ? 'issue' : 'ok',
        note: item.key === 'corridor' ? '3幢1单元楼道堆放纸箱和旧家具' : null,
      })),
    })
    .where(eq(patrols.id, yesterday));
  await tx.insert(patrolFindings).values({
    stationId,
    patrolId: yesterday,
    itemKey: 'corridor',
    note: '3幢1单元一楼楼道堆放纸箱和旧家具，堵塞消防通道',
  });

  const found = await tx
    .select({ id: households.id, label: households.label })
    .from(households)
    .where(
      and(
        eq(households.compoundId, compound.id),
        inArray(
          households.label,
          VISITS.map((v) => v.label),
        ),
      ),
    );
  for (const v of VISITS) {
    const household = found.find((h) => h.label === v.label);
    if (!household) continue;
    const lastVisitedOn = addDays(today, -v.lastAgo);
    const [target] = await tx
      .insert(visitTargets)
      .values({
        stationId,
        householdId: household.id,
        reason: v.reason,
        everyDays: v.everyDays,
        since: addDays(today, -90),
        lastVisitedOn,
        createdBy: worker.id,
      })
      .returning({ id: visitTargets.id });
    await tx.insert(visitRecords).values({
      stationId,
      targetId: target!.id,
      visitedOn: lastVisitedOn,
      visitorUserId: worker.id,
      note: '上门看望，情况良好',
    });
  }
  await recordAudit(tx, SYSTEM, {
    action: 'demo.seedField',
    subjectType: 'station',
    subjectId: stationId,
    stationId,
    path: station!.path,
    summary: { patrols: planned.length, visitTargets: VISITS.length },
  });
}
