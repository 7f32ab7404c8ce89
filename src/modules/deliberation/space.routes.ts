import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { ZOk } from '../../shared/limits.ts';
import { ZAction, ZMeetingParam } from './meetings.schema.ts';
import {
  ZCell,
  ZDots,
  ZGridLine,
  ZPlan,
  ZPostSpaceTopic,
  ZReport,
  ZSpaceBoard,
  ZSpaceTopicParam,
} from './space.schema.ts';
import {
  addGridLine,
  addPlan,
  becomeRecorder,
  fileReport,
  joinGroup,
  placeDots,
  placeSpaceTopic,
  postSpaceTopic,
  spaceBoard,
} from './space.ts';

const tags = ['deliberation'];
const ZCreated = z.object({ id: z.number() });

/** Open Space (a meeting of kind openSpace): the board every participant's phone and the shared screen show. */
export const spaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/meetings/:meetingId/space',
    {
      schema: {
        tags,
        summary: 'The Open Space board: grid, marketplace, groups, reports, dots, action plans',
        params: ZMeetingParam,
        response: { 200: ZSpaceBoard },
      },
    },
    async (req) => spaceBoard(authed(req), req.params.meetingId),
  );
  for (const kind of ['slot', 'place'] as const) {
    app.post(
      `/meetings/:meetingId/space/${kind}s`,
      {
        schema: {
          tags,
          summary:
            kind === 'slot' ? 'Add a time slot (a row of the grid)' : 'Add a place (a column of the grid)',
          params: ZMeetingParam,
          body: ZGridLine,
          response: { 201: ZCreated },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await addGridLine(authed(req), req.params.meetingId, kind, req.body.name)),
    );
  }
  app.post(
    '/meetings/:meetingId/space/topics',
    {
      schema: {
        tags,
        summary: 'Post a topic to the marketplace (and convene its group)',
        params: ZMeetingParam,
        body: ZPostSpaceTopic,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await postSpaceTopic(authed(req), req.params.meetingId, req.body.title)),
  );
  app.put(
    '/meetings/:meetingId/space/dots',
    {
      schema: {
        tags,
        summary: 'Place my dots (all at once)',
        params: ZMeetingParam,
        body: ZDots,
        response: { 200: ZOk },
      },
    },
    async (req) => placeDots(authed(req), req.params.meetingId, req.body.dots),
  );
  app.put(
    '/space-topics/:spaceTopicId/cell',
    {
      schema: {
        tags,
        summary: 'Lay a topic on the grid',
        params: ZSpaceTopicParam,
        body: ZCell,
        response: { 200: ZOk },
      },
    },
    async (req) => placeSpaceTopic(authed(req), req.params.spaceTopicId, req.body),
  );
  app.post(
    '/space-topics/:spaceTopicId/join',
    {
      schema: {
        tags,
        summary: "Join a group (leaving one's group of the same slot: the law of two feet)",
        params: ZSpaceTopicParam,
        response: { 200: z.object({ ok: z.literal(true), movedFrom: z.number().nullable() }) },
      },
    },
    async (req) => joinGroup(authed(req), req.params.spaceTopicId),
  );
  app.post(
    '/space-topics/:spaceTopicId/recorder',
    {
      schema: {
        tags,
        summary: "Become the group's recorder",
        params: ZSpaceTopicParam,
        response: { 200: ZOk },
      },
    },
    async (req) => becomeRecorder(authed(req), req.params.spaceTopicId),
  );
  app.put(
    '/space-topics/:spaceTopicId/report',
    {
      schema: {
        tags,
        summary: "File the group's report (its convener or recorder)",
        params: ZSpaceTopicParam,
        body: ZReport,
        response: { 200: ZOk },
      },
    },
    async (req) => fileReport(authed(req), req.params.spaceTopicId, req.body.report),
  );
  app.post(
    '/space-topics/:spaceTopicId/plans',
    {
      schema: {
        tags,
        summary: 'Add an action plan from a group',
        params: ZSpaceTopicParam,
        body: ZPlan,
        response: { 201: ZAction },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addPlan(authed(req), req.params.spaceTopicId, req.body)),
  );
};
