import { and, desc, eq, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { escapeLike } from '../../server/db/client.ts';
import { authed } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { pageOf, ZId, ZPageQuery } from '../../shared/limits.ts';
import { roleAllows } from '../accounts/roles.ts';
import { auditEvents } from './audit.tables.ts';

const ZAuditEvent = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  onBehalfOfResidentId: z.number().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  stationId: z.number().nullable(),
  summary: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit of everything below the nodes the user administers, newest first',
        querystring: ZPageQuery.extend({ stationId: ZId.optional() }),
        response: { 200: pageOf(ZAuditEvent) },
      },
    },
    async (req) => {
      const ctx = authed(req);
      const grants = ctx.user.grants.filter((g) => roleAllows(g.role, 'audit.read'));
      if (grants.length === 0) throw new AppError('FORBIDDEN');
      const scopes: SQL[] = [];
      for (const g of grants) {
        if (g.path !== null) scopes.push(like(auditEvents.path, `${escapeLike(g.path)}%`));
        else if (g.stationId !== null) scopes.push(eq(auditEvents.stationId, g.stationId));
      }
      const stationIds = grants.flatMap((g) =>
        g.path === null && g.stationId !== null ? [g.stationId] : [],
      );
      if (stationIds.length > 0) scopes.push(inArray(auditEvents.stationId, stationIds));
      const before = decodeCursor<[number]>(req.query.cursor, ['number']);
      const rows = await ctx.db
        .select()
        .from(auditEvents)
        .where(
          and(
            or(...scopes),
            req.query.stationId ? eq(auditEvents.stationId, req.query.stationId) : undefined,
            before ? lt(auditEvents.id, before[0]) : undefined,
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(req.query.limit + 1);
      return toPage(
        rows,
        req.query.limit,
        (r) => r.id,
        (r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorUserId: r.actorUserId,
          onBehalfOfResidentId: r.onBehalfOfResidentId,
          action: r.action,
          subjectType: r.subjectType,
          subjectId: r.subjectId,
          stationId: r.stationId,
          summary: r.summary as Record<string, unknown>,
          ip: r.ip,
        }),
      );
    },
  );
};
