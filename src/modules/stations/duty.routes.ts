import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../server/http/context.ts';
import { ZOk, ZStationParam } from '../../shared/limits.ts';
import type { FigureSet } from '../manifest.ts';
import {
  ZAddDutyPerson,
  ZAddSlot,
  ZCoverage,
  ZDutyPeople,
  ZDutyPerson,
  ZGenerateResult,
  ZGenerateRoster,
  ZMonthQuery,
  ZOpeningHours,
  ZPersonParam,
  ZPlaceShift,
  ZRoster,
  ZSetUnavailable,
  ZShift,
  ZSlot,
  ZSlotList,
  ZSlotParam,
  ZUpdateDutyPerson,
  ZUpdateSlot,
} from './duty.schema.ts';
import { dutyDeskRoutes } from './duty-desk.routes.ts';
import { coverage, dutyFigureSet } from './duty-figures.ts';
import { placeShift } from './duty-leave.ts';
import { addPerson, listPeople, setUnavailable, updatePerson } from './duty-people.ts';
import { generateMonth, getRoster } from './duty-roster.ts';
import { addSlot, listSlots, updateSlot } from './duty-slots.ts';
import { getOpeningHours, setOpeningHours } from './opening-hours.ts';

const tags = ['duty'];

/** The station's duty setup and roster (station.read to see, station.manage to change). */
export const dutyRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(dutyDeskRoutes);
  app.get(
    '/stations/:stationId/opening-hours',
    {
      schema: {
        tags,
        summary: "A station's opening hours",
        params: ZStationParam,
        response: { 200: ZOpeningHours },
      },
    },
    async (req) => getOpeningHours(authed(req), req.params.stationId),
  );
  app.put(
    '/stations/:stationId/opening-hours',
    {
      schema: {
        tags,
        summary: "Replace a station's opening hours (intervals per weekday)",
        params: ZStationParam,
        body: ZOpeningHours,
        response: { 200: ZOpeningHours },
      },
    },
    async (req) => setOpeningHours(authed(req), req.params.stationId, req.body.items),
  );
  app.get(
    '/stations/:stationId/duty-slots',
    {
      schema: {
        tags,
        summary: "A station's duty slots",
        params: ZStationParam,
        response: { 200: ZSlotList },
      },
    },
    async (req) => listSlots(authed(req), req.params.stationId),
  );
  app.post(
    '/stations/:stationId/duty-slots',
    {
      schema: {
        tags,
        summary: 'Add a duty slot (within the opening hours)',
        params: ZStationParam,
        body: ZAddSlot,
        response: { 201: ZSlot },
      },
    },
    async (req, reply) => reply.status(201).send(await addSlot(authed(req), req.params.stationId, req.body)),
  );
  app.patch(
    '/stations/:stationId/duty-slots/:slotId',
    {
      schema: {
        tags,
        summary: "Change a slot's times or seats, or retire it",
        params: ZSlotParam,
        body: ZUpdateSlot,
        response: { 200: ZSlot },
      },
    },
    async (req) => updateSlot(authed(req), req.params.stationId, req.params.slotId, req.body),
  );
  app.get(
    '/stations/:stationId/duty-people',
    {
      schema: {
        tags,
        summary: 'The rota pool with unavailable days',
        params: ZStationParam,
        response: { 200: ZDutyPeople },
      },
    },
    async (req) => listPeople(authed(req), req.params.stationId),
  );
  app.post(
    '/stations/:stationId/duty-people',
    {
      schema: {
        tags,
        summary: 'Add an account to the rota pool by phone',
        params: ZStationParam,
        body: ZAddDutyPerson,
        response: { 201: ZDutyPerson },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addPerson(authed(req), req.params.stationId, req.body)),
  );
  app.patch(
    '/stations/:stationId/duty-people/:userId',
    {
      schema: {
        tags,
        summary: 'Take a person off the rota or back on',
        params: ZPersonParam,
        body: ZUpdateDutyPerson,
        response: { 200: ZOk },
      },
    },
    async (req) => updatePerson(authed(req), req.params.stationId, req.params.userId, req.body),
  );
  app.put(
    '/stations/:stationId/duty-people/:userId/unavailable',
    {
      schema: {
        tags,
        summary: "Replace a person's unavailable days within a month",
        params: ZPersonParam,
        body: ZSetUnavailable,
        response: { 200: ZOk },
      },
    },
    async (req) => setUnavailable(authed(req), req.params.stationId, req.params.userId, req.body),
  );
  app.get(
    '/stations/:stationId/duty-roster',
    {
      schema: {
        tags,
        summary: "A month's roster: opening days, slots and shifts",
        params: ZStationParam,
        querystring: ZMonthQuery,
        response: { 200: ZRoster },
      },
    },
    async (req) => getRoster(authed(req), req.params.stationId, req.query.month),
  );
  app.post(
    '/stations/:stationId/duty-roster',
    {
      schema: {
        tags,
        summary: 'Generate a month by rotation over the pool',
        params: ZStationParam,
        body: ZGenerateRoster,
        response: { 200: ZGenerateResult },
      },
    },
    async (req) => generateMonth(authed(req), req.params.stationId, req.body),
  );
  app.post(
    '/stations/:stationId/duty-shifts',
    {
      schema: {
        tags,
        summary: 'Place a single shift (an unfilled seat)',
        params: ZStationParam,
        body: ZPlaceShift,
        response: { 201: ZShift },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await placeShift(authed(req), req.params.stationId, req.body)),
  );
  app.get(
    '/stations/:stationId/duty-coverage',
    {
      schema: {
        tags,
        summary: 'Coverage per member for a month',
        params: ZStationParam,
        querystring: ZMonthQuery,
        response: { 200: ZCoverage },
      },
    },
    async (req) => coverage(authed(req), req.params.stationId, req.query.month),
  );
};

export const dutyFigures: Record<string, FigureSet> = { duty: dutyFigureSet as FigureSet };
