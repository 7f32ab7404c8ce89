import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authed } from '../../server/http/context.ts';
import { ZIdParam, ZStationParam } from '../../shared/limits.ts';
import type { FigureSet } from '../manifest.ts';
import type { CompositionPolicy } from './composition.ts';
import { getAreaPolicy, getStationPolicy, setAreaPolicy, setStationPolicy } from './composition-policy.ts';
import {
  ZAddMember,
  ZAddTerm,
  ZAreaParam,
  ZAssignPortfolio,
  ZCandidateSearch,
  ZCandidates,
  ZCeaseMember,
  ZCouncil,
  ZCouncilQuery,
  ZEffectivePolicy,
  ZMoveMember,
  ZPolicyOverrides,
  ZPortfolioParams,
  ZPortfolios,
  ZTerm,
} from './council.schema.ts';
import { addMember, ceaseMember, moveMember } from './council-members.ts';
import { addTerm, councilCandidates, getCouncil } from './council-terms.ts';
import { assignPortfolio, listPortfolios, removePortfolio } from './portfolios.ts';
import { stationRoutes } from './station.routes.ts';
import { setupFigureSet } from './station-figures.ts';

const tags = ['stations'];
const ZCreated = z.object({ id: z.number() });
type Overrides = Partial<CompositionPolicy>;

/** Stations (station.routes.ts), the council and its terms, the composition policy, portfolios. */
export const councilRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(stationRoutes);
  app.get(
    '/stations/:stationId/council',
    {
      schema: {
        tags,
        summary: "A term's council: every seat with its history, and the composition rules it breaks",
        params: ZStationParam,
        querystring: ZCouncilQuery,
        response: { 200: ZCouncil },
      },
    },
    async (req) => getCouncil(authed(req), req.params.stationId, req.query.termId),
  );
  app.post(
    '/stations/:stationId/council-terms',
    {
      schema: {
        tags,
        summary: 'Add a council term (dates may not overlap another term)',
        params: ZStationParam,
        body: ZAddTerm,
        response: { 201: ZTerm },
      },
    },
    async (req, reply) => reply.status(201).send(await addTerm(authed(req), req.params.stationId, req.body)),
  );
  app.get(
    '/stations/:stationId/council-candidates',
    {
      schema: {
        tags,
        summary: 'Residents and station accounts who may take a seat, by name or phone',
        params: ZStationParam,
        querystring: ZCandidateSearch,
        response: { 200: ZCandidates },
      },
    },
    async (req) => councilCandidates(authed(req), req.params.stationId, req.query.q),
  );
  app.post(
    '/stations/:stationId/council-members',
    {
      schema: {
        tags,
        summary: 'Add a member to a term (refused when the person holds an excluded position)',
        params: ZStationParam,
        body: ZAddMember,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addMember(authed(req), req.params.stationId, req.body)),
  );
  app.post(
    '/council-members/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a member to another position (closes the seat, opens a new one pointing back)',
        params: ZIdParam,
        body: ZMoveMember,
        response: { 201: ZCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await moveMember(authed(req), req.params.id, req.body)),
  );
  app.post(
    '/council-members/:id/cease',
    {
      schema: {
        tags,
        summary: 'A member ceases (left on, reason); their portfolios are given up',
        params: ZIdParam,
        body: ZCeaseMember,
        response: { 200: ZCreated },
      },
    },
    async (req) => ceaseMember(authed(req), req.params.id, req.body),
  );
  app.get(
    '/stations/:stationId/composition-policy',
    {
      schema: {
        tags,
        summary: "The station's effective composition policy and where each value comes from",
        params: ZStationParam,
        response: { 200: ZEffectivePolicy },
      },
    },
    async (req) => getStationPolicy(authed(req), req.params.stationId),
  );
  app.put(
    '/stations/:stationId/composition-policy',
    {
      schema: {
        tags,
        summary: "Set the station's own overrides of the composition policy ({} removes them)",
        params: ZStationParam,
        body: ZPolicyOverrides,
        response: { 200: ZEffectivePolicy },
      },
    },
    async (req) => setStationPolicy(authed(req), req.params.stationId, req.body as Overrides),
  );
  app.get(
    '/areas/:areaId/composition-policy',
    {
      schema: {
        tags,
        summary: "An area's composition policy overrides and the policy in effect there",
        params: ZAreaParam,
        response: { 200: ZEffectivePolicy },
      },
    },
    async (req) => getAreaPolicy(authed(req), req.params.areaId),
  );
  app.put(
    '/areas/:areaId/composition-policy',
    {
      schema: {
        tags,
        summary:
          "Set an area's overrides of the composition policy, inherited by its stations ({} removes them)",
        params: ZAreaParam,
        body: ZPolicyOverrides,
        response: { 200: ZEffectivePolicy },
      },
    },
    async (req) => setAreaPolicy(authed(req), req.params.areaId, req.body as Overrides),
  );
  app.get(
    '/stations/:stationId/portfolios',
    {
      schema: {
        tags,
        summary: "The station's request categories with their holders, and the gaps",
        params: ZStationParam,
        response: { 200: ZPortfolios },
      },
    },
    async (req) => listPortfolios(authed(req), req.params.stationId),
  );
  app.put(
    '/stations/:stationId/portfolios/:categoryId',
    {
      schema: {
        tags,
        summary: "Give a category to a council member: its new requests go to the member's queue",
        params: ZPortfolioParams,
        body: ZAssignPortfolio,
        response: { 200: ZPortfolios },
      },
    },
    async (req) =>
      assignPortfolio(authed(req), req.params.stationId, req.params.categoryId, req.body.memberId),
  );
  app.delete(
    '/stations/:stationId/portfolios/:categoryId',
    {
      schema: {
        tags,
        summary: 'Take a category from its holder (its requests go to nobody again)',
        params: ZPortfolioParams,
        response: { 200: ZPortfolios },
      },
    },
    async (req) => removePortfolio(authed(req), req.params.stationId, req.params.categoryId),
  );
};

export const councilFigures: Record<string, FigureSet> = { setup: setupFigureSet as FigureSet };
