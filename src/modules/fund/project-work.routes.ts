import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../server/http/context.ts';
import { ZIdParam, ZOk } from '../../shared/limits.ts';
import { photoRequired, readPhotoUpload, sendPhoto, ZPhotoQuery } from '../requests/index.ts';
import {
  addInspection,
  addInspectionPhoto,
  addUpdate,
  addUpdatePhoto,
  completeMilestone,
  readProjectPhoto,
  respondToInspection,
} from './project-work.ts';
import {
  ZCreated,
  ZInspectionInput,
  ZMilestoneDone,
  ZPhotoAdded,
  ZPhotoParam,
  ZResponseInput,
  ZUpdateInput,
} from './projects.schema.ts';

const tags = ['fund projects'];
const PHOTO = 'multipart: file; JPG/PNG/WebP up to 10 MB; stored without EXIF';

/** A project's work while carried out: updates with photos, milestones, inspections and their answers. */
export const projectWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/fund-projects/:id/updates',
    {
      schema: {
        tags,
        summary: 'A progress update, or before / after photos to come (the team, fund.post)',
        params: ZIdParam,
        body: ZUpdateInput,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await addUpdate(authed(req), req.params.id, req.body)),
  );
  app.post(
    '/fund-project-updates/:id/photos',
    {
      schema: {
        tags,
        summary: `Add a photo to an update (${PHOTO})`,
        params: ZIdParam,
        consumes: ['multipart/form-data'],
        response: { 201: ZPhotoAdded },
      },
    },
    async (req, reply) => {
      const ctx = authed(req);
      const { data } = await readPhotoUpload(req);
      if (!data) throw photoRequired();
      return reply.status(201).send(await addUpdatePhoto(ctx, req.server.deps.blobs, req.params.id, data));
    },
  );
  app.post(
    '/fund-milestones/:id/done',
    {
      schema: {
        tags,
        summary: 'Mark a milestone done (today unless a day is given)',
        params: ZIdParam,
        body: ZMilestoneDone,
        response: { 200: ZOk },
      },
    },
    async (req) => completeMilestone(authed(req), req.params.id, req.body),
  );
  app.post(
    '/fund-projects/:id/inspections',
    {
      schema: {
        tags,
        summary: 'An inspection by a member of the supervision group: passed, or issues with findings',
        params: ZIdParam,
        body: ZInspectionInput,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await addInspection(authed(req), req.params.id, req.body)),
  );
  app.post(
    '/fund-inspections/:id/photos',
    {
      schema: {
        tags,
        summary: `Add a photo to one's inspection (${PHOTO})`,
        params: ZIdParam,
        consumes: ['multipart/form-data'],
        response: { 201: ZPhotoAdded },
      },
    },
    async (req, reply) => {
      const ctx = authed(req);
      const { data } = await readPhotoUpload(req);
      if (!data) throw photoRequired();
      return reply
        .status(201)
        .send(await addInspectionPhoto(ctx, req.server.deps.blobs, req.params.id, data));
    },
  );
  app.post(
    '/fund-inspections/:id/response',
    {
      schema: {
        tags,
        summary: 'The team answers the issues an inspection found',
        params: ZIdParam,
        body: ZResponseInput,
        response: { 200: ZOk },
      },
    },
    async (req) => respondToInspection(authed(req), req.params.id, req.body.response),
  );
  app.get(
    '/fund-projects/:id/photos/:hash',
    {
      schema: {
        tags,
        summary: "A photo of the project's updates or inspections (JPEG): thumb or full",
        params: ZPhotoParam,
        querystring: ZPhotoQuery,
      },
    },
    async (req, reply) => {
      const photo = await readProjectPhoto(authed(req), req.server.deps.blobs, {
        ...req.params,
        size: req.query.size,
      });
      return sendPhoto(reply, photo, req.query.size);
    },
  );
};
