import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../server/http/context.ts';
import { ZIdParam, ZOk, ZStationParam } from '../../shared/limits.ts';
import type { FigureSet } from '../manifest.ts';
import {
  ZAddAssignment,
  ZAddTemplate,
  ZAssignment,
  ZAssignmentList,
  ZFieldOverview,
  ZFieldWorkerList,
  ZTemplate,
  ZTemplateList,
  ZUpdateTemplate,
} from './field.schema.ts';
import { fieldFigureSet } from './field-figures.ts';
import { addTemplate, listTemplates, updateTemplate } from './patrol-templates.ts';
import { patrolRoutes } from './patrols.routes.ts';
import { visitRoutes } from './visits.routes.ts';
import {
  addAssignment,
  fieldOverview,
  listAssignments,
  listFieldWorkers,
  removeAssignment,
} from './worker-assignments.ts';

const tags = ['stations'];

/** Field work 片网包联: worker assignments, checklist templates, then patrols and the visit list. */
export const fieldRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(patrolRoutes);
  await app.register(visitRoutes);
  app.get(
    '/stations/:stationId/field',
    {
      schema: {
        tags,
        summary: "A station's field work: its compounds and what the viewer may do (manage, visit list)",
        params: ZStationParam,
        response: { 200: ZFieldOverview },
      },
    },
    async (req) => fieldOverview(authed(req), req.params.stationId),
  );
  app.get(
    '/stations/:stationId/field-workers',
    {
      schema: {
        tags,
        summary: 'Social and grid workers who may be assigned to the compounds of a station',
        params: ZStationParam,
        response: { 200: ZFieldWorkerList },
      },
    },
    async (req) => listFieldWorkers(authed(req), req.params.stationId),
  );
  app.get(
    '/stations/:stationId/worker-assignments',
    {
      schema: {
        tags,
        summary: 'Workers assigned to the compounds of a station',
        params: ZStationParam,
        response: { 200: ZAssignmentList },
      },
    },
    async (req) => listAssignments(authed(req), req.params.stationId),
  );
  app.post(
    '/stations/:stationId/worker-assignments',
    {
      schema: {
        tags,
        summary: 'Assign a social or grid worker to a compound',
        params: ZStationParam,
        body: ZAddAssignment,
        response: { 201: ZAssignment.pick({ id: true, compoundId: true, userId: true, since: true }) },
      },
    },
    async (req, reply) => {
      const row = await addAssignment(authed(req), req.params.stationId, req.body);
      return reply
        .status(201)
        .send({ id: row.id, compoundId: row.compoundId, userId: row.userId, since: row.since });
    },
  );
  app.delete(
    '/worker-assignments/:id',
    {
      schema: {
        tags,
        summary: 'End a worker assignment',
        params: ZIdParam,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await removeAssignment(authed(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/stations/:stationId/patrol-templates',
    {
      schema: {
        tags,
        summary: "Checklist templates a station may use: its own and its community's",
        params: ZStationParam,
        response: { 200: ZTemplateList },
      },
    },
    async (req) => listTemplates(authed(req), req.params.stationId),
  );
  app.post(
    '/stations/:stationId/patrol-templates',
    {
      schema: {
        tags,
        summary:
          "Add a checklist template for the station, or (scope community) for its community's stations",
        params: ZStationParam,
        body: ZAddTemplate,
        response: { 201: ZTemplate },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addTemplate(authed(req), req.params.stationId, req.body)),
  );
  app.patch(
    '/patrol-templates/:id',
    {
      schema: {
        tags,
        summary: 'Change a checklist template: name, items, or retire it',
        params: ZIdParam,
        body: ZUpdateTemplate,
        response: { 200: ZTemplate },
      },
    },
    async (req) => updateTemplate(authed(req), req.params.id, req.body),
  );
};

export const fieldFigures: Record<string, FigureSet> = { field: fieldFigureSet };
