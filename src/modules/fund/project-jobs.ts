import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Db } from '../../server/db/client.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { stationPlace } from '../places/index.ts';
import { chinaDate } from '../stations/index.ts';
import { fundProjects } from './projects.tables.ts';

const QUEUE = 'fund-open-evaluations';
const JOB_ACTOR: AuditActor = { user: null, ip: '127.0.0.1', userAgent: `linshe job ${QUEUE}` };

/**
 * Opens the residents' evaluation of each project whose disclosure period is over and whose objections are
 * all answered, as staff can by hand (`toEvaluation`): stage evaluation and an audit row each, as the system.
 * A project still holding an unanswered objection waits for its answer. Locked rows are skipped.
 */
export async function openDueEvaluations(db: Db, today: string = chinaDate()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: fundProjects.id, stationId: fundProjects.stationId })
      .from(fundProjects)
      .where(
        and(
          eq(fundProjects.stage, 'disclosure'),
          lt(fundProjects.objectionsUntil, today),
          sql`not exists (select 1 from fund_objections o
            where o.project_id = fund_projects.id and o.answered_at is null)`,
        ),
      )
      .orderBy(asc(fundProjects.id))
      .limit(500)
      .for('update', { skipLocked: true });
    for (const p of due) {
      await tx
        .update(fundProjects)
        .set({ stage: 'evaluation', updatedAt: new Date() })
        .where(eq(fundProjects.id, p.id));
      await recordAudit(tx, JOB_ACTOR, {
        action: 'fund.project.toEvaluation',
        subjectType: 'fundProject',
        subjectId: p.id,
        stationId: p.stationId,
        path: (await stationPlace(tx, p.stationId)).path,
        summary: { from: 'disclosure', to: 'evaluation', after: 'the disclosure period' },
      });
    }
    return due.length;
  });
}

/** Every hour, after midnight China time too: disclosures whose period ended open their evaluation. */
export async function scheduleEvaluationJob(boss: PgBoss, db: Db): Promise<void> {
  await boss.createQueue(QUEUE, { policy: 'singleton' });
  await boss.schedule(QUEUE, '5 * * * *');
  await boss.work(QUEUE, async () => {
    await openDueEvaluations(db);
  });
}
