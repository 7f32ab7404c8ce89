import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { users } from '../accounts/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { topics } from '../deliberation/index.ts';
import { stationPlace } from '../places/index.ts';
import { chinaDate } from '../stations/index.ts';
import { generalAccount } from './fund.ts';
import { onApproved } from './project-funding.ts';
import {
  fundBudgetLines,
  fundMilestones,
  fundProjectMembers,
  fundProjects,
  fundProjectUpdates,
} from './projects.tables.ts';
import { fundApprovalRequests, fundApprovals } from './rules.tables.ts';

/**
 * The demo's project at 南江绿苑: 1幢楼道声控灯更换, opened from a topic the residents decided as a project,
 * its 1,800-yuan budget (the chair's level of the default rules) asked for by the chair and approved by the
 * secretary-general, funded from the general fund by the approval's own funding code (project-funding.ts), and under way
 * with a progress update and 李秀英 in its supervision group. Call after seedFundDemo, in the seed's transaction.
 */

const SYSTEM: AuditActor = { user: null, ip: '127.0.0.1', userAgent: 'linshe seed' };
const DAY = 86_400_000;
const TITLE = '1幢楼道声控灯更换';

/** The seed acting as a person, for the approval code that records who asked and who approved. */
function actingAs(tx: DbOrTx, userId: number): AuthedCtx {
  return {
    db: tx as AuthedCtx['db'],
    user: {
      userId,
      displayName: '',
      phone: '',
      largeMode: false,
      locale: 'zh-CN',
      grants: [],
      sessionId: 'seed',
    },
    ip: '127.0.0.1',
    userAgent: 'linshe seed',
    lang: 'zh-CN',
    onBehalfOf: null,
  };
}

export async function seedProjectsDemo(tx: DbOrTx, stationId: number, now = new Date()): Promise<void> {
  const byPhone = async (phone: string) =>
    (await tx.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.phone, phone)))[0];
  const chair = await byPhone('13800000003');
  const secretary = await byPhone('13800000015');
  const supervisor = await byPhone('13800000004');
  if (!chair || !secretary || !supervisor) return;
  const [topic] = await tx
    .insert(topics)
    .values({
      stationId,
      title: '1幢楼道声控灯经常不亮',
      body: '1幢各单元楼道声控灯老化，晚上经常不亮，老人上下楼不安全。',
      source: 'resident',
      raisedBy: chair.id,
      status: 'decided',
      outcome: 'project',
      supportCount: 12,
      statusChangedAt: new Date(now.getTime() - 12 * DAY),
      createdAt: new Date(now.getTime() - 20 * DAY),
    })
    .returning({ id: topics.id });
  const [project] = await tx
    .insert(fundProjects)
    .values({
      stationId,
      title: TITLE,
      summary: '更换 1幢 三个单元共 18 盏楼道声控灯为 LED 感应灯，由物业电工安装，自治站监督。',
      originKind: 'topic',
      originId: topic!.id,
      leadUserId: chair.id,
      leadName: chair.name,
      stage: 'approval',
      createdBy: chair.id,
      createdAt: new Date(now.getTime() - 10 * DAY),
    })
    .returning({ id: fundProjects.id });
  await tx.update(topics).set({ outcomeId: project!.id }).where(eq(topics.id, topic!.id));
  await tx.insert(fundProjectMembers).values([
    { stationId, projectId: project!.id, role: 'supervisor', userId: supervisor.id, name: supervisor.name },
    { stationId, projectId: project!.id, role: 'partner', userId: null, name: '南江绿苑物业服务中心' },
  ]);
  const general = await generalAccount(tx, stationId);
  await tx.insert(fundBudgetLines).values([
    {
      stationId,
      projectId: project!.id,
      position: 1,
      name: 'LED 感应灯 18 盏',
      amountFen: 144_000,
      sourceAccountId: general,
    },
    {
      stationId,
      projectId: project!.id,
      position: 2,
      name: '线材及辅料',
      amountFen: 36_000,
      sourceAccountId: general,
    },
  ]);
  await tx.insert(fundMilestones).values([
    {
      stationId,
      projectId: project!.id,
      title: '采购到货',
      dueOn: chinaDate(new Date(now.getTime() - 3 * DAY)),
      doneOn: chinaDate(new Date(now.getTime() - 4 * DAY)),
    },
    {
      stationId,
      projectId: project!.id,
      title: '安装完成',
      dueOn: chinaDate(new Date(now.getTime() + 7 * DAY)),
    },
  ]);
  // Asked for by the chair, approved by the secretary-general: the code the app runs moves the budget.
  const [request] = await tx
    .insert(fundApprovalRequests)
    .values({
      stationId,
      subject: 'projectBudget',
      projectId: project!.id,
      amountFen: 180_000,
      reason: `${TITLE}预算`,
      level: 'chair',
      requestedBy: chair.id,
      createdAt: new Date(now.getTime() - 9 * DAY),
    })
    .returning();
  await tx.insert(fundApprovals).values({
    stationId,
    requestId: request!.id,
    level: 'chair',
    approverId: secretary.id,
    decision: 'approve',
    note: '同意，按预算采购',
    createdAt: new Date(now.getTime() - 8 * DAY),
  });
  await tx
    .update(fundApprovalRequests)
    .set({ status: 'approved', decidedAt: new Date(now.getTime() - 8 * DAY) })
    .where(eq(fundApprovalRequests.id, request!.id));
  await onApproved(tx, actingAs(tx, secretary.id), request!);
  await tx.insert(fundProjectUpdates).values({
    stationId,
    projectId: project!.id,
    kind: 'progress',
    text: '18 盏 LED 感应灯已到货，物业电工本周起逐单元更换。',
    createdBy: chair.id,
    createdAt: new Date(now.getTime() - 4 * DAY),
  });
  await recordAudit(tx, SYSTEM, {
    action: 'demo.seed.projects',
    subjectType: 'fundProject',
    subjectId: project!.id,
    stationId,
    path: (await stationPlace(tx, stationId)).path,
    summary: { title: TITLE },
  });
}
