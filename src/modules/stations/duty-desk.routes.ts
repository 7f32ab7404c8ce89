import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authed } from '../../server/http/context.ts';
import { ZIdParam, ZStationParam } from '../../shared/limits.ts';
import {
  ZCover,
  ZLeave,
  ZLogEntry,
  ZLogPage,
  ZLogQuery,
  ZMyDesk,
  ZNewLogEntry,
  ZProposeSwap,
  ZShift,
  ZSwap,
  ZSwapOptions,
  ZToRequest,
} from './duty.schema.ts';
import { checkIn, myDesk } from './duty-check-in.ts';
import { coverShift, takeLeave } from './duty-leave.ts';
import { entryToRequest, listLog, logVisit } from './duty-log.ts';
import { decideSwap, proposeSwap, swapOptions } from './duty-swaps.ts';

const tags = ['duty'];

/** The person on duty: my shifts, check-in and out, leave, swaps, and the duty log. */
export const dutyDeskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/duty/mine',
    {
      schema: {
        tags,
        summary: 'My shifts from today on, swaps waiting, and where I may log visits',
        response: { 200: ZMyDesk },
      },
    },
    async (req) => myDesk(authed(req)),
  );
  for (const [path, out] of [
    ['check-in', false],
    ['check-out', true],
  ] as const) {
    app.post(
      `/duty-shifts/:id/${path}`,
      {
        schema: {
          tags,
          summary: out ? 'Check out of my shift' : 'Check in to my shift (from 30 minutes before its start)',
          params: ZIdParam,
          response: { 200: ZShift },
        },
      },
      async (req) => checkIn(authed(req), req.params.id, out),
    );
  }
  app.post(
    '/duty-shifts/:id/leave',
    {
      schema: {
        tags,
        summary: 'Put my shift on leave, with a reason',
        params: ZIdParam,
        body: ZLeave,
        response: { 200: ZShift },
      },
    },
    async (req) => takeLeave(authed(req), req.params.id, req.body),
  );
  app.post(
    '/duty-shifts/:id/cover',
    {
      schema: {
        tags,
        summary: 'Assign a pool member to cover a shift on leave',
        params: ZIdParam,
        body: ZCover,
        response: { 201: ZShift },
      },
    },
    async (req, reply) => reply.status(201).send(await coverShift(authed(req), req.params.id, req.body)),
  );
  app.get(
    '/duty-shifts/:id/swap-options',
    {
      schema: {
        tags,
        summary: 'Shifts I could swap mine with, and who could cover it',
        params: ZIdParam,
        response: { 200: ZSwapOptions },
      },
    },
    async (req) => swapOptions(authed(req), req.params.id),
  );
  app.post(
    '/duty-swaps',
    {
      schema: {
        tags,
        summary: 'Propose a swap of my shift (or ask someone to cover it)',
        body: ZProposeSwap,
        response: { 201: ZSwap },
      },
    },
    async (req, reply) => reply.status(201).send(await proposeSwap(authed(req), req.body)),
  );
  for (const decision of ['accept', 'decline', 'cancel'] as const) {
    app.post(
      `/duty-swaps/:id/${decision}`,
      {
        schema: {
          tags,
          summary:
            decision === 'cancel'
              ? 'The proposer withdraws a swap'
              : `The counterpart ${decision}s a swap${decision === 'accept' ? ' (the shifts change hands)' : ''}`,
          params: ZIdParam,
          response: { 200: ZSwap },
        },
      },
      async (req) => decideSwap(authed(req), req.params.id, decision),
    );
  }
  app.get(
    '/stations/:stationId/duty-log',
    {
      schema: {
        tags,
        summary: "The station's duty log, newest first",
        params: ZStationParam,
        querystring: ZLogQuery,
        response: { 200: ZLogPage },
      },
    },
    async (req) => listLog(authed(req), req.params.stationId, req.query),
  );
  app.post(
    '/stations/:stationId/duty-log',
    {
      schema: {
        tags,
        summary: 'Record a visit to the desk (outcome request files it as a request)',
        params: ZStationParam,
        body: ZNewLogEntry,
        response: { 201: ZLogEntry },
      },
    },
    async (req, reply) => reply.status(201).send(await logVisit(authed(req), req.params.stationId, req.body)),
  );
  app.post(
    '/duty-log/:id/request',
    {
      schema: {
        tags,
        summary: 'Turn a duty log entry into a request, linked both ways',
        params: ZIdParam,
        body: ZToRequest,
        response: { 200: ZLogEntry },
      },
    },
    async (req) => entryToRequest(authed(req), req.params.id, req.body),
  );
};
