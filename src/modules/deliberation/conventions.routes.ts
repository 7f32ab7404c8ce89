import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { text, ZBodyId, ZDay, ZId, ZOk, ZStationParam } from '../../shared/limits.ts';
import { ZConvention, ZConventionList } from './conventions.schema.ts';
import {
  draftConvention,
  draftVersion,
  getConvention,
  linkVote,
  listConventions,
  moveBreach,
  publishVersion,
  recordBreach,
} from './conventions.ts';

const tags = ['deliberation'];
const ZConventionParam = z.object({ conventionId: ZId });
const ZVersionParam = z.object({ conventionId: ZId, version: z.coerce.number().int().min(1).max(10000) });
const ZBreachParam = z.object({ breachId: ZId });
const ZBody = text(50000).pipe(z.string().min(1));
const ZCreated = z.object({ id: z.number() });

/** Residents' conventions 居民公约: versions adopted by votes, published; breaches referred for enforcement. */
export const conventionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:stationId/conventions',
    {
      schema: {
        tags,
        summary: "A station's conventions: the version in force (and the draft, for staff)",
        params: ZStationParam,
        response: {
          200: ZConventionList,
        },
      },
    },
    async (req) => listConventions(authed(req), req.params.stationId),
  );
  app.post(
    '/stations/:stationId/conventions',
    {
      schema: {
        tags,
        summary: 'Draft a convention (version 1)',
        params: ZStationParam,
        body: z.object({ title: text(200).pipe(z.string().min(1)), body: ZBody }),
        response: { 201: ZCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await draftConvention(authed(req), req.params.stationId, req.body)),
  );
  app.get(
    '/conventions/:conventionId',
    {
      schema: {
        tags,
        summary: 'A convention with its versions (and breaches, for staff)',
        params: ZConventionParam,
        response: { 200: ZConvention },
      },
    },
    async (req) => getConvention(authed(req), req.params.conventionId),
  );
  app.post(
    '/conventions/:conventionId/versions',
    {
      schema: {
        tags,
        summary: 'Draft the next version',
        params: ZConventionParam,
        body: z.object({ body: ZBody }),
        response: { 201: z.object({ version: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await draftVersion(authed(req), req.params.conventionId, req.body.body)),
  );
  app.put(
    '/conventions/:conventionId/versions/:version/vote',
    {
      schema: {
        tags,
        summary: 'Link the yes / no vote that will adopt a draft version',
        params: ZVersionParam,
        body: z.object({ voteId: ZBodyId }),
        response: { 200: ZOk },
      },
    },
    async (req) => linkVote(authed(req), req.params.conventionId, req.params.version, req.body.voteId),
  );
  app.post(
    '/conventions/:conventionId/versions/:version/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft whose vote closed and passed',
        params: ZVersionParam,
        response: { 200: ZOk },
      },
    },
    async (req) => publishVersion(authed(req), req.params.conventionId, req.params.version),
  );
  app.post(
    '/conventions/:conventionId/breaches',
    {
      schema: {
        tags,
        summary: 'Record a breach of the version in force',
        params: ZConventionParam,
        body: z.object({
          occurredOn: ZDay,
          place: text(200).pipe(z.string().min(1)),
          description: text(5000).pipe(z.string().min(1)),
        }),
        response: { 201: ZCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordBreach(authed(req), req.params.conventionId, req.body)),
  );
  app.post(
    '/breaches/:breachId/refer',
    {
      schema: {
        tags,
        summary: 'Refer a breach to the enforcing department (综合执法, 城管…)',
        params: ZBreachParam,
        body: z.object({ department: text(100).pipe(z.string().min(1)), note: text(2000).default('') }),
        response: { 200: ZOk },
      },
    },
    async (req) => moveBreach(authed(req), req.params.breachId, { to: 'referred', ...req.body }),
  );
  app.post(
    '/breaches/:breachId/resolve',
    {
      schema: {
        tags,
        summary: 'Mark a breach resolved',
        params: ZBreachParam,
        body: z.object({ note: text(2000).default('') }),
        response: { 200: ZOk },
      },
    },
    async (req) => moveBreach(authed(req), req.params.breachId, { to: 'resolved', note: req.body.note }),
  );
};
