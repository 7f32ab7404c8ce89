import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { pageOf, ZIdParam, ZOk, ZPageQuery } from '../../shared/limits.ts';
import { listInbox, markRead, unreadCount } from './notify.ts';

const ZNotification = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
const tags = ['notifications'];

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/inbox',
    {
      schema: {
        tags,
        summary: 'My inbox, newest first',
        querystring: ZPageQuery,
        response: { 200: pageOf(ZNotification) },
      },
    },
    async (req) => {
      const ctx = authed(req);
      const before = decodeCursor<[number]>(req.query.cursor, ['number']);
      const rows = await listInbox(ctx.db, ctx.user.userId, before?.[0] ?? null, req.query.limit);
      return toPage(
        rows,
        req.query.limit,
        (r) => r.id,
        (r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          createdAt: r.createdAt.toISOString(),
          read: r.readAt !== null,
        }),
      );
    },
  );
  app.get(
    '/inbox/unread-count',
    { schema: { tags, summary: 'Unread notifications', response: { 200: z.object({ count: z.number() }) } } },
    async (req) => {
      const ctx = authed(req);
      return { count: await unreadCount(ctx.db, ctx.user.userId) };
    },
  );
  app.post(
    '/inbox/:id/read',
    { schema: { tags, summary: 'Mark a notification read', params: ZIdParam, response: { 200: ZOk } } },
    async (req) => {
      const ctx = authed(req);
      if (!(await markRead(ctx.db, ctx.user.userId, req.params.id))) throw new AppError('NOT_FOUND');
      return { ok: true as const };
    },
  );
};
