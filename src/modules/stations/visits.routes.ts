import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { ZIdParam, ZOk, ZStationParam } from '../../shared/limits.ts';
import {
  VISIT_STATUSES,
  ZAddVisitTarget,
  ZMyVisitLists,
  ZRecordVisit,
  ZUpdateVisitTarget,
  ZVisitList,
  ZVisitListQuery,
  ZVisitRecordList,
} from './field.schema.ts';
import {
  addVisitTarget,
  listVisitRecords,
  listVisits,
  myVisitLists,
  recordVisit,
  updateVisitTarget,
} from './visit-list.ts';

const tags = ['stations'];

/**
 * The visit list. Every route answers 404 to anyone but the compound's assigned workers and the
 * station's chair (visit-access.ts), as for a list that does not exist.
 */
export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/visit-lists/mine',
    {
      schema: {
        tags,
        summary: 'The stations whose visit list I may use (assigned worker or chair), with overdue counts',
        response: { 200: ZMyVisitLists },
      },
    },
    async (req) => myVisitLists(authed(req)),
  );
  app.get(
    '/stations/:stationId/visits',
    {
      schema: {
        tags,
        summary:
          'The visit list: households due regular visits, overdue first (assigned workers and the chair only)',
        params: ZStationParam,
        querystring: ZVisitListQuery,
        response: { 200: ZVisitList },
      },
    },
    async (req) => listVisits(authed(req), req.params.stationId, req.query),
  );
  app.post(
    '/stations/:stationId/visits',
    {
      schema: {
        tags,
        summary: 'Put a household on the visit list (reason, every N days, since)',
        params: ZStationParam,
        body: ZAddVisitTarget,
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addVisitTarget(authed(req), req.params.stationId, req.body)),
  );
  app.patch(
    '/visit-targets/:id',
    {
      schema: {
        tags,
        summary: 'Change a visit target: reason, frequency, or take it off the list',
        params: ZIdParam,
        body: ZUpdateVisitTarget,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await updateVisitTarget(authed(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/visit-targets/:id/visits',
    {
      schema: {
        tags,
        summary: 'The visits made to a household on the list, latest first',
        params: ZIdParam,
        response: { 200: ZVisitRecordList },
      },
    },
    async (req) => listVisitRecords(authed(req), req.params.id),
  );
  app.post(
    '/visit-targets/:id/visits',
    {
      schema: {
        tags,
        summary: 'Record a visit (date, note); it closes the due visit',
        params: ZIdParam,
        body: ZRecordVisit,
        response: {
          201: z.object({
            id: z.number(),
            dueOn: z.string(),
            status: z.enum(VISIT_STATUSES),
            daysOverdue: z.number(),
          }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await recordVisit(authed(req), req.params.id, req.body)),
  );
};
