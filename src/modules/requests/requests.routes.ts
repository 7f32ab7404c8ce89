import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { sendJsonText } from '../../server/http/cursor.ts';
import { ZIdParam, ZOk, ZPageQuery } from '../../shared/limits.ts';
import { fileRequest, listCategories } from './file-request.ts';
import {
  commentOnRequest,
  getRequest,
  listHandlers,
  rateRequest,
  transitionRequest,
} from './handle-request.ts';
import { insightsRoutes } from './insights.routes.ts';
import { STATUSES } from './lifecycle.ts';
import { addCategory, updateCategory } from './manage-categories.ts';
import { photosRoutes } from './photos.routes.ts';
import { listMine, listQueue } from './queue.ts';
import { requestPlaces } from './request-places.ts';
import {
  ZAddCategory,
  ZCategory,
  ZCategoryList,
  ZCommentRequest,
  ZFileRequest,
  ZHandlerList,
  ZQueueQuery,
  ZRateRequest,
  ZRequestDetail,
  ZRequestPage,
  ZRequestPlaces,
  ZStationParam,
  ZTransitionRequest,
  ZUpdateCategory,
} from './requests.schema.ts';
import type { categories } from './requests.tables.ts';

const tags = ['requests'];

function presentCategory(c: typeof categories.$inferSelect) {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    responseHours: c.responseHours,
    resolutionHours: c.resolutionHours,
    handlerKind: c.handlerKind,
    handlerUserId: c.handlerUserId,
  };
}

export const requestsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(insightsRoutes);
  await app.register(photosRoutes);
  app.get(
    '/stations/:stationId/request-categories',
    {
      schema: {
        tags,
        summary: "A station's request categories",
        params: ZStationParam,
        response: { 200: ZCategoryList },
      },
    },
    async (req) => {
      const rows = await listCategories(authed(req), req.params.stationId);
      return { items: rows.map(presentCategory) };
    },
  );
  app.post(
    '/stations/:stationId/request-categories',
    {
      schema: {
        tags,
        summary: 'Add a request category',
        params: ZStationParam,
        body: ZAddCategory,
        response: { 201: ZCategory },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentCategory(await addCategory(authed(req), req.params.stationId, req.body))),
  );
  app.patch(
    '/request-categories/:id',
    {
      schema: {
        tags,
        summary: 'Change a category: name, deadlines, default handler, retire it',
        params: ZIdParam,
        body: ZUpdateCategory,
        response: { 200: ZCategory },
      },
    },
    async (req) => presentCategory(await updateCategory(authed(req), req.params.id, req.body)),
  );
  app.post(
    '/requests',
    {
      schema: {
        tags,
        summary:
          'File a request (residents on the web; staff for a resident from the desk, a call, WeChat or a patrol)',
        body: ZFileRequest,
        response: { 201: z.object({ id: z.number(), status: z.enum(STATUSES) }) },
      },
    },
    async (req, reply) => reply.status(201).send(await fileRequest(authed(req), req.body)),
  );
  app.get(
    '/requests',
    {
      schema: {
        tags,
        summary: "A station's request queue",
        querystring: ZQueueQuery,
        response: { 200: ZRequestPage },
      },
    },
    async (req, reply) => sendJsonText(reply, ZRequestPage, await listQueue(authed(req), req.query)),
  );
  app.get(
    '/requests/mine',
    {
      schema: {
        tags,
        summary: 'The requests I reported, newest first',
        querystring: ZPageQuery,
        response: { 200: ZRequestPage },
      },
    },
    async (req, reply) => sendJsonText(reply, ZRequestPage, await listMine(authed(req), req.query)),
  );
  app.get(
    '/stations/:stationId/request-handlers',
    {
      schema: {
        tags,
        summary: 'Who may be assigned requests of a station',
        params: ZStationParam,
        response: { 200: ZHandlerList },
      },
    },
    async (req) => listHandlers(authed(req), req.params.stationId),
  );
  app.get(
    '/stations/:stationId/request-places',
    {
      schema: {
        tags,
        summary: "A station's buildings and units, for saying where a request is",
        params: ZStationParam,
        response: { 200: ZRequestPlaces },
      },
    },
    async (req) => requestPlaces(authed(req), req.params.stationId),
  );
  app.get(
    '/requests/:id',
    {
      schema: {
        tags,
        summary: 'A request with its timeline',
        params: ZIdParam,
        response: { 200: ZRequestDetail },
      },
    },
    async (req) => getRequest(authed(req), req.params.id),
  );
  app.post(
    '/requests/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move a request through its lifecycle',
        params: ZIdParam,
        body: ZTransitionRequest,
        response: { 200: z.object({ status: z.enum(STATUSES), level: z.string() }) },
      },
    },
    async (req) => transitionRequest(authed(req), req.params.id, req.body),
  );
  app.post(
    '/requests/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a request',
        params: ZIdParam,
        body: ZCommentRequest,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await commentOnRequest(authed(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/requests/:id/rating',
    {
      schema: {
        tags,
        summary:
          'The reporter rates a resolved request (5-level scale), or says it is not fixed (reopens it)',
        params: ZIdParam,
        body: ZRateRequest,
        response: { 200: z.object({ status: z.enum(STATUSES), level: z.string() }) },
      },
    },
    async (req) => rateRequest(authed(req), req.params.id, req.body),
  );
};
