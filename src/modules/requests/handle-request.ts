import { and, asc, eq } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { RATING_LEVEL_ZH, REQUEST_STATUS_ZH } from '../../shared/request-labels.ts';
import { roleGrants, users } from '../accounts/accounts.tables.ts';
import { can } from '../accounts/policy.ts';
import { roleAllows } from '../accounts/roles.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notifyUser, sendOutside } from '../notifications/notify.ts';
import { stationPlace } from '../places/find-place.ts';
import {
  actionsAtLevel,
  allowedActions,
  nextLevel,
  nextStatus,
  previousLevel,
  type Status,
  type Transition,
} from './lifecycle.ts';
import { attachPhotos, photosOf } from './photos.ts';
import { QUEUE_ROW } from './queue.ts';
import type { RequestRow } from './requests.schema.ts';
import { categories, requestEvents, requests } from './requests.tables.ts';

export const LEVEL_HOLDERS = {
  station: null,
  community: '社区',
  street: '街道',
  district: '区职能部门 / 12345',
} as const;
const STATUS_ZH: Record<Status, string> = REQUEST_STATUS_ZH;

/**
 * Loads a request the user may see: staff of its station (or above), or its reporter. Else 404.
 * `json` is the request as a queue row (ZRequestRow), which the request page starts with.
 */
async function visibleRequest(ctx: AuthedCtx, id: number) {
  const [found] = await ctx.db
    .select({ request: requests, json: QUEUE_ROW.json })
    .from(requests)
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .where(eq(requests.id, id));
  if (!found) throw new AppError('NOT_FOUND');
  const place = { stationId: found.request.stationId, path: found.request.path };
  const staff = can(ctx.user, 'request.handle', place);
  const reporter = found.request.reporterUserId === ctx.user.userId;
  if (!staff && !reporter && !can(ctx.user, 'request.read', place)) throw new AppError('NOT_FOUND');
  return { ...found, place, staff, reporter };
}

/**
 * Who can take a request of this station: accounts holding request.handle on the station itself
 * (council members, the chair, property staff…), for the assign picker.
 */
export async function listHandlers(ctx: AuthedCtx, stationId: number) {
  const station = await stationPlace(ctx.db, stationId);
  if (!can(ctx.user, 'request.handle', station)) throw new AppError('NOT_FOUND');
  const rows = await ctx.db
    .selectDistinct({ id: users.id, name: users.displayName, role: roleGrants.role })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(eq(roleGrants.stationId, station.id))
    .orderBy(asc(users.id));
  const seen = new Set<number>();
  return {
    items: rows
      .filter((r) => roleAllows(r.role, 'request.handle') && !seen.has(r.id) && seen.add(r.id))
      .map((r) => ({ id: r.id, name: r.name, role: r.role })),
  };
}

/** A request with its timeline and the actions the viewer may take now. */
export async function getRequest(ctx: AuthedCtx, id: number) {
  const { request, json, staff, reporter } = await visibleRequest(ctx, id);
  const events = await ctx.db
    .select({ event: requestEvents, actorName: users.displayName })
    .from(requestEvents)
    .leftJoin(users, eq(users.id, requestEvents.actorUserId))
    .where(eq(requestEvents.requestId, id))
    .orderBy(asc(requestEvents.id));
  const photos = await photosOf(ctx.db, id);
  const actions = [
    ...(staff ? allowedActions(request.status, 'staff') : []),
    ...(reporter ? allowedActions(request.status, 'reporter') : []),
  ];
  return {
    ...(JSON.parse(json) as RequestRow),
    timeline: events.map(({ event, actorName }) => ({
      id: event.id,
      at: event.at.toISOString(),
      kind: event.kind,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      body: event.body,
      actor: event.actorUserId === request.reporterUserId ? '居民' : actorName,
      photoIds: photos.filter((p) => p.eventId === event.id).map((p) => p.id),
    })),
    actions: actionsAtLevel([...new Set(actions)], request.level),
    viewer: { staff, reporter },
    origin:
      request.originKind && request.originId !== null
        ? { kind: request.originKind, id: request.originId }
        : null,
  };
}

/**
 * Moves a request through its lifecycle. Illegal moves answer INVALID_STATE and change nothing; the
 * row is locked so two people acting at once cannot both move it. Every move is a timeline entry, an
 * audit row, and a note in the reporter's inbox.
 */
export async function transitionRequest(
  ctx: AuthedCtx,
  id: number,
  input: {
    action: Transition;
    note?: string | undefined;
    handlerUserId?: number | undefined;
    duplicateOf?: number | undefined;
  },
) {
  const { staff, reporter, place } = await visibleRequest(ctx, id);
  const moved = await ctx.db.transaction(async (tx) => {
    const [request] = await tx.select().from(requests).where(eq(requests.id, id)).for('update');
    const row = request!;
    const party =
      reporter && (input.action === 'withdraw' || input.action === 'reopen') ? 'reporter' : 'staff';
    if (party === 'staff' && !staff) throw new AppError('FORBIDDEN');
    const to = nextStatus(row.status, input.action, party);
    if (to === null) {
      throw new AppError('INVALID_STATE', {
        detail: {
          zh: `诉求“${STATUS_ZH[row.status]}”时不能执行此操作`,
          en: `Not allowed while the request is ${row.status}`,
        },
      });
    }
    const now = new Date();
    const patch: Partial<typeof requests.$inferInsert> = { status: to, updatedAt: now };
    if (row.respondedAt === null && party === 'staff') patch.respondedAt = now;
    switch (input.action) {
      case 'assign': {
        const [handler] = input.handlerUserId
          ? await tx
              .select({ id: users.id, name: users.displayName })
              .from(users)
              .where(eq(users.id, input.handlerUserId))
          : [];
        if (!handler) {
          throw new AppError('VALIDATION', {
            errors: [{ path: 'handlerUserId', message: { zh: '请选择处理人', en: 'Choose who handles it' } }],
          });
        }
        patch.handlerUserId = handler.id;
        patch.holder = handler.name;
        patch.heldSince = now;
        break;
      }
      case 'resolve':
        patch.resolvedAt = now;
        break;
      case 'close':
        patch.closedAt = now;
        break;
      case 'reopen':
        patch.reopenCount = row.reopenCount + 1;
        patch.resolvedAt = null;
        patch.closedAt = null;
        break;
      case 'markDuplicate': {
        const [original] = input.duplicateOf
          ? await tx
              .select({ id: requests.id })
              .from(requests)
              .where(and(eq(requests.id, input.duplicateOf), eq(requests.stationId, row.stationId)))
          : [];
        if (!original || original.id === row.id) {
          throw new AppError('VALIDATION', {
            errors: [
              {
                path: 'duplicateOf',
                message: { zh: '请指明重复的诉求编号', en: 'Name the request it repeats' },
              },
            ],
          });
        }
        patch.duplicateOf = original.id;
        break;
      }
      case 'reject':
        if (!input.note) {
          throw new AppError('VALIDATION', {
            errors: [
              {
                path: 'note',
                message: { zh: '请说明原因及责任方', en: 'Say why, and who is responsible instead' },
              },
            ],
          });
        }
        break;
      case 'escalate': {
        const level = nextLevel(row.level);
        if (!level)
          throw new AppError('INVALID_STATE', {
            detail: { zh: '已上报至最高一级', en: 'Already at the highest level' },
          });
        patch.level = level;
        patch.holder = LEVEL_HOLDERS[level];
        patch.heldSince = now;
        if (row.escalatedAt === null) patch.escalatedAt = now;
        break;
      }
      case 'handBack': {
        const level = previousLevel(row.level);
        if (!level)
          throw new AppError('INVALID_STATE', {
            detail: { zh: '诉求已在自治站办理', en: 'The request is already with the station' },
          });
        const [handler] = row.handlerUserId
          ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.handlerUserId))
          : [];
        patch.level = level;
        patch.holder = level === 'station' ? (handler?.name ?? null) : LEVEL_HOLDERS[level];
        patch.heldSince = now;
        break;
      }
      case 'accept':
      case 'start':
      case 'withdraw':
        break;
    }
    await tx.update(requests).set(patch).where(eq(requests.id, id));
    await tx.insert(requestEvents).values({
      stationId: row.stationId,
      requestId: id,
      actorUserId: ctx.user.userId,
      kind: input.action,
      fromStatus: row.status,
      toStatus: to,
      body: input.note ?? null,
      data: {
        ...(patch.level ? { level: patch.level } : {}),
        ...(patch.holder !== undefined ? { holder: patch.holder } : {}),
      },
    });
    await recordAudit(tx, ctx, {
      action: `request.${input.action}`,
      subjectType: 'request',
      subjectId: id,
      stationId: row.stationId,
      path: place.path,
      summary: { from: row.status, to, ...(patch.level ? { level: patch.level } : {}) },
    });
    const notified =
      row.reporterUserId && row.reporterUserId !== ctx.user.userId
        ? await notifyUser(tx, {
            userId: row.reporterUserId,
            stationId: row.stationId,
            kind: 'request.updated',
            title: `您的诉求${STATUS_ZH[to]}`,
            body: input.note ?? row.description.slice(0, 60),
            data: { requestId: id },
          })
        : null;
    return { result: { status: to, level: patch.level ?? row.level }, notified };
  });
  if (moved.notified !== null) await sendOutside(ctx.db, moved.notified);
  return moved.result;
}

/** A comment on the timeline, by staff or the reporter. */
export async function commentOnRequest(
  ctx: AuthedCtx,
  id: number,
  input: { body: string; photoIds: readonly number[] },
) {
  const { request, staff, reporter, place } = await visibleRequest(ctx, id);
  if (!staff && !reporter) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const [event] = await tx
      .insert(requestEvents)
      .values({
        stationId: request.stationId,
        requestId: id,
        actorUserId: ctx.user.userId,
        kind: input.photoIds.length > 0 && !input.body ? 'photo' : 'comment',
        body: input.body || null,
      })
      .returning({ id: requestEvents.id });
    await attachPhotos(
      tx,
      ctx,
      { stationId: request.stationId, requestId: id, eventId: event!.id },
      input.photoIds,
    );
    await recordAudit(tx, ctx, {
      action: 'request.comment',
      subjectType: 'request',
      subjectId: id,
      stationId: request.stationId,
      path: place.path,
      summary: { photos: input.photoIds.length },
    });
  });
}

/** The national five-level scale, 5 = 非常满意 … 1 = 非常不满意. */
/**
 * The reporter rates a resolved request. "Not fixed" reopens it (counted) instead; a rating closes it.
 */
export async function rateRequest(
  ctx: AuthedCtx,
  id: number,
  input: { fixed: boolean; level?: number | undefined; comment?: string | undefined },
) {
  const { reporter, request } = await visibleRequest(ctx, id);
  if (!reporter)
    throw new AppError('FORBIDDEN', {
      detail: { zh: '只有提出诉求的居民可以评价', en: 'Only the reporter rates a request' },
    });
  if (!input.fixed) return transitionRequest(ctx, id, { action: 'reopen', note: input.comment });
  if (input.level === undefined) {
    throw new AppError('VALIDATION', {
      errors: [{ path: 'level', message: { zh: '请选择满意度', en: 'Choose a rating' } }],
    });
  }
  if (request.status !== 'resolved') {
    throw new AppError('INVALID_STATE', {
      detail: { zh: '诉求解决后才能评价', en: 'Only a resolved request can be rated' },
    });
  }
  const level = input.level;
  return ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(requests)
      .set({ rating: level, status: 'closed', closedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(requests.id, id), eq(requests.status, 'resolved')))
      .returning({ id: requests.id });
    if (updated.length === 0) throw new AppError('INVALID_STATE');
    await tx.insert(requestEvents).values({
      stationId: request.stationId,
      requestId: id,
      actorUserId: ctx.user.userId,
      kind: 'rate',
      fromStatus: 'resolved',
      toStatus: 'closed',
      body: input.comment ?? null,
      data: { level, label: RATING_LEVEL_ZH[String(level) as keyof typeof RATING_LEVEL_ZH] },
    });
    await recordAudit(tx, ctx, {
      action: 'request.rate',
      subjectType: 'request',
      subjectId: id,
      stationId: request.stationId,
      path: request.path,
      summary: { level },
    });
    return { status: 'closed' as const, level: request.level };
  });
}
