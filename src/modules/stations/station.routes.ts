import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../server/http/context.ts';
import { ZId, ZOk, ZStationParam } from '../../shared/limits.ts';
import {
  ZAddRuleVersion,
  ZChangeStage,
  ZMarkStep,
  ZRoom,
  ZRoomInput,
  ZRules,
  ZRuleVersion,
  ZStationDetail,
  ZStationPage,
  ZStationQuery,
  ZStepParams,
  ZUpdateProfile,
} from './council.schema.ts';
import { addRoom, removeRoom, updateRoom } from './station-rooms.ts';
import { addRuleVersion, listRules } from './station-rules.ts';
import { changeStage, getStation, listStations, markStep, undoStep, updateProfile } from './station-setup.ts';

const tags = ['stations'];
const ZRoomParams = ZStationParam.extend({ roomId: ZId });

/** Stations and their rollout: the list, a station's page, profile, rooms, stage, checklist, rules. */
export const stationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations',
    {
      schema: {
        tags,
        summary: 'The stations the user may see, with stage, checklist and council compliance',
        querystring: ZStationQuery,
        response: { 200: ZStationPage },
      },
    },
    async (req) => listStations(authed(req), req.query),
  );
  app.get(
    '/stations/:stationId',
    {
      schema: {
        tags,
        summary: "A station's page: profile, rooms, compounds, stage, setup checklist",
        params: ZStationParam,
        response: { 200: ZStationDetail },
      },
    },
    async (req) => getStation(authed(req), req.params.stationId),
  );
  app.patch(
    '/stations/:stationId/profile',
    {
      schema: {
        tags,
        summary: "Change the station's site, phone, note or kind",
        params: ZStationParam,
        body: ZUpdateProfile,
        response: { 200: ZStationDetail },
      },
    },
    async (req) => updateProfile(authed(req), req.params.stationId, req.body),
  );
  app.post(
    '/stations/:stationId/stage',
    {
      schema: {
        tags,
        summary: 'Move the station to another stage (operating needs the checklist done)',
        params: ZStationParam,
        body: ZChangeStage,
        response: { 200: ZStationDetail },
      },
    },
    async (req) => changeStage(authed(req), req.params.stationId, req.body.stage),
  );
  app.put(
    '/stations/:stationId/setup-steps/:step',
    {
      schema: {
        tags,
        summary: 'Mark a setup checklist step done on a date',
        params: ZStepParams,
        body: ZMarkStep,
        response: { 200: ZStationDetail },
      },
    },
    async (req) => markStep(authed(req), req.params.stationId, req.params.step, req.body),
  );
  app.delete(
    '/stations/:stationId/setup-steps/:step',
    {
      schema: {
        tags,
        summary: 'Undo a setup checklist step',
        params: ZStepParams,
        response: { 200: ZStationDetail },
      },
    },
    async (req) => undoStep(authed(req), req.params.stationId, req.params.step),
  );
  app.post(
    '/stations/:stationId/rooms',
    {
      schema: {
        tags,
        summary: 'Add a room',
        params: ZStationParam,
        body: ZRoomInput,
        response: { 201: ZRoom },
      },
    },
    async (req, reply) => reply.status(201).send(await addRoom(authed(req), req.params.stationId, req.body)),
  );
  app.put(
    '/stations/:stationId/rooms/:roomId',
    {
      schema: {
        tags,
        summary: 'Change a room',
        params: ZRoomParams,
        body: ZRoomInput,
        response: { 200: ZRoom },
      },
    },
    async (req) => updateRoom(authed(req), req.params.stationId, req.params.roomId, req.body),
  );
  app.delete(
    '/stations/:stationId/rooms/:roomId',
    { schema: { tags, summary: 'Remove a room', params: ZRoomParams, response: { 200: ZOk } } },
    async (req) => removeRoom(authed(req), req.params.stationId, req.params.roomId),
  );
  app.get(
    '/stations/:stationId/rules',
    {
      schema: {
        tags,
        summary: "The station's current rules and charter (residents too), with the history for staff",
        params: ZStationParam,
        response: { 200: ZRules },
      },
    },
    async (req) => listRules(authed(req), req.params.stationId),
  );
  app.post(
    '/stations/:stationId/rules',
    {
      schema: {
        tags,
        summary: 'Add a version of a rule or the charter (the next number of its kind)',
        params: ZStationParam,
        body: ZAddRuleVersion,
        response: { 201: ZRuleVersion },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addRuleVersion(authed(req), req.params.stationId, req.body)),
  );
};
