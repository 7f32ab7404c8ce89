import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { ZOk, ZStationParam } from '../../shared/limits.ts';
import { meetingPeople, PERSON_REASONS } from './meeting-people.ts';
import {
  ZAction,
  ZActionItem,
  ZActionParam,
  ZCancelMeeting,
  ZCompleteAction,
  ZCreateMeeting,
  ZMeeting,
  ZMeetingParam,
  ZMeetingSummary,
  ZMinutes,
  ZResolution,
  ZSignIn,
} from './meetings.schema.ts';
import {
  addAction,
  addResolution,
  cancelMeeting,
  completeAction,
  createMeeting,
  getMeeting,
  listMeetings,
  meetingFor,
  recordMinutes,
  register,
  signIn,
} from './meetings.ts';

const tags = ['deliberation'];
const ZCreated = z.object({ id: z.number() });

export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:stationId/meetings',
    {
      schema: {
        tags,
        summary: "A station's meetings, newest first (residents: those they are invited to)",
        params: ZStationParam,
        response: { 200: z.object({ items: z.array(ZMeetingSummary), canCreate: z.boolean() }) },
      },
    },
    async (req) => listMeetings(authed(req), req.params.stationId),
  );
  app.post(
    '/stations/:stationId/meetings',
    {
      schema: {
        tags,
        summary:
          'Call a meeting: kind, time, place, capacity, invitations, organisations and observers, agenda',
        params: ZStationParam,
        body: ZCreateMeeting,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createMeeting(authed(req), req.params.stationId, req.body)),
  );
  app.get(
    '/meetings/:meetingId',
    {
      schema: {
        tags,
        summary: 'A meeting: agenda, registration, sign-ins (staff), minutes, resolutions, action items',
        params: ZMeetingParam,
        response: { 200: ZMeeting },
      },
    },
    async (req) => getMeeting(authed(req), req.params.meetingId),
  );
  app.get(
    '/meetings/:meetingId/people',
    {
      schema: {
        tags,
        summary:
          "Who may own the meeting's action items: staff, council, registered, signed-in and group members (conveners: groups, staff and council)",
        params: ZMeetingParam,
        response: {
          200: z.object({
            items: z.array(
              z.object({ userId: z.number(), name: z.string(), why: z.array(z.enum(PERSON_REASONS)) }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const ctx = authed(req);
      return meetingPeople(ctx, await meetingFor(ctx, req.params.meetingId));
    },
  );
  app.post(
    '/meetings/:meetingId/cancel',
    {
      schema: {
        tags,
        summary: 'Call off a planned meeting, with the reason those invited will read',
        params: ZMeetingParam,
        body: ZCancelMeeting,
        response: { 200: ZOk },
      },
    },
    async (req) => cancelMeeting(authed(req), req.params.meetingId, req.body.reason),
  );
  app.post(
    '/meetings/:meetingId/registrations',
    {
      schema: {
        tags,
        summary: 'Register for a meeting (within its capacity)',
        params: ZMeetingParam,
        response: { 200: ZOk },
      },
    },
    async (req) => register(authed(req), req.params.meetingId),
  );
  app.post(
    '/meetings/:meetingId/sign-ins',
    {
      schema: {
        tags,
        summary: 'Sign someone in at the door (a proxy needs the written authorisation)',
        params: ZMeetingParam,
        body: ZSignIn,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await signIn(authed(req), req.params.meetingId, req.body)),
  );
  app.put(
    '/meetings/:meetingId/minutes',
    {
      schema: {
        tags,
        summary: 'Write the minutes (the meeting is then held)',
        params: ZMeetingParam,
        body: ZMinutes,
        response: { 200: ZOk },
      },
    },
    async (req) => recordMinutes(authed(req), req.params.meetingId, req.body.minutes),
  );
  app.post(
    '/meetings/:meetingId/resolutions',
    {
      schema: {
        tags,
        summary: 'Record a resolution',
        params: ZMeetingParam,
        body: ZResolution,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addResolution(authed(req), req.params.meetingId, req.body)),
  );
  app.post(
    '/meetings/:meetingId/actions',
    {
      schema: {
        tags,
        summary: 'Add an action item with its owner and due date',
        params: ZMeetingParam,
        body: ZActionItem,
        response: { 201: ZAction },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addAction(authed(req), req.params.meetingId, req.body)),
  );
  app.post(
    '/actions/:actionId/done',
    {
      schema: {
        tags,
        summary: 'Mark an action item done (its owner, or one who runs deliberation)',
        params: ZActionParam,
        body: ZCompleteAction,
        response: { 200: ZAction },
      },
    },
    async (req) => completeAction(authed(req), req.params.actionId, req.body.note),
  );
};
