import { and, asc, desc, eq, max, ne } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import { chinaDate } from '../stations/index.ts';
import { breaches, conventions, conventionVersions } from './conventions.tables.ts';
import { auditAt } from './refusals.ts';
import { deliberationAccess } from './vote-access.ts';
import { votes } from './votes.tables.ts';

/**
 * Residents' conventions: a draft version, put to a vote, published once that vote has closed and passed
 * (the published version before it is superseded, never edited); breaches recorded against the version in
 * force and referred to the enforcing department. Residents read published versions only.
 */

async function conventionFor(ctx: AuthedCtx, conventionId: number) {
  const [c] = await ctx.db.select().from(conventions).where(eq(conventions.id, conventionId));
  if (!c) throw new AppError('NOT_FOUND');
  return { convention: c, ...(await deliberationAccess(ctx, c.stationId)) };
}

export async function draftConvention(
  ctx: AuthedCtx,
  stationId: number,
  input: { title: string; body: string },
) {
  const { station, manage } = await deliberationAccess(ctx, stationId);
  if (!manage) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(conventions)
      .values({ stationId: station.id, title: input.title, createdBy: ctx.user.userId })
      .returning();
    await tx.insert(conventionVersions).values({
      stationId: station.id,
      conventionId: c!.id,
      version: 1,
      body: input.body,
      createdBy: ctx.user.userId,
    });
    await auditAt(
      ctx,
      station,
      'convention',
      'convention',
    )('draft', c!.id, { title: input.title, version: 1 })(tx);
    return { id: c!.id };
  });
}

/** A new draft version (one draft at a time), from the text of the one in force or anew. */
export async function draftVersion(ctx: AuthedCtx, conventionId: number, body: string) {
  const { convention, manage, station } = await conventionFor(ctx, conventionId);
  if (!manage) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(conventionVersions)
      .where(eq(conventionVersions.conventionId, conventionId))
      .for('update');
    if (rows.some((v) => v.status === 'draft')) {
      throw new AppError('CONFLICT', {
        detail: { zh: '已有一个草稿版本', en: 'There is a draft version already' },
      });
    }
    const version = Math.max(0, ...rows.map((v) => v.version)) + 1;
    await tx
      .insert(conventionVersions)
      .values({ stationId: convention.stationId, conventionId, version, body, createdBy: ctx.user.userId });
    await auditAt(ctx, station, 'convention', 'convention')('draftVersion', conventionId, { version })(tx);
    return { version };
  });
}

async function draftOf(ctx: AuthedCtx, conventionId: number, version: number) {
  const found = await conventionFor(ctx, conventionId);
  if (!found.manage) throw new AppError('FORBIDDEN');
  const [v] = await ctx.db
    .select()
    .from(conventionVersions)
    .where(and(eq(conventionVersions.conventionId, conventionId), eq(conventionVersions.version, version)));
  if (!v) throw new AppError('NOT_FOUND');
  if (v.status !== 'draft') throw new AppError('INVALID_STATE');
  return { ...found, draft: v };
}

/** Links the vote that will adopt a draft: a yes / no vote of the same station. */
export async function linkVote(ctx: AuthedCtx, conventionId: number, version: number, voteId: number) {
  const { draft, station, convention } = await draftOf(ctx, conventionId, version);
  const [vote] = await ctx.db
    .select({ id: votes.id, method: votes.method, status: votes.status })
    .from(votes)
    .where(and(eq(votes.id, voteId), eq(votes.stationId, convention.stationId)));
  if (!vote) throw fieldError('voteId', '找不到本站的该表决', 'No such vote at this station');
  if (vote.method !== 'yesNo')
    throw fieldError('voteId', '公约须以赞成/反对式表决通过', 'A convention is adopted by a yes / no vote');
  if (vote.status === 'cancelled') throw fieldError('voteId', '该表决已取消', 'That vote was cancelled');
  // One vote adopts one text: a vote already linked to another version (of any convention) cannot be reused.
  const [taken] = await ctx.db
    .select({ id: conventionVersions.id })
    .from(conventionVersions)
    .where(and(eq(conventionVersions.voteId, voteId), ne(conventionVersions.id, draft.id)));
  if (taken) {
    throw fieldError('voteId', '该表决已用于另一版本的公约', 'That vote already adopts another version');
  }
  return ctx.db.transaction(async (tx) => {
    await tx.update(conventionVersions).set({ voteId }).where(eq(conventionVersions.id, draft.id));
    await auditAt(ctx, station, 'convention', 'convention')('linkVote', conventionId, { version, voteId })(
      tx,
    );
    return { ok: true as const };
  });
}

/** Publishes a draft whose vote has closed and passed; the version it replaces is superseded. */
export async function publishVersion(ctx: AuthedCtx, conventionId: number, version: number) {
  const { draft, station } = await draftOf(ctx, conventionId, version);
  if (!draft.voteId)
    throw new AppError('INVALID_STATE', { detail: { zh: '请先关联表决', en: 'Link the vote first' } });
  const [vote] = await ctx.db
    .select({ status: votes.status, result: votes.result })
    .from(votes)
    .where(eq(votes.id, draft.voteId));
  const passed = vote?.status === 'closed' && (vote.result as { passed?: boolean } | null)?.passed === true;
  if (!passed) {
    throw new AppError('INVALID_STATE', {
      detail: { zh: '表决结束并通过后才能公布', en: 'It is published once its vote has closed and passed' },
    });
  }
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(conventionVersions)
      .set({ status: 'superseded' })
      .where(
        and(eq(conventionVersions.conventionId, conventionId), eq(conventionVersions.status, 'published')),
      );
    await tx
      .update(conventionVersions)
      .set({ status: 'published', publishedAt: new Date() })
      .where(eq(conventionVersions.id, draft.id));
    await auditAt(
      ctx,
      station,
      'convention',
      'convention',
    )('publish', conventionId, { version, voteId: draft.voteId })(tx);
    return { ok: true as const };
  });
}

export async function listConventions(ctx: AuthedCtx, stationId: number) {
  const { manage, read } = await deliberationAccess(ctx, stationId);
  const rows = await ctx.db
    .select({
      id: conventions.id,
      title: conventions.title,
      version: conventionVersions.version,
      status: conventionVersions.status,
      publishedAt: conventionVersions.publishedAt,
    })
    .from(conventions)
    .innerJoin(conventionVersions, eq(conventionVersions.conventionId, conventions.id))
    .where(eq(conventions.stationId, stationId))
    .orderBy(asc(conventions.id), desc(conventionVersions.version));
  const byId = new Map<
    number,
    { id: number; title: string; inForce: number | null; draft: number | null; publishedAt: string | null }
  >();
  for (const r of rows) {
    const c = byId.get(r.id) ?? { id: r.id, title: r.title, inForce: null, draft: null, publishedAt: null };
    if (r.status === 'published') {
      c.inForce = r.version;
      c.publishedAt = r.publishedAt?.toISOString() ?? null;
    }
    if (r.status === 'draft') c.draft = r.version;
    byId.set(r.id, c);
  }
  const staff = manage || read;
  // Residents read published versions only: not even that a draft exists.
  const items = [...byId.values()].flatMap((c) =>
    staff ? [c] : c.inForce !== null ? [{ ...c, draft: null }] : [],
  );
  return { items, canDraft: manage };
}

export async function getConvention(ctx: AuthedCtx, conventionId: number) {
  const { convention, manage, read } = await conventionFor(ctx, conventionId);
  const staff = manage || read;
  const [versions, recorded] = await Promise.all([
    ctx.db
      .select()
      .from(conventionVersions)
      .where(eq(conventionVersions.conventionId, conventionId))
      .orderBy(desc(conventionVersions.version)),
    staff
      ? ctx.db
          .select()
          .from(breaches)
          .where(eq(breaches.conventionId, conventionId))
          .orderBy(desc(breaches.id))
      : [],
  ]);
  const shown = versions.filter((v) => staff || v.status !== 'draft');
  if (shown.length === 0) throw new AppError('NOT_FOUND');
  return {
    id: convention.id,
    stationId: convention.stationId,
    title: convention.title,
    versions: shown.map((v) => ({
      version: v.version,
      body: v.body,
      status: v.status,
      voteId: v.voteId,
      publishedAt: v.publishedAt?.toISOString() ?? null,
    })),
    breaches: staff
      ? recorded.map((b) => ({
          id: b.id,
          version: b.version,
          occurredOn: b.occurredOn,
          place: b.place,
          description: b.description,
          status: b.status,
          referredTo: b.referredTo,
          note: b.note,
          resolutionNote: b.resolutionNote,
        }))
      : null,
    abilities: { manage, record: staff },
  };
}

/** A breach of the version in force, recorded by the station's staff. */
export async function recordBreach(
  ctx: AuthedCtx,
  conventionId: number,
  input: { occurredOn: string; place: string; description: string },
) {
  const { convention, manage, read, station } = await conventionFor(ctx, conventionId);
  if (!manage && !read) throw new AppError('FORBIDDEN');
  if (input.occurredOn > chinaDate())
    throw fieldError('occurredOn', '日期不能晚于今天', 'The day cannot be in the future');
  const [inForce] = await ctx.db
    .select({ version: max(conventionVersions.version) })
    .from(conventionVersions)
    .where(
      and(eq(conventionVersions.conventionId, conventionId), eq(conventionVersions.status, 'published')),
    );
  if (inForce?.version == null) {
    throw new AppError('INVALID_STATE', {
      detail: { zh: '公约尚未公布生效', en: 'The convention is not in force yet' },
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(breaches)
      .values({
        stationId: convention.stationId,
        conventionId,
        version: inForce.version as number,
        ...input,
        reportedBy: ctx.user.userId,
      })
      .returning({ id: breaches.id });
    await auditAt(
      ctx,
      station,
      'convention',
      'convention',
    )('breach', conventionId, { breachId: row!.id, occurredOn: input.occurredOn })(tx);
    return { id: row!.id };
  });
}

/** Refers a breach to the enforcing department, or marks it resolved; each with a note. */
export async function moveBreach(
  ctx: AuthedCtx,
  breachId: number,
  move: { to: 'referred'; department: string; note: string } | { to: 'resolved'; note: string },
) {
  const [b] = await ctx.db.select().from(breaches).where(eq(breaches.id, breachId));
  if (!b) throw new AppError('NOT_FOUND');
  const { manage, read, station } = await deliberationAccess(ctx, b.stationId);
  if (!read && !manage) throw new AppError('NOT_FOUND');
  if (!manage) throw new AppError('FORBIDDEN');
  const allowed = move.to === 'referred' ? b.status === 'recorded' : b.status !== 'resolved';
  if (!allowed) throw new AppError('INVALID_STATE');
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(breaches)
      .set(
        move.to === 'referred'
          ? {
              status: 'referred',
              referredTo: move.department,
              referredAt: new Date(),
              note: move.note || null,
            }
          : { status: 'resolved', resolvedAt: new Date(), resolutionNote: move.note || null },
      )
      .where(eq(breaches.id, breachId));
    await auditAt(
      ctx,
      station,
      'convention',
      'convention',
    )(move.to === 'referred' ? 'refer' : 'resolve', b.conventionId, {
      breachId,
      ...(move.to === 'referred' ? { department: move.department } : {}),
    })(tx);
    return { ok: true as const };
  });
}
