import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { ZIdParam, ZPageQuery, ZStationParam } from '../../shared/limits.ts';
import { photoRequired, readPhotoUpload, sendPhoto, ZPhotoQuery } from '../requests/index.ts';
import {
  ZAddFinding,
  ZFieldPhoto,
  ZFinding,
  ZFindingPage,
  ZFindingPhotoParam,
  ZFindingToRequest,
  ZPatrolDetail,
  ZPatrolList,
  ZPatrolListQuery,
  ZPatrolPage,
  ZPlanPatrol,
  ZPlanPatrols,
  ZPlanResult,
  ZRecordPatrol,
} from './field.schema.ts';
import {
  addFinding,
  addFindingPhoto,
  findingToRequest,
  listFindings,
  readFindingPhoto,
} from './patrol-findings.ts';
import { planPatrol, planPatrols } from './patrol-plans.ts';
import { getPatrol, listMyPatrols, listPatrols, recordPatrol } from './patrols.ts';

const tags = ['stations'];

export const patrolRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/stations/:stationId/patrols',
    {
      schema: {
        tags,
        summary: 'Plan one patrol: a worker assigned to the compound, a checklist, a day',
        params: ZStationParam,
        body: ZPlanPatrol,
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await planPatrol(authed(req), req.params.stationId, req.body)),
  );
  app.post(
    '/stations/:stationId/patrol-plans',
    {
      schema: {
        tags,
        summary: 'Plan a daily patrol for every assigned worker over a date range (at most 31 days)',
        params: ZStationParam,
        body: ZPlanPatrols,
        response: { 201: ZPlanResult },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await planPatrols(authed(req), req.params.stationId, req.body)),
  );
  app.get(
    '/stations/:stationId/patrols',
    {
      schema: {
        tags,
        summary: "A station's patrols, latest planned day first",
        params: ZStationParam,
        querystring: ZPatrolListQuery,
        response: { 200: ZPatrolPage },
      },
    },
    async (req) => listPatrols(authed(req), req.params.stationId, req.query),
  );
  app.get(
    '/patrols/mine',
    {
      schema: {
        tags,
        summary: 'My patrols from a week ago to two weeks ahead',
        response: { 200: ZPatrolList },
      },
    },
    async (req) => listMyPatrols(authed(req)),
  );
  app.get(
    '/patrols/:id',
    {
      schema: {
        tags,
        summary: 'A patrol with its checklist, results and findings',
        params: ZIdParam,
        response: { 200: ZPatrolDetail },
      },
    },
    async (req) => getPatrol(authed(req), req.params.id),
  );
  app.put(
    '/patrols/:id/results',
    {
      schema: {
        tags,
        summary: "Record the checklist: each item's state (ok, issue, na) with a note; done finishes it",
        params: ZIdParam,
        body: ZRecordPatrol,
        response: { 200: ZPatrolDetail },
      },
    },
    async (req) => recordPatrol(authed(req), req.params.id, req.body),
  );
  app.post(
    '/patrols/:id/findings',
    {
      schema: {
        tags,
        summary: 'Add a finding to a patrol (photos follow, one upload each)',
        params: ZIdParam,
        body: ZAddFinding,
        response: { 201: ZFinding },
      },
    },
    async (req, reply) => reply.status(201).send(await addFinding(authed(req), req.params.id, req.body)),
  );
  app.get(
    '/stations/:stationId/patrol-findings',
    {
      schema: {
        tags,
        summary: "A station's patrol findings, newest first",
        params: ZStationParam,
        querystring: ZPageQuery,
        response: { 200: ZFindingPage },
      },
    },
    async (req) => listFindings(authed(req), req.params.stationId, req.query),
  );
  app.post(
    '/patrol-findings/:id/photos',
    {
      schema: {
        tags,
        summary: 'Add a photo to a finding (multipart: file; JPG/PNG/WebP up to 10 MB; stored without EXIF)',
        params: ZIdParam,
        consumes: ['multipart/form-data'],
        response: { 201: ZFieldPhoto },
      },
    },
    async (req, reply) => {
      const ctx = authed(req);
      const { data } = await readPhotoUpload(req);
      if (!data) throw photoRequired();
      const photo = await addFindingPhoto(ctx, req.server.deps.blobs, req.params.id, data);
      return reply.status(201).send(photo);
    },
  );
  app.get(
    '/patrol-findings/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: "A finding's photo (JPEG): the square list copy (size=thumb) or the full copy",
        params: ZFindingPhotoParam,
        querystring: ZPhotoQuery,
      },
    },
    async (req, reply) => {
      const photo = await readFindingPhoto(authed(req), req.server.deps.blobs, {
        ...req.params,
        size: req.query.size,
      });
      return sendPhoto(reply, photo, req.query.size);
    },
  );
  app.post(
    '/patrol-findings/:id/request',
    {
      schema: {
        tags,
        summary:
          "Turn a finding into a request (channel patrol), routed by its category, with the finding's photos",
        params: ZIdParam,
        body: ZFindingToRequest,
        response: { 201: z.object({ requestId: z.number() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await findingToRequest(authed(req), req.params.id, req.body)),
  );
};
